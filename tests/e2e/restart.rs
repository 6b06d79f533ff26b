//! Nothing is lost and nothing counts twice across a restart, a crash or a gateway resume.

use retrobot::domain::ids::{ChannelId, MessageId};
use retrobot::domain::retro::RetroStatus;

use crate::harness::{eventually, World, STATEMENTS, WAIT};
use crate::support::Fault;

#[tokio::test]
async fn votes_and_replies_made_while_offline_count_once() {
    let mut w = World::start().await;
    let fx = w.fx.clone();
    let (_, posted) = w.start_retro(&[]).await;
    let (ch, s1, s2, t1) = (
        fx.channel,
        posted.statements[0].id,
        posted.statements[1].id,
        posted.threads[0].id,
    );

    w.discord.react(fx.bob, ch, s1, "👍");
    w.discord.react(fx.carol, ch, s2, "👍");
    let early = w.discord.post(fx.bob, t1, "Customer advisory board");
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    eventually("the online votes and reply are recorded", || async {
        let p = store.participation(retro.id).await.unwrap();
        p.voters == 2 && p.replies == 1
    })
    .await;
    w.stop_bot().await;

    // While the bot is down.
    w.discord.unreact_offline(fx.bob, ch, s1, "👍");
    w.discord.react_offline(fx.bob, ch, s1, "👎");
    w.discord.react_offline(fx.dave, ch, s1, "👎");
    w.discord.react_offline(fx.carol, ch, s2, "👎"); // both on the message: the new one wins
    w.discord
        .edit_offline(t1, early, "Customer advisory board, monthly");
    w.discord.post_offline(fx.dave, t1, "Support tickets");

    w.launch().await;
    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    for line in [
        format!(
            "**1. {}**\n👍 0 · 👎 2 · 0% agree · 2 participants",
            STATEMENTS[0]
        ),
        format!(
            "**2. {}**\n👍 0 · 👎 1 · 0% agree · 1 participant",
            STATEMENTS[1]
        ),
        "2 replies".to_string(),
        "> Customer advisory board, monthly\n— **Bob**".to_string(),
        "> Support tickets\n— **Dave**".to_string(),
        "**3** members voted".to_string(),
    ] {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    w.finish().await;
}

#[tokio::test]
async fn a_dropped_gateway_connection_resumes_without_losing_events() {
    let w = World::start().await;
    let fx = w.fx.clone();
    let (_, posted) = w.start_retro(&[]).await;
    let (ch, s1) = (fx.channel, posted.statements[0].id);

    w.discord.drop_gateway();
    // Dispatched while the connection is down: the stand-in replays them on RESUME.
    w.discord.react(fx.bob, ch, s1, "👍");
    w.discord.react(fx.carol, ch, s1, "👍");
    w.discord.react(fx.carol, ch, s1, "👎");
    w.discord
        .post(fx.dave, posted.threads[0].id, "Quarterly reviews");
    w.discord
        .wait_until(WAIT, "a resumed session", |d| {
            d.sessions()
                .iter()
                .any(|s| s.resumed >= 1 && s.connected)
                .then_some(())
        })
        .await;
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    eventually("the replayed events are recorded", || async {
        let p = store.participation(retro.id).await.unwrap();
        p.voters == 2 && p.replies == 1
    })
    .await;
    let sessions = w.discord.sessions();
    assert_eq!(
        sessions.iter().map(|s| s.identified).sum::<usize>(),
        1,
        "resumed, not re-identified: {sessions:?}"
    );

    w.command(fx.alice, "retro close", &[]).await;
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains("👍 1 · 👎 1 · 50% agree · 2 participants"),
        "{summary}"
    );
    assert!(
        summary.contains("> Quarterly reviews\n— **Dave**"),
        "{summary}"
    );
    w.finish().await;
}

#[tokio::test]
async fn a_close_interrupted_by_a_lost_answer_and_a_crash_posts_the_summary_once() {
    let mut w = World::start().await;
    let fx = w.fx.clone();
    let (_, posted) = w.start_retro(&[]).await;
    w.discord
        .react(fx.bob, fx.channel, posted.statements[0].id, "👍");
    // Discord creates the summary, but the bot never hears back; then the bot crashes.
    let summary_post = format!("/channels/{}/messages", fx.channel);
    w.discord
        .inject(Fault::lose_response("POST", &summary_post, 5));
    let reply = w.command(fx.alice, "retro close", &[]).await;
    assert!(
        reply.text.contains("couldn't post the summary yet"),
        "{}",
        reply.text
    );
    w.kill_bot().await;

    w.launch().await;
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains("👍 1 · 👎 0 · 100% agree · 1 participant"),
        "{summary}"
    );
    let store = w.store().await;
    // Discord already has the summary from before the crash; the restarted bot finishes the
    // close once the dead process's lease has run out.
    eventually("the close finished after the restart", || async {
        store
            .retros_with_status(RetroStatus::Closed)
            .await
            .unwrap()
            .len()
            == 1
    })
    .await;
    let summaries = w
        .discord
        .messages(fx.channel)
        .iter()
        .filter(|m| crate::harness::is_summary(m))
        .count();
    assert_eq!(summaries, 1, "the summary was posted exactly once");
    w.finish().await;
}

#[tokio::test]
async fn a_crash_while_posting_resumes_without_posting_twice() {
    let mut w = World::start().await;
    let fx = w.fx.clone();
    // The third statement is created by Discord, but its answer is held back and the bot
    // crashes before it could record it.
    let messages = format!("/channels/{}/messages", fx.channel);
    w.discord
        .inject(Fault::delay_answer("POST", &messages, 1, 60_000).after(3));
    w.discord.slash(fx.alice, fx.channel, "retro start", &[]);
    w.discord
        .wait_until(WAIT, "the statements posted", |d| {
            let statements = d
                .messages(fx.channel)
                .iter()
                .filter(|m| m.content.starts_with("**Statement"))
                .count();
            (statements == 3).then_some(())
        })
        .await;
    w.kill_bot().await;
    w.discord.clear_faults();

    w.launch().await;
    let posted = w.wait_for_posts(3, 4).await;
    let store = w.store().await;
    // The posts show before the bot records the retro as open: wait for that record.
    crate::harness::eventually("the resumed retro recorded as open", || async {
        let found = store.active_retro_in_channel(ChannelId(fx.channel)).await;
        found
            .unwrap()
            .is_some_and(|r| r.status == RetroStatus::Open)
    })
    .await;
    let open = store
        .active_retro_in_channel(ChannelId(fx.channel))
        .await
        .unwrap()
        .expect("the retro was resumed");
    assert_eq!(open.header_message_id, Some(MessageId(posted.header.id)));
    let bot_id = w.discord.bot_user_id();
    let messages = w.discord.messages(fx.channel);
    let statements = messages
        .iter()
        .filter(|m| m.author_id == bot_id && m.content.starts_with("**Statement"))
        .count();
    let headers = messages
        .iter()
        .filter(|m| crate::harness::is_header(m))
        .count();
    assert_eq!((headers, statements), (1, 3), "nothing was posted twice");
    assert_eq!(w.discord.threads(fx.channel).len(), 4);
    // Votes count on the resumed retro.
    w.discord
        .react(fx.bob, fx.channel, posted.statements[0].id, "👍");
    w.command(fx.alice, "retro close", &[]).await;
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains("👍 1 · 👎 0 · 100% agree · 1 participant"),
        "{summary}"
    );
    w.finish().await;
}
