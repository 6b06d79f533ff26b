//! Bad input and faults: each gets a clear message only the caller sees, and nothing is left
//! half-done in Discord or in the database.

use retrobot::domain::ids::ChannelId;
use serde_json::json;

use retrobot::domain::retro::RetroStatus;

use crate::harness::{s, World, WAIT};
use crate::support::{perms, Fault};

/// Messages the bot has posted in the fixture channel.
fn bot_posts(w: &World) -> usize {
    let bot = w.discord.bot_user_id();
    w.discord
        .messages(w.fx.channel)
        .iter()
        .filter(|m| m.author_id == bot)
        .count()
}

#[tokio::test]
async fn invalid_options_are_refused_before_anything_is_posted() {
    let w = World::start().await;
    let alice = w.fx.alice;
    let cases: Vec<(Vec<(&str, serde_json::Value)>, &str)> = vec![
        (
            vec![("template", s("no-such-check"))],
            "There is no template called `no-such-check`",
        ),
        (
            vec![("duration", s("soon"))],
            "`soon` is not a duration I understand",
        ),
        (vec![("duration", s("9w"))], "`9w` is too long"),
        (vec![("duration", s("5s"))], "`5s` is too short"),
        (
            vec![("title", json!("x".repeat(101)))],
            "The title is 101 characters long",
        ),
    ];
    for (options, expected) in cases {
        let reply = w.command(alice, "retro start", &options).await;
        assert!(reply.ephemeral, "{reply:?}");
        assert!(
            reply.text.contains(expected),
            "expected {expected:?}, got {:?}",
            reply.text
        );
    }
    let dm = w.discord.slash_in_dm(alice, "retro start", &[]);
    let reply = w.discord.wait_reply(dm, WAIT).await;
    assert!(
        reply.text.contains("not in direct messages"),
        "{}",
        reply.text
    );
    let close = w.command(alice, "retro close", &[]).await;
    assert!(
        close.ephemeral && close.text.contains("There is no open retro here"),
        "{}",
        close.text
    );
    assert_eq!(bot_posts(&w), 0, "nothing was posted");
    w.finish().await;
}

#[tokio::test]
async fn missing_permissions_are_named_before_posting() {
    let w = World::start().await;
    let granted = perms::VIEW_CHANNEL
        | perms::SEND_MESSAGES
        | perms::EMBED_LINKS
        | perms::READ_MESSAGE_HISTORY
        | perms::SEND_MESSAGES_IN_THREADS;
    w.discord.set_bot_permissions(w.fx.channel, granted);
    let reply = w.command(w.fx.alice, "retro start", &[]).await;
    assert!(reply.ephemeral);
    assert!(
        reply
            .text
            .contains("**Add Reactions**, **Create Public Threads**"),
        "{}",
        reply.text
    );
    assert!(
        !reply.text.contains("Send Messages**"),
        "only what is missing: {}",
        reply.text
    );
    assert_eq!(bot_posts(&w), 0);
    let posts = w
        .discord
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.contains("/channels/"))
        .count();
    assert_eq!(posts, 0, "no post was even attempted");
    w.finish().await;
}

#[tokio::test]
async fn a_second_start_links_the_open_retro() {
    let w = World::start().await;
    let (_, posted) = w.start_retro(&[("title", s("Q3"))]).await;
    let reply = w.command(w.fx.bob, "retro start", &[]).await;
    assert!(reply.ephemeral);
    assert!(
        reply.text.contains("already has an open retro"),
        "{}",
        reply.text
    );
    assert!(
        reply.text.contains(&posted.header.id.to_string()),
        "links the header: {}",
        reply.text
    );
    w.finish().await;
}

#[tokio::test]
async fn rate_limits_midway_are_retried_after_retry_after() {
    let w = World::start().await;
    w.discord
        .inject(Fault::rate_limited("PUT", "/reactions/", 2, 0.2));
    w.discord
        .inject(Fault::rate_limited("POST", "/threads", 1, 0.2));
    w.start_retro(&[]).await;
    let requests = w.discord.requests();
    let limited: Vec<_> = requests.iter().filter(|r| r.status == 429).collect();
    assert_eq!(limited.len(), 3, "{limited:#?}");
    for hit in limited {
        let retry = requests
            .iter()
            .find(|r| {
                r.method == hit.method
                    && r.path == hit.path
                    && r.status < 300
                    && r.arrived > hit.arrived
            })
            .unwrap_or_else(|| panic!("no retry of {} {}", hit.method, hit.path));
        assert!(
            retry.arrived >= hit.finished + std::time::Duration::from_millis(190),
            "waited retry_after"
        );
    }
    w.finish().await;
}

#[tokio::test]
async fn a_discord_failure_midway_marks_the_retro_failed_and_removes_its_posts() {
    let w = World::start().await;
    // As many 500s as the bot tries (once and four retries): the start fails for good.
    w.discord.inject(Fault::server_error("POST", "/threads", 5));
    let reply = w.command(w.fx.alice, "retro start", &[]).await;
    assert!(reply.ephemeral);
    assert!(
        reply.text.contains("I couldn't start the retro"),
        "{}",
        reply.text
    );
    assert!(
        reply.text.contains("create a thread"),
        "says what failed: {}",
        reply.text
    );
    assert!(reply.text.contains("nothing is open"), "{}", reply.text);
    let bot = w.discord.bot_user_id();
    let channel = w.fx.channel;
    w.discord
        .wait_until(WAIT, "the posts removed", |d| {
            d.messages(channel)
                .iter()
                .all(|m| m.author_id != bot)
                .then_some(())
        })
        .await;
    let store = w.store().await;
    let failed = store.retros_with_status(RetroStatus::Failed).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert!(store
        .active_retro_in_channel(ChannelId(channel))
        .await
        .unwrap()
        .is_none());
    let status = w.command(w.fx.alice, "retro status", &[]).await;
    assert!(status.text.contains("No retro is open"), "{}", status.text);
    // Once Discord works again, a retro starts normally.
    w.start_retro(&[]).await;
    w.finish().await;
}

#[tokio::test]
async fn a_failed_start_leaves_threads_it_may_not_delete_without_asking() {
    let w = World::start().await;
    // Two threads are made, then every try at the third fails: the start fails for good. The
    // bot is invited without Manage Threads, so it may not delete the two threads.
    w.discord
        .inject(Fault::server_error("POST", "/threads", 5).after(2));
    let reply = w.command(w.fx.alice, "retro start", &[]).await;
    assert!(
        reply.text.contains("I couldn't start the retro"),
        "{}",
        reply.text
    );
    let bot = w.discord.bot_user_id();
    let channel = w.fx.channel;
    w.discord
        .wait_until(WAIT, "the posts removed", |d| {
            d.messages(channel)
                .iter()
                .all(|m| m.author_id != bot)
                .then_some(())
        })
        .await;
    let refused: Vec<String> = w
        .discord
        .requests()
        .iter()
        .filter(|r| r.status == 403)
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(refused.is_empty(), "requests Discord refuses: {refused:?}");
    assert_eq!(w.discord.threads(channel).len(), 2, "the threads stay");
    w.finish().await;
}

#[tokio::test]
async fn autocomplete_offers_templates_and_open_retros() {
    let w = World::start().await;
    let id = w.discord.autocomplete(
        w.fx.alice,
        w.fx.channel,
        "retro start",
        &[("template", s("obsess"))],
        "template",
    );
    w.discord.wait_reply(id, WAIT).await;
    let choices = w.discord.autocomplete_choices(id).expect("choices");
    assert_eq!(choices.len(), 1);
    assert_eq!(choices[0].1, json!("customer-obsession"));
    w.start_retro(&[("title", s("Autumn"))]).await;
    let id = w.discord.autocomplete(
        w.fx.alice,
        w.fx.channel,
        "retro close",
        &[("retro", s(""))],
        "retro",
    );
    w.discord.wait_reply(id, WAIT).await;
    let choices = w.discord.autocomplete_choices(id).expect("choices");
    assert_eq!(choices.len(), 1);
    assert!(choices[0].0.contains("Autumn"), "{choices:?}");
    w.finish().await;
}
