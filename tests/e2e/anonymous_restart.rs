//! Anonymous check-ins across failures: an answer whose post Discord made but the bot never
//! heard about is found after a crash instead of posted twice; an answer Discord refused is
//! posted by the close; an edit right after a lost post shows once, edited; a click while the bot is down does not count (so the next click votes
//! rather than retracts); and the configured small-group threshold applies.

use retrobot::domain::ids::ChannelId;
use retrobot::domain::retro::RetroStatus;

use crate::anonymous::{answer, click, posted_answers, start_anonymous};
use crate::harness::{eventually, World, STATEMENTS};
use crate::support::Fault;

#[tokio::test]
async fn crashes_and_discord_errors_lose_nothing_and_repeat_nothing() {
    let mut w = World::start_with_config(Some("anonymous_min_voters = 2\n")).await;
    let fx = w.fx.clone();
    let (_, posts) = start_anonymous(&w, &[]).await;
    let (ch, s1) = (fx.channel, posts.statements[0].id);
    let (t1, t2) = (posts.threads[0].id, posts.threads[1].id);
    click(&w, fx.bob, ch, s1, &posts.vote(0, 0)).await;

    // Discord creates the answer's message, but the bot never hears back (for every retry too); then it crashes.
    let thread_posts = format!("/channels/{t1}/messages");
    w.discord
        .inject(Fault::lose_response("POST", &thread_posts, 5));
    let r = answer(&w, &posts, fx.bob, 0, None, "Customer advisory board").await;
    assert!(r.text.contains("saved and counts"), "{}", r.text);
    assert_eq!(posted_answers(&w.discord, t1), ["Customer advisory board"]);

    // The same on question 3, then Carol edits at once: one message, showing the edit.
    let t3 = posts.threads[2].id;
    w.discord.inject(Fault::lose_response(
        "POST",
        &format!("/channels/{t3}/messages"),
        1,
    ));
    answer(
        &w,
        &posts,
        fx.carol,
        2,
        None,
        "Unclear: the reporting revamp",
    )
    .await;
    let r = answer(
        &w,
        &posts,
        fx.carol,
        2,
        Some("Unclear: the reporting revamp"),
        "Unclear: the reporting revamp and the new API",
    )
    .await;
    assert!(r.text.contains("without your name"), "{}", r.text);
    assert_eq!(
        posted_answers(&w.discord, t3),
        ["Unclear: the reporting revamp and the new API"]
    );
    w.kill_bot().await;

    // A click while the bot is down: nobody answers it, so Carol is shown that it failed.
    let lost = w.discord.click_button(fx.carol, ch, s1, &posts.vote(0, 0));
    w.discord.clear_requests();
    w.launch().await;
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    eventually("the answer found after the restart", || async {
        store
            .unsynced_anonymous_answers(retro.id)
            .await
            .unwrap()
            .is_empty()
    })
    .await;
    assert_eq!(
        posted_answers(&w.discord, t1),
        ["Customer advisory board"],
        "found again, not posted twice"
    );
    let reposts = w
        .discord
        .requests()
        .iter()
        .filter(|r| r.is("POST", &thread_posts))
        .count();
    assert_eq!(reposts, 0, "found by its reference, not posted again");
    assert!(w.discord.reply(lost).is_none());
    let r = click(&w, fx.carol, ch, s1, &posts.vote(0, 0)).await;
    assert!(
        r.text.starts_with("Your vote: 👍"),
        "the lost click did not count, so this one votes: {}",
        r.text
    );

    // Discord refuses Dave's answer: it is saved and counts, and the close posts it.
    let other_posts = format!("/channels/{t2}/messages");
    w.discord
        .inject(Fault::server_error("POST", &other_posts, 5));
    let r = answer(&w, &posts, fx.dave, 1, None, "The pricing change").await;
    assert!(r.text.contains("saved and counts"), "{}", r.text);
    assert!(posted_answers(&w.discord, t2).is_empty());

    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posts.statements[2].id).await;
    for line in [
        format!(
            "**1. {}**\n👍 2 · 👎 0 · 100% agree · 2 participants",
            STATEMENTS[0]
        ),
        "> Customer advisory board".to_string(),
        "> The pricing change".to_string(),
        "> Unclear: the reporting revamp and the new API".to_string(),
        "**2** members voted".to_string(),
    ] {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    assert_eq!(posted_answers(&w.discord, t1).len(), 1);
    assert_eq!(posted_answers(&w.discord, t2), ["The pricing change"]);
    assert_eq!(
        store.retro(retro.id).await.unwrap().unwrap().status,
        RetroStatus::Closed
    );
    assert!(store.retro_secret(retro.id).await.unwrap().is_none());
    w.finish().await;
}
