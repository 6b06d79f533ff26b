//! Discord failing under the bot, through the stand-in's fault injection: a scheduled check-in
//! survives a 502 and a lost answer at each posting step (and posts everything once); an
//! automatic close after the channel was deleted, or after the bot's access was revoked, ends
//! "could not close" (channel free, another server's check-in on time, invalid requests
//! counted on /metrics); a notice or a form answer whose post lost its answer is posted once.

use std::time::Duration;

use retrobot::domain::ids::ChannelId;
use retrobot::domain::retro::{Retro, RetroStatus};
use serde_json::json;

use crate::harness::{eventually, is_header, is_summary, s, World, WAIT};
use crate::schedules::FAST;
use crate::support::perms;
use crate::support::Fault;

/// A 502 Bad Gateway, as a proxy in front of Discord answers when Discord is down.
fn bad_gateway(method: &str, path: &str) -> Fault {
    let body = json!({"message": "502: Bad Gateway", "code": 0});
    Fault::status(method, path, 1, 502, body)
}

#[tokio::test]
async fn a_scheduled_checkin_survives_a_502_and_a_lost_answer_at_every_posting_step() {
    let w = World::start_with_config(Some(FAST)).await;
    let channel_messages = format!("/channels/{}/messages", w.fx.channel);
    let channel_threads = format!("/channels/{}/threads", w.fx.channel);
    // Each step: first a 502 (nothing happened), then a lost answer (it happened, the bot heard
    // a 500), then it works.
    for (method, path) in [
        ("POST", channel_messages.as_str()),
        ("PUT", "/reactions/"),
        ("POST", channel_threads.as_str()),
        ("PUT", "/thread-members/@me"),
    ] {
        w.discord.inject(bad_gateway(method, path));
        w.discord.inject(Fault::lose_response(method, path, 1));
    }
    let added = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[("when", s("*/20 * * * * *")), ("duration", s("15s"))],
        )
        .await;
    assert!(added.text.contains("Scheduled"), "{}", added.text);
    let posted = w.wait_for_posts(3, 4).await;
    let schedules = w
        .store()
        .await
        .schedules_in(retrobot::domain::ids::GuildId(w.fx.guild), None)
        .await
        .unwrap();
    let removed = w
        .command(
            w.fx.morgan,
            "retro schedule remove",
            &[("schedule", json!(schedules[0].id.0.to_string()))],
        )
        .await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    let store = w.store().await;
    eventually("the check-in is open or closed", || async {
        let open = store.retros_with_status(RetroStatus::Open).await.unwrap();
        let closed = store.retros_with_status(RetroStatus::Closed).await.unwrap();
        open.len() + closed.len() == 1
    })
    .await;
    let messages = w.discord.messages(w.fx.channel);
    let bot = w.discord.bot_user_id();
    let mine: Vec<_> = messages
        .iter()
        .filter(|m| m.author_id == bot && !is_summary(m) && !m.content.starts_with('⏰'))
        .collect();
    assert_eq!(
        mine.iter().filter(|m| is_header(m)).count(),
        1,
        "one header"
    );
    let texts: Vec<String> = mine.iter().map(|m| m.text()).collect();
    let statements = texts
        .iter()
        .filter(|t| t.starts_with("**Statement"))
        .count();
    assert_eq!(statements, 3, "three statements, each once: {texts:#?}");
    // The rest are Discord's notices of the four threads created (one each).
    assert_eq!(mine.len(), 1 + 3 + 4, "nothing twice: {texts:#?}");
    for statement in &posted.statements {
        assert_eq!(statement.count("👍"), 1, "the bot's 👍 once");
        assert_eq!(statement.count("👎"), 1, "the bot's 👎 once");
    }
    let threads = w.discord.threads(w.fx.channel);
    assert_eq!(threads.len(), 4, "four threads, none twice: {threads:?}");
    for thread in &threads {
        assert!(thread.bot_is_member, "the bot joined {}", thread.name);
        let inside = w.discord.messages(thread.id);
        assert_eq!(inside.len(), 1, "the question once in {}", thread.name);
    }
    let injected = w.discord.requests().iter().filter(|r| r.injected).count();
    assert_eq!(injected, 8, "every injected fault was met");
    w.finish().await;
}

/// The retro of the fixture channel in `status`, once it is there.
async fn retro_in(w: &World, status: RetroStatus) -> Retro {
    let store = w.store().await;
    let deadline = tokio::time::Instant::now() + 2 * WAIT;
    loop {
        let found = store.retros_with_status(status).await.unwrap();
        if let Some(retro) = found
            .into_iter()
            .find(|r| r.channel_id == ChannelId(w.fx.channel))
        {
            return retro;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no retro became {status:?}; logs:\n{}",
            w.bot_logs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A free local port for the operators' endpoint.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// One value of the bot's /metrics.
pub async fn metric(port: u16, name: &str) -> f64 {
    let text = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
        .await
        .expect("/metrics answers")
        .text()
        .await
        .expect("/metrics text");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .unwrap_or_else(|| panic!("{name} in {text}"))
        .trim()
        .parse()
        .expect("a number")
}

#[tokio::test]
async fn a_close_after_the_channel_was_deleted_ends_could_not_close() {
    let w = World::start_with_config(Some(FAST)).await;
    let (_, _posted) = w.start_retro(&[("duration", s("3s"))]).await;
    let open = retro_in(&w, RetroStatus::Open).await;
    w.discord.shared().with(|s| s.delete_channel(w.fx.channel));
    let ended = retro_in(&w, RetroStatus::Abandoned).await;
    assert_eq!(ended.id, open.id);
    let store = w.store().await;
    let reason = store.failure_reason(open.id).await.unwrap().unwrap();
    assert!(reason.contains("404"), "{reason}");
    assert!(store
        .active_retro_in_channel(ChannelId(w.fx.channel))
        .await
        .unwrap()
        .is_none());
    assert!(
        w.bot_logs().contains("retro could not be closed"),
        "the log says why"
    );
    w.finish().await;
}

#[tokio::test]
async fn a_close_after_access_was_revoked_ends_could_not_close_and_nobody_else_waits() {
    let port = free_port();
    let config = format!("{FAST}metrics_addr = \"127.0.0.1:{port}\"\n");
    let w = World::start_with_config(Some(&config)).await;
    // Another server with a check-in every 5 seconds.
    let other = w.discord.add_guild("Other Guild");
    let other_channel = w.discord.add_text_channel(other, "team");
    let other_manager = w.discord.add_role(other, "Manager", perms::MANAGE_GUILD);
    let mia = w.discord.add_member(other, "Mia", &[other_manager]);

    let (_, _posted) = w.start_retro(&[("duration", s("3s"))]).await;
    let open = retro_in(&w, RetroStatus::Open).await;
    let bot = w.discord.bot_user_id();
    w.discord
        .set_member_overwrite(w.fx.channel, bot, Some((0, perms::VIEW_CHANNEL)));
    let id = w.discord.slash(
        mia,
        other_channel,
        "retro schedule add",
        &[("when", s("*/5 * * * * *")), ("duration", s("4s"))],
    );
    let added = w.discord.wait_reply(id, WAIT).await;
    assert!(added.text.contains("Scheduled"), "{}", added.text);
    let scheduled_at = std::time::Instant::now();
    w.discord
        .wait_until(WAIT, "the other server's check-in", |d| {
            d.messages(other_channel).into_iter().find(is_header)
        })
        .await;
    assert!(
        scheduled_at.elapsed() < Duration::from_secs(20),
        "the other server's check-in came on time ({:?})",
        scheduled_at.elapsed()
    );

    let ended = retro_in(&w, RetroStatus::Abandoned).await;
    assert_eq!(ended.id, open.id);
    let store = w.store().await;
    let reason = store.failure_reason(open.id).await.unwrap().unwrap();
    assert!(reason.contains("403"), "{reason}");
    let refused = w
        .discord
        .requests()
        .iter()
        .filter(|r| matches!(r.status, 401 | 403 | 429))
        .count() as f64;
    assert!(refused >= 3.0, "the close was tried a few times");
    let counted = metric(port, "retrobot_discord_invalid_requests_10m").await;
    assert!(
        counted >= 3.0 && counted <= refused,
        "invalid requests counted: {counted} of {refused}"
    );
    assert!(metric(port, "retrobot_retros_could_not_close_total").await >= 1.0);

    // Access back: the channel is free for a new retro.
    w.discord.set_member_overwrite(w.fx.channel, bot, None);
    let (reply, _) = w.start_retro(&[]).await;
    assert!(!reply.text.contains("already"), "{}", reply.text);
    w.finish().await;
}

/// Waits until a post to `path` lost its answer and was sent again successfully.
async fn wait_for_retried_post(w: &World, path: &str) {
    w.discord
        .wait_until(WAIT, "the retried post", |d| {
            let posts: Vec<_> = d
                .requests()
                .into_iter()
                .filter(|r| r.method == "POST" && r.path.ends_with(path))
                .collect();
            let lost = posts.iter().position(|r| r.injected)?;
            posts[lost + 1..]
                .iter()
                .any(|r| (200..300).contains(&r.status))
                .then_some(())
        })
        .await;
}

#[tokio::test]
async fn a_typed_reply_notice_is_posted_once_through_a_lost_answer() {
    let w = World::start().await;
    let (_, posts) = crate::anonymous::start_anonymous(&w, &[]).await;
    let thread = posts.threads[0].id;
    let path = format!("/channels/{thread}/messages");
    w.discord.inject(Fault::lose_response("POST", &path, 1));
    w.discord
        .post(w.fx.dave, thread, "We rarely talk to customers");
    wait_for_retried_post(&w, &path).await;
    let bot = w.discord.bot_user_id();
    let notices: Vec<String> = w
        .discord
        .messages(thread)
        .into_iter()
        .filter(|m| m.author_id == bot && m.content.starts_with(&format!("<@{}>", w.fx.dave)))
        .map(|m| m.content)
        .collect();
    assert_eq!(notices.len(), 1, "the notice once: {notices:#?}");
    w.finish().await;
}

#[tokio::test]
async fn a_form_answer_is_posted_once_through_a_lost_answer() {
    let w = World::start().await;
    let (_, posted) = w.start_retro(&[]).await;
    let thread = posted.threads[0].id;
    let path = format!("/channels/{thread}/messages");
    w.discord.inject(Fault::lose_response("POST", &path, 1));
    crate::intents::answer(&w, w.fx.bob, thread, None, "Weekly customer calls").await;
    wait_for_retried_post(&w, &path).await;
    let bot = w.discord.bot_user_id();
    let answers: Vec<String> = w
        .discord
        .messages(thread)
        .into_iter()
        .filter(|m| m.author_id == bot && m.content.contains("answered:"))
        .map(|m| m.content)
        .collect();
    assert_eq!(answers.len(), 1, "the answer once: {answers:#?}");
    w.finish().await;
}

#[tokio::test]
async fn a_member_gets_the_answer_when_the_acknowledgement_of_their_command_was_lost() {
    let w = World::start().await;
    // Discord takes the deferral but its answer never reaches the bot: the bot sends it again,
    // Discord says "already acknowledged", and the member must still get the real answer.
    w.discord
        .inject(Fault::lose_response("POST", "/callback", 1));
    let reply = w.command(w.fx.bob, "retro templates", &[]).await;
    assert!(
        reply.text.contains("Customer Obsession"),
        "the templates list: {}",
        reply.text
    );
    let callbacks: Vec<u16> = w
        .discord
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/callback"))
        .map(|r| r.status)
        .collect();
    assert!(
        callbacks.len() >= 2 && callbacks[1] == 400,
        "the deferral was sent again and refused as already acknowledged: {callbacks:?}"
    );
    // That second callback is the one request the stand-in flags; nothing else may be.
    let unexpected = w.discord.unexpected_requests();
    assert!(
        unexpected.len() == 1 && unexpected[0].path.ends_with("/callback"),
        "{unexpected:#?}"
    );
    w.discord.clear_requests();
    w.finish().await;
}
