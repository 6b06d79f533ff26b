//! The whole retro loop as members live it: start, votes (with a switch, a retraction, a
//! foreign emoji and another bot), replies (with an edit and a delete), a refused close, the
//! facilitator's close and the exact summary; then a closed retro stays closed.

use retrobot::domain::ids::ChannelId;
use retrobot::domain::retro::RetroStatus;
use retrobot::domain::tally::tally;

use crate::harness::{eventually, s, World, QUESTIONS, STATEMENTS};

#[tokio::test]
async fn start_vote_reply_close_summary() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());

    let commands = d.registered_commands();
    let retro = commands
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "retro")
        .expect("/retro registered");
    let subs: Vec<&str> = retro["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        subs,
        [
            "start",
            "close",
            "status",
            "templates",
            "schedule",
            "history",
            "export",
            "action",
            "help",
            "settings",
            "template",
            "overview",
            "share",
            "digest"
        ]
    );

    let (started, posted) = w
        .start_retro(&[("title", s("Sprint 14")), ("duration", s("2d"))])
        .await;
    assert!(
        started.ack_after < std::time::Duration::from_secs(3),
        "acknowledged in {:?}",
        started.ack_after
    );
    assert!(started.deferred, "the start is deferred first");

    // The header: template, title, facilitator, how to take part, closing time.
    let header = posted.header.text();
    assert!(
        header.contains("Amazon \"Customer Obsession\" Health Check — Sprint 14"),
        "{header}"
    );
    assert!(header.contains(&format!("<@{}>", fx.alice)), "{header}");
    assert!(header.contains("How to take part"), "{header}");
    assert!(
        header.contains(":R>"),
        "closing time as a Discord timestamp: {header}"
    );
    // Statements in order, exact wording, with the bot's 👍 and 👎.
    for (message, text) in posted.statements.iter().zip(STATEMENTS) {
        assert!(message.content.contains(text), "{}", message.content);
    }
    // One public thread per question, named after it, joined, with the full question first.
    for (thread, question) in posted.threads.iter().zip(QUESTIONS) {
        assert_eq!(thread.kind, 11);
        assert!(thread.bot_is_member);
        assert!(thread.name.chars().count() <= 100, "{}", thread.name);
        assert!(
            question.starts_with(thread.name.trim_end_matches('…')),
            "{} / {question}",
            thread.name
        );
        assert!(d.messages(thread.id)[0].content.contains(question));
    }

    let [s1, s2, s3] = [
        &posted.statements[0],
        &posted.statements[1],
        &posted.statements[2],
    ];
    let ch = fx.channel;
    d.react(fx.bob, ch, s1.id, "👍");
    d.react(fx.carol, ch, s1.id, "👎");
    d.react(fx.dave, ch, s1.id, "👍");
    d.react(fx.dave, ch, s1.id, "👎"); // switch: newest wins
    d.react(fx.bob, ch, s2.id, "👍");
    d.unreact(fx.bob, ch, s2.id, "👍"); // retract
    d.react(fx.carol, ch, s2.id, "👎");
    d.react(fx.carol, ch, s2.id, "👍");
    d.unreact(fx.carol, ch, s2.id, "👍"); // falls back to 👎, still on the message
    d.react(fx.bob, ch, s3.id, "🎉"); // not on the scale
    d.react(fx.other_bot, ch, s3.id, "👍"); // bots never count
    d.react(fx.morgan, ch, s3.id, "👍");

    let [t1, t2] = [posted.threads[0].id, posted.threads[1].id];
    d.post(fx.bob, t1, "Weekly customer calls");
    let carol_reply = d.post(fx.carol, t1, "A shared Slack channel");
    d.edit(t1, carol_reply, "A shared Slack channel with two customers");
    let dave_reply = d.post(fx.dave, t2, "Pricing change");
    d.delete(t2, dave_reply);
    d.post(
        fx.alice,
        t2,
        "The onboarding redesign\nwithout any interviews",
    );

    let status = w.command(fx.bob, "retro status", &[]).await;
    assert!(status.ephemeral);
    assert!(status.text.contains("Sprint 14"), "{}", status.text);

    let refused = w.command(fx.bob, "retro close", &[]).await;
    assert!(refused.ephemeral);
    assert!(
        refused.text.contains(&format!("Only <@{}>", fx.alice))
            && refused.text.contains("Manage Server"),
        "the refusal says who may close: {}",
        refused.text
    );

    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.ephemeral);
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(s3.id).await;

    assert!(
        summary.contains("Summary — Amazon \"Customer Obsession\" Health Check — Sprint 14"),
        "{summary}"
    );
    let expect = [
        format!(
            "**1. {}**\n👍 1 · 👎 2 · 33% agree · 3 participants",
            STATEMENTS[0]
        ),
        format!(
            "**2. {}**\n👍 0 · 👎 1 · 0% agree · 1 participant",
            STATEMENTS[1]
        ),
        format!(
            "**3. {}**\n👍 1 · 👎 0 · 100% agree · 1 participant",
            STATEMENTS[2]
        ),
        format!("**Q1. {}**\n2 replies · thread: <#{t1}>", QUESTIONS[0]),
        "> Weekly customer calls\n— **Bob**".to_string(),
        "> A shared Slack channel with two customers\n— **Carol**".to_string(),
        format!("**Q2. {}**\n1 reply · thread: <#{t2}>", QUESTIONS[1]),
        "> The onboarding redesign\n> without any interviews\n— **Alice**".to_string(),
        format!("**Q3. {}**\n0 replies", QUESTIONS[2]),
    ];
    for line in expect {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    assert!(
        !summary.contains("Pricing change"),
        "a deleted reply is gone"
    );
    assert!(summary.contains("**4** members voted"), "{summary}");

    // A closed retro never changes: closing again finds nothing, a late vote does not count.
    let again = w.command(fx.alice, "retro close", &[]).await;
    assert!(again.text.contains("no open retro"), "{}", again.text);
    let status = w.command(fx.alice, "retro status", &[]).await;
    assert!(status.text.contains("No retro is open"), "{}", status.text);
    d.react(fx.bob, ch, s3.id, "👎");
    // A vote on a new retro, seen in its status, was handled after the late vote.
    let (_, next) = w.start_retro(&[]).await;
    d.react(fx.carol, ch, next.statements[0].id, "👍");
    let store = w.store().await;
    let open = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    eventually("the new retro's vote is recorded", || async {
        store.participation(open.id).await.unwrap().voters == 1
    })
    .await;
    let closed = &store.retros_with_status(RetroStatus::Closed).await.unwrap()[0];
    let marks = store.marks(closed.id).await.unwrap();
    let late = tally(&closed.template.scale, 3, &marks);
    assert_eq!(
        late.statements[2].counts,
        vec![1, 0],
        "the late 👎 was ignored"
    );
    let summaries = d
        .messages(ch)
        .iter()
        .filter(|m| crate::harness::is_summary(m))
        .count();
    assert_eq!(summaries, 1, "one summary, posted once");
    w.finish().await;
}
