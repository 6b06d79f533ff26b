//! Their language, for members: what only the caller sees (status, actions, templates, history,
//! export, refusals, the answer form and what it says back, the vote confirmations) follows the
//! member's Discord locale, while what is posted in the channel follows the retro's language. A
//! member in German gets German; a member in English still gets the English of before.

use serde_json::{json, Value};

use crate::anonymous::click;
use crate::harness::{s, World, WAIT};
use crate::support::{perms, Fault, MessageView, Reply, ThreadView};

/// `user` opens the Answer form of the question whose first message is `question` in `thread`,
/// then submits `text`; returns the opened form and the answer to the submission.
async fn answer_by_form(
    w: &World,
    user: u64,
    thread: u64,
    question: &MessageView,
    text: &str,
) -> (Reply, Reply) {
    let custom_id = question
        .custom_ids()
        .into_iter()
        .find(|id| id.contains(":answer:"))
        .expect("the question's Answer button");
    let opened = w
        .discord
        .click_button(user, thread, question.id, &custom_id);
    let form = w.discord.wait_reply(opened, WAIT).await;
    let submitted = w
        .discord
        .submit_modal(user, thread, &custom_id, &[("answer", text)]);
    (form, w.discord.wait_reply(submitted, WAIT).await)
}

#[tokio::test]
async fn a_german_member_gets_german_answers_to_member_commands_in_an_english_server() {
    let w = World::start().await;
    let (alice, bob, dave, channel) = (w.fx.alice, w.fx.bob, w.fx.dave, w.fx.channel);
    w.discord.set_user_locale(alice, "de");
    w.discord.set_user_locale(dave, "de");

    let none = w.command(alice, "retro status", &[]).await;
    assert!(
        none.text
            .contains("In diesem Kanal ist keine Retro offen. Starte eine mit `/retro start`."),
        "{none:?}"
    );
    let english = w.command(bob, "retro status", &[]).await;
    assert!(
        english
            .text
            .starts_with("No retro is open in this channel."),
        "{english:?}"
    );
    let history = w.command(alice, "retro history", &[]).await;
    assert!(history.text.contains("noch keinen Verlauf"), "{history:?}");
    let nothing = w.command(alice, "retro export", &[]).await;
    assert!(
        nothing.text.starts_with("Nichts zu exportieren"),
        "{nothing:?}"
    );
    let templates = w.command(alice, "retro templates", &[]).await;
    assert!(
        templates.text.contains("Vorlagen") && templates.text.contains("eingebaut"),
        "{templates:?}"
    );

    let started = w
        .command(alice, "retro start", &[("title", s("Sprint 8"))])
        .await;
    assert!(started.text.contains("gestartet"), "{started:?}");
    // The server is English: the channel posts are too.
    let posted = w.wait_for_posts(3, 4).await;

    let status = w.command(alice, "retro status", &[]).await;
    assert!(
        status.text.contains("**Offene Retro #")
            && status.text.contains("gestartet von")
            && status
                .text
                .contains("0 Mitglieder haben abgestimmt · 0 Antworten"),
        "{status:?}"
    );

    let added = w
        .command(alice, "retro action add", &[("text", s("Kunden anrufen"))])
        .await;
    assert!(
        added.text.starts_with("Festgehalten bei") && added.text.contains("Kunden anrufen"),
        "{added:?}"
    );
    let list = w.command(alice, "retro action list", &[]).await;
    assert!(
        list.text.contains("Maßnahmen") && list.text.contains("__Offen (1)__"),
        "{list:?}"
    );
    let english_list = w.command(bob, "retro action list", &[]).await;
    assert!(
        english_list.text.contains("Action items") && english_list.text.contains("__Open (1)__"),
        "{english_list:?}"
    );
    let unknown = w
        .command(alice, "retro action done", &[("id", json!(999))])
        .await;
    assert!(
        unknown
            .text
            .starts_with("Es gibt keine Maßnahme #999, die du sehen kannst."),
        "{unknown:?}"
    );
    let refused = w.command(dave, "retro close", &[]).await;
    assert!(refused.text.starts_with("Nur <@"), "{refused:?}");

    // The answer form speaks Alice's language; her answer is posted in the retro's.
    let thread = &posted.threads[0];
    let question = &w.discord.messages(thread.id)[0];
    let (form, answered) = answer_by_form(&w, alice, thread.id, question, "Wöchentlich").await;
    assert!(
        form.text.contains("Antwort auf Frage 1")
            && form.text.contains("Deine Antwort (leer zieht sie zurück)"),
        "{form:?}"
    );
    assert!(
        answered.ephemeral
            && answered
                .text
                .starts_with("Deine Antwort steht unter deinem Namen"),
        "{answered:?}"
    );
    let bot = w.discord.bot_user_id();
    w.discord
        .wait_until(WAIT, "the English post of Alice's answer", |d| {
            d.messages(thread.id)
                .into_iter()
                .find(|m| m.author_id == bot && m.content.contains("answered:\n> Wöchentlich"))
        })
        .await;

    w.discord.react(bob, channel, posted.statements[0].id, "👍");
    let closed = w.command(alice, "retro close", &[]).await;
    assert!(closed.ephemeral, "{closed:?}");
    w.wait_for_summary(posted.header.id).await;

    let export = w
        .command(alice, "retro export", &[("format", s("csv"))])
        .await;
    assert!(
        export.text.contains("1 Stimme von 1 Mitglied, 1 Antwort."),
        "{export:?}"
    );
    let english_export = w
        .command(bob, "retro export", &[("format", s("csv"))])
        .await;
    assert!(
        english_export
            .text
            .contains("1 vote from 1 member, 1 reply."),
        "{english_export:?}"
    );
    let history = w.command(alice, "retro history", &[]).await;
    assert!(history.text.contains("Verlauf — "), "{history:?}");
    let choices =
        w.discord
            .autocomplete(alice, channel, "retro export", &[("retro", s(""))], "retro");
    w.discord.wait_reply(choices, WAIT).await;
    let names: Vec<String> = w
        .discord
        .autocomplete_choices(choices)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.contains("zuletzt beendete Check-in"))
            && names.iter().any(|n| n.contains("(beendet am ")),
        "{names:?}"
    );
    w.finish().await;
}

/// A German server's anonymous check-in, once all of it is posted: its statements and the first
/// message of each question thread.
async fn german_anonymous_posts(
    w: &World,
) -> (Vec<MessageView>, Vec<ThreadView>, Vec<MessageView>) {
    let bot = w.discord.bot_user_id();
    let channel = w.fx.channel;
    w.discord
        .wait_until(WAIT, "the German anonymous posts", |d| {
            let statements: Vec<MessageView> = d
                .messages(channel)
                .into_iter()
                .filter(|m| m.author_id == bot && m.content.starts_with("**Aussage"))
                .collect();
            let threads = d.threads(channel);
            let questions: Vec<MessageView> = threads
                .iter()
                .filter_map(|t| d.messages(t.id).into_iter().next())
                .filter(|m| m.custom_ids().iter().any(|id| id.contains(":answer:")))
                .collect();
            let complete = statements.len() == 3
                && statements.iter().all(|m| m.custom_ids().len() == 2)
                && questions.len() == 4
                && threads.iter().all(|t| t.bot_is_member);
            complete.then_some((statements, threads, questions))
        })
        .await
}

/// The label of the first button of `message`.
fn first_button_label(message: &MessageView) -> String {
    let row: &Value = &message.components[0];
    row["components"][0]["label"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn anonymous_check_in_answers_follow_the_member_and_posts_follow_the_retro() {
    let w = World::start().await;
    let (alice, bob, carol, dave, channel) =
        (w.fx.alice, w.fx.bob, w.fx.carol, w.fx.dave, w.fx.channel);
    w.discord.set_guild_locale(w.fx.guild, "de");
    w.discord.set_user_locale(bob, "de");
    w.discord.set_user_locale(dave, "de");

    let started = w
        .command(alice, "retro start", &[("anonymous", json!(true))])
        .await;
    assert!(started.text.starts_with("Started"), "{started:?}");
    let (statements, threads, questions) = german_anonymous_posts(&w).await;
    assert_eq!(first_button_label(&questions[0]), "Antworten");

    let voted = click(
        &w,
        bob,
        channel,
        statements[0].id,
        &statements[0].custom_ids()[0],
    )
    .await;
    assert!(
        voted.ephemeral && voted.text.starts_with("Deine Stimme: 👍 — klicke erneut"),
        "{voted:?}"
    );
    assert!(voted.text.contains("Niemand kann sehen"), "{voted:?}");
    let switched = click(
        &w,
        bob,
        channel,
        statements[0].id,
        &statements[0].custom_ids()[1],
    )
    .await;
    assert!(
        switched.text.starts_with("Deine Stimme: 👎 (vorher 👍)"),
        "{switched:?}"
    );
    let english = click(
        &w,
        carol,
        channel,
        statements[0].id,
        &statements[0].custom_ids()[0],
    )
    .await;
    assert!(
        english
            .text
            .starts_with("Your vote: 👍 — click again to change"),
        "{english:?}"
    );

    let thread = threads
        .iter()
        .find(|t| t.id == questions[0].channel_id)
        .expect("the first question's thread");
    let (form, answered) =
        answer_by_form(&w, bob, thread.id, &questions[0], "Mehr Kundenkontakt").await;
    assert!(
        form.text.contains("Anonyme Antwort auf Frage")
            && form.text.contains("Deine Antwort (leer zieht sie zurück)"),
        "{form:?}"
    );
    assert!(
        answered
            .text
            .starts_with("Deine Antwort steht ohne deinen Namen in <#"),
        "{answered:?}"
    );
    let bot = w.discord.bot_user_id();
    w.discord
        .wait_until(WAIT, "the answer posted with a German title", |d| {
            d.messages(thread.id).into_iter().find(|m| {
                m.author_id == bot
                    && m.embeds.first().is_some_and(|e| {
                        e["title"] == "Anonyme Antwort" && e["description"] == "Mehr Kundenkontakt"
                    })
            })
        })
        .await;

    // A typed message is refused in the thread, in the retro's language.
    w.discord.post(dave, thread.id, "Ich schreibe einfach hier");
    let notice = w
        .discord
        .wait_until(WAIT, "the German notice about a typed message", |d| {
            d.messages(thread.id)
                .into_iter()
                .find(|m| m.author_id == bot && m.content.starts_with("<@"))
        })
        .await;
    assert!(
        notice
            .content
            .contains("hier getippte Nachrichten zählen nicht"),
        "{}",
        notice.content
    );
    w.finish().await;
}

#[tokio::test]
async fn a_german_facilitator_is_told_what_is_missing_and_what_failed_in_german() {
    let w = World::start().await;
    let alice = w.fx.alice;
    w.discord.set_user_locale(alice, "de");
    let granted = perms::VIEW_CHANNEL
        | perms::SEND_MESSAGES
        | perms::EMBED_LINKS
        | perms::READ_MESSAGE_HISTORY
        | perms::SEND_MESSAGES_IN_THREADS;
    w.discord.set_bot_permissions(w.fx.channel, granted);
    let refused = w.command(alice, "retro start", &[]).await;
    assert!(
        refused
            .text
            .contains("**Reaktionen hinzufügen**, **Öffentliche Threads erstellen**"),
        "{refused:?}"
    );
    w.finish().await;

    let w = World::start().await;
    w.discord.set_user_locale(w.fx.alice, "de");
    // As many 500s as the bot tries: the start fails for good, and says why in German.
    w.discord.inject(Fault::server_error("POST", "/threads", 5));
    let failed = w.command(w.fx.alice, "retro start", &[]).await;
    assert!(
        failed.text.starts_with("Ich konnte die Retro nicht starten: Discord hat abgelehnt, einen Thread zu erstellen: Discord antwortete mit 500")
            && failed.text.contains("nichts ist offen"),
        "{failed:?}"
    );
    w.finish().await;
}
