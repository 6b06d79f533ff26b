//! Running without the privileged Message Content intent: with `auto`, a gateway that refuses
//! it (4014) is joined again without it and the operator told once; named answers given
//! through the Answer button's form are posted under their author, edited, withdrawn and
//! summarised with their authors; typed replies (unreadable) do not count. `off` never asks,
//! `on` stops on the refusal; a token Discord refuses ends the process with what to do,
//! without printing the token; an invite without `applications.commands` is named once.

use std::time::Duration;

use serde_json::json;

use crate::harness::{World, WAIT};
use crate::support::standin::CLOSE_DISALLOWED_INTENTS;
use crate::support::{BotProcess, Fault, MessageView, Reply, StandIn};

/// Discord's Message Content intent bit.
const MESSAGE_CONTENT: u64 = 1 << 15;
/// The start of the one line the bot logs when it runs without Message Content.
const WITHOUT_CONTENT_LINE: &str =
    "Discord refused the Message Content intent (gateway close 4014); reconnecting without it";

/// The question message (with the Answer button) at the top of `thread`.
fn question_message(d: &StandIn, thread: u64) -> MessageView {
    d.messages(thread)
        .into_iter()
        .find(|m| m.custom_ids().iter().any(|id| id.contains(":answer:")))
        .expect("the question has an Answer button")
}

/// `user` opens question `thread`'s form, checks what it is prefilled with, and submits `text`.
pub async fn answer(
    w: &World,
    user: u64,
    thread: u64,
    prefilled: Option<&str>,
    text: &str,
) -> Reply {
    let question = question_message(&w.discord, thread);
    let custom_id = question.custom_ids()[0].clone();
    let opened = w
        .discord
        .click_button(user, thread, question.id, &custom_id);
    let shown = w.discord.wait_reply(opened, WAIT).await;
    assert_eq!(shown.callback_type, 9, "the Answer button opens a form");
    let form = &w.discord.interaction_responses(opened)[0]["data"];
    assert_eq!(
        form["components"][0]["components"][0]["value"].as_str(),
        prefilled,
        "the form shows the member's current answer"
    );
    let submitted = w
        .discord
        .submit_modal(user, thread, &custom_id, &[("answer", text)]);
    w.discord.wait_reply(submitted, WAIT).await
}

/// The answers the bot posted in `thread`, oldest first.
fn posted_answers(d: &StandIn, thread: u64) -> Vec<String> {
    let bot = d.bot_user_id();
    d.messages(thread)
        .into_iter()
        .filter(|m| m.author_id == bot && m.content.contains("answered:"))
        .map(|m| m.content)
        .collect()
}

/// Waits (polling, with a generous deadline) until `bot` exits; returns its status and log.
async fn wait_exit(bot: &BotProcess) -> (String, String) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while bot.exit_status().is_none() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the bot kept running:\n{}",
            bot.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (bot.exit_status().unwrap_or_default(), bot.logs())
}

#[tokio::test]
async fn without_message_content_named_answers_come_through_the_form() {
    let w = World::start_prepared(None, &[], None, Vec::new(), |d| {
        d.set_message_content_allowed(false)
    })
    .await;
    let (fx, d) = (w.fx.clone(), &w.discord);
    assert_eq!(
        d.gateway_closes(),
        vec![(
            CLOSE_DISALLOWED_INTENTS,
            "Disallowed intent(s).".to_string()
        )]
    );
    assert!(d.session_intents().iter().all(|i| i & MESSAGE_CONTENT == 0));

    let (_, posted) = w.start_retro(&[]).await;
    let threads: Vec<u64> = posted.threads.iter().map(|t| t.id).collect();
    d.react(fx.bob, fx.channel, posted.statements[0].id, "👍");
    d.react(fx.carol, fx.channel, posted.statements[0].id, "👎");

    let bob = answer(
        &w,
        fx.bob,
        threads[0],
        None,
        "Weekly calls [click](https://evil.example) <@1>",
    )
    .await;
    assert!(
        bob.ephemeral && bob.text.starts_with("Your answer is posted"),
        "{bob:?}"
    );
    let carol = answer(&w, fx.carol, threads[1], None, "Too many meetings").await;
    assert!(carol.text.starts_with("Your answer is posted"), "{carol:?}");
    let edited = answer(
        &w,
        fx.carol,
        threads[1],
        Some("Too many meetings"),
        "Fewer meetings",
    )
    .await;
    assert!(edited.text.contains("updated"), "{edited:?}");
    answer(&w, fx.dave, threads[2], None, "Something to withdraw").await;
    let withdrawn = answer(&w, fx.dave, threads[2], Some("Something to withdraw"), "").await;
    assert!(withdrawn.text.contains("withdrawn"), "{withdrawn:?}");
    // A typed reply cannot be read without the intent: it does not count.
    d.post(fx.dave, threads[3], "typed words nobody can read");

    let shown = d
        .wait_until(WAIT, "the answers in their threads", |d| {
            let answers: Vec<Vec<String>> =
                threads[..3].iter().map(|t| posted_answers(d, *t)).collect();
            (answers[0].len() == 1
                && answers[1].len() == 1
                && answers[1][0].contains("Fewer meetings")
                && answers[2].is_empty())
            .then_some(answers)
        })
        .await;
    assert!(
        shown[0][0].starts_with("**Bob** answered:"),
        "{}",
        shown[0][0]
    );
    assert!(
        !shown[0][0].contains("[click](") && !shown[0][0].contains("<@1>"),
        "the member's text cannot mask a link or mention: {}",
        shown[0][0]
    );
    assert!(
        shown[1][0].starts_with("**Carol** answered:"),
        "{}",
        shown[1][0]
    );

    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{closed:?}");
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains("👍 1") && summary.contains("👎 1"),
        "{summary}"
    );
    assert!(summary.contains("— **Bob**"), "{summary}");
    assert!(summary.contains("> Weekly calls"), "{summary}");
    assert!(
        summary.contains("> Fewer meetings\n— **Carol**"),
        "{summary}"
    );
    for gone in ["Too many meetings", "Something to withdraw", "typed words"] {
        assert!(!summary.contains(gone), "{gone:?} in {summary}");
    }
    let logs = w.bot_logs();
    assert_eq!(
        logs.matches(WITHOUT_CONTENT_LINE).count(),
        1,
        "the operator is told once:\n{logs}"
    );
    assert!(logs.contains("Answer buttons work"), "{logs}");
    w.finish().await;
}

#[tokio::test]
async fn message_content_off_never_asks_for_the_intent() {
    let env = vec![("RETROBOT_MESSAGE_CONTENT".to_string(), "off".to_string())];
    let w = World::start_custom(None, &[], None, env).await;
    let intents = w.discord.session_intents();
    assert!(!intents.is_empty());
    assert!(
        intents.iter().all(|i| i & MESSAGE_CONTENT == 0),
        "{intents:?}"
    );
    assert!(w.discord.gateway_closes().is_empty());
    assert!(!w.bot_logs().contains(WITHOUT_CONTENT_LINE));
    // Named retros still take answers through the form.
    let (_, posted) = w.start_retro(&[("title", json!("Off"))]).await;
    let given = answer(&w, w.fx.bob, posted.threads[0].id, None, "Through the form").await;
    assert!(given.text.starts_with("Your answer is posted"), "{given:?}");
    w.finish().await;
}

#[tokio::test]
async fn a_refused_token_ends_the_process_naming_discord_token() {
    let (standin, _fx) = StandIn::start_default().await;
    let token = "Tok.REVOKED-e2e-4004";
    standin.reject_token(token);
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("retrobot.db").display());
    let bot = BotProcess::spawn(&standin, &database, &[("DISCORD_TOKEN", token)]);
    let (status, logs) = wait_exit(&bot).await;
    assert!(!status.contains("exit status: 0"), "{status}\n{logs}");
    assert!(
        logs.contains("DISCORD_TOKEN") && logs.contains("Bot → Reset Token"),
        "{logs}"
    );
    assert!(!logs.contains(token), "the token was printed:\n{logs}");
    assert!(
        !logs.contains("REVOKED"),
        "part of the token was printed:\n{logs}"
    );
}

#[tokio::test]
async fn message_content_on_stops_when_discord_refuses_it() {
    let (standin, _fx) = StandIn::start_default().await;
    standin.set_message_content_allowed(false);
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("retrobot.db").display());
    let bot = BotProcess::spawn(&standin, &database, &[("RETROBOT_MESSAGE_CONTENT", "on")]);
    let (status, logs) = wait_exit(&bot).await;
    assert!(!status.contains("exit status: 0"), "{status}\n{logs}");
    assert!(
        logs.contains("message_content = \"on\"") && logs.contains("Message Content Intent"),
        "{logs}"
    );
    assert_eq!(standin.gateway_closes().len(), 1, "no second attempt");
    assert!(!logs.contains(WITHOUT_CONTENT_LINE), "{logs}");
}

#[tokio::test]
async fn an_invite_without_the_commands_scope_is_reported_with_the_invite_url() {
    let missing_access = json!({"message": "Missing Access", "code": 50001});
    let w = World::start_prepared(None, &[], None, Vec::new(), |d| {
        d.inject(Fault::status("PUT", "/commands", 1, 403, missing_access))
    })
    .await;
    let logs = w.bot_logs();
    let line = logs
        .lines()
        .find(|l| l.contains("Re-invite it with both scopes"))
        .unwrap_or_else(|| panic!("no re-invite line:\n{logs}"));
    assert!(
        line.contains("applications.commands")
            && line.contains("scope=bot%20applications.commands"),
        "{line}"
    );
    assert_eq!(
        logs.matches("Re-invite it with both scopes").count(),
        1,
        "{logs}"
    );
    w.finish().await;
}
