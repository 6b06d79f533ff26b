//! Their language, for server administration: a server whose Discord is in English chooses
//! German with `/retro settings language:de` and its next retro is posted in German, while a
//! running retro keeps the language it started in and `reset:language` goes back to English;
//! a member whose Discord is in German gets settings, help, schedules and the template form in
//! German, one in English gets them in English.

use serde_json::json;

use crate::harness::{s, World, WAIT};

/// Waits for the channel's newest retro to show `statements` statement posts starting with
/// `prefix` ("**Aussage", "**Statement") after message `after`; returns the first one's text.
async fn statement_posts(w: &World, after: u64, prefix: &str, statements: usize) -> String {
    let (bot, channel) = (w.discord.bot_user_id(), w.fx.channel);
    w.discord
        .wait_until(WAIT, "the retro's statements", |d| {
            let posted: Vec<_> = d
                .messages(channel)
                .into_iter()
                .filter(|m| m.id > after && m.author_id == bot && m.content.starts_with(prefix))
                .collect();
            (posted.len() == statements).then(|| posted[0].content.clone())
        })
        .await
}

/// The id of the channel's newest message (0 when there is none).
fn newest_message(w: &World) -> u64 {
    w.discord.messages(w.fx.channel).last().map_or(0, |m| m.id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_chooses_german_posts_in_german_until_it_resets_to_its_discord_language() {
    let w = World::start().await;
    let (alice, morgan, bob) = (w.fx.alice, w.fx.morgan, w.fx.bob);

    let shown = w.command(alice, "retro settings", &[]).await;
    assert!(
        shown
            .text
            .contains("language: auto (now English, the server's language in Discord) (default)"),
        "{}",
        shown.text
    );
    let refused = w
        .command(alice, "retro settings", &[("language", s("de"))])
        .await;
    assert!(
        refused
            .text
            .contains("Only members with the Manage Server permission"),
        "{}",
        refused.text
    );
    let chosen = w
        .command(morgan, "retro settings", &[("language", s("de"))])
        .await;
    assert!(
        chosen.ephemeral
            && chosen.text.starts_with("Settings saved.")
            && chosen.text.contains("language: German (set here)"),
        "Morgan's Discord is in English, so is his answer: {}",
        chosen.text
    );

    // The server's next retro is posted in German; Alice's own answer stays English.
    let before = newest_message(&w);
    let started = w
        .command(alice, "retro start", &[("title", s("Sprint 8"))])
        .await;
    assert!(started.text.starts_with("Started"), "{}", started.text);
    let first = statement_posts(&w, before, "**Aussage", 3).await;
    assert!(
        first.contains("**Aussage 1 von 3**")
            && first.contains("Wir als Team haben direkten Kontakt zu unseren Kunden."),
        "{first}"
    );

    // A member whose Discord is German sees the settings in German.
    w.discord.set_user_locale(bob, "de");
    let german = w.command(bob, "retro settings", &[]).await;
    assert!(
        german
            .text
            .starts_with("Die Retro-Einstellungen dieses Servers")
            && german.text.contains("sprache: Deutsch (hier festgelegt)")
            && german.text.contains("erinnerungen: an (Standard)"),
        "{}",
        german.text
    );

    // Back to auto: the running retro keeps German, the next one is English.
    let reset = w
        .command(morgan, "retro settings", &[("reset", s("language"))])
        .await;
    assert!(
        reset
            .text
            .contains("language: auto (now English, the server's language in Discord) (default)"),
        "{}",
        reset.text
    );
    let closed = w.command(alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    w.discord
        .wait_until(WAIT, "the German summary", |d| {
            d.messages(w.fx.channel).into_iter().find(|m| {
                m.embeds
                    .first()
                    .and_then(|e| e["title"].as_str())
                    .is_some_and(|t| t.starts_with("Zusammenfassung — "))
            })
        })
        .await;
    let before = newest_message(&w);
    w.command(alice, "retro start", &[]).await;
    let first = statement_posts(&w, before, "**Statement", 3).await;
    assert!(
        first.contains("**Statement 1 of 3**")
            && first.contains("As a team, we have direct contact with our customers."),
        "{first}"
    );

    // `language:auto` is the same as the reset.
    let auto = w
        .command(morgan, "retro settings", &[("language", s("auto"))])
        .await;
    assert!(
        auto.text.contains("language: auto (now English"),
        "{}",
        auto.text
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_member_administers_the_server_in_german_and_an_english_one_in_english() {
    let w = World::start().await;
    let (morgan, alice, bob) = (w.fx.morgan, w.fx.alice, w.fx.bob);
    w.discord.set_user_locale(morgan, "de");
    w.discord.set_user_locale(alice, "de");

    let help = w.command(morgan, "retro help", &[]).await;
    assert!(
        help.text.starts_with("**So läuft eine Retro**")
            && help.text.contains("jede Retro hier beenden")
            && help
                .text
                .contains("**Berechtigungen, die mir hier fehlen:** keine")
            && help.text.contains("**Die Einstellungen dieses Servers**")
            && help.text.contains("sprache: automatisch (derzeit Englisch"),
        "{}",
        help.text
    );
    let english_help = w.command(bob, "retro help", &[]).await;
    assert!(
        english_help.text.starts_with("**How a retro goes**")
            && english_help.text.contains("close the retros you started"),
        "{}",
        english_help.text
    );

    let refused = w
        .command(alice, "retro settings", &[("reminders", json!(false))])
        .await;
    assert!(
        refused
            .text
            .starts_with("Nur Mitglieder mit der Berechtigung „Server verwalten“"),
        "{}",
        refused.text
    );
    let saved = w
        .command(morgan, "retro settings", &[("reminders", json!(false))])
        .await;
    assert!(
        saved.text.starts_with("Einstellungen gespeichert.")
            && saved.text.contains("erinnerungen: aus (hier festgelegt)"),
        "{}",
        saved.text
    );

    let none = w.command(morgan, "retro schedule list", &[]).await;
    assert!(
        none.text
            .contains("In diesem Kanal gibt es keine Zeitpläne"),
        "{}",
        none.text
    );
    let added = w
        .command(
            morgan,
            "retro schedule add",
            &[
                ("when", s("every monday 10:00")),
                ("title", s("Wochencheck")),
            ],
        )
        .await;
    assert!(
        added.text.contains(" geplant: ")
            && added.text.contains(" — Wochencheck, jeder Check-in ist ")
            && added.text.contains("Das ist Zeitplan #"),
        "{}",
        added.text
    );
    let id: String = added
        .text
        .split("Zeitplan #")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let paused = w
        .command(morgan, "retro schedule pause", &[("schedule", s(&id))])
        .await;
    assert!(
        paused.text.starts_with(&format!("Zeitplan #{id} ("))
            && paused.text.ends_with(") pausiert."),
        "{}",
        paused.text
    );
    let listed = w.command(bob, "retro schedule list", &[]).await;
    assert!(
        listed.text.contains(&format!("**#{id}**")) && listed.text.ends_with("· paused"),
        "Bob's Discord is in English: {}",
        listed.text
    );
    let wrong = w
        .command(morgan, "retro schedule remove", &[("schedule", s("abc"))])
        .await;
    assert!(
        wrong.text.contains("ist keine Zeitplan-Nummer"),
        "{}",
        wrong.text
    );

    // The template form, its answer and the export, in German.
    let opened = w
        .discord
        .slash(morgan, w.fx.channel, "retro template create", &[]);
    let form = w.discord.wait_reply(opened, WAIT).await;
    assert_eq!(form.callback_type, 9, "a form: {form:?}");
    assert!(
        form.text.contains("Neue Health-Check-Vorlage")
            && form.text.contains("Aussagen zum Abstimmen, eine pro Zeile"),
        "{}",
        form.text
    );
    let modal = &w.discord.interaction_responses(opened)[0]["data"];
    let custom_id = modal["custom_id"].as_str().unwrap().to_string();
    let submitted = w.discord.submit_modal(
        morgan,
        w.fx.channel,
        &custom_id,
        &[
            ("name", "Team-Puls"),
            ("statements", "Wir liefern oft.\nWir lernen von Kunden."),
            ("questions", "Was bremst uns?"),
        ],
    );
    let saved = w.discord.wait_reply(submitted, WAIT).await;
    assert!(
        saved.text.starts_with(
            "**Team-Puls** als `team-puls` für diesen Server gespeichert: 2 Aussagen, 1 Frage,"
        ),
        "{}",
        saved.text
    );
    let unknown = w
        .command(morgan, "retro template export", &[("template", s("nope"))])
        .await;
    assert!(
        unknown
            .text
            .contains("Es gibt keine Vorlage `nope` auf diesem Server."),
        "{}",
        unknown.text
    );
    let deleted = w
        .command(
            morgan,
            "retro template delete",
            &[("template", s("team-puls"))],
        )
        .await;
    assert!(
        deleted.text.starts_with(
            "Die Vorlage **Team-Puls** (`team-puls`) ist gelöscht. Kein Zeitplan verwendet sie."
        ),
        "{}",
        deleted.text
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_chooses_german_gets_its_scheduled_check_ins_in_german() {
    let w = World::start_with_config(Some(crate::schedules::FAST)).await;
    let morgan = w.fx.morgan;
    let chosen = w
        .command(morgan, "retro settings", &[("language", s("de"))])
        .await;
    assert!(
        chosen.text.contains("language: German (set here)"),
        "{}",
        chosen.text
    );
    let added = w
        .command(
            morgan,
            "retro schedule add",
            &[("when", s("*/5 * * * * *")), ("duration", s("2s"))],
        )
        .await;
    assert!(added.text.starts_with("Scheduled **"), "{}", added.text);
    let first = statement_posts(&w, 0, "**Aussage", 3).await;
    assert!(
        first.contains("Wir als Team haben direkten Kontakt zu unseren Kunden."),
        "{first}"
    );
    w.discord
        .wait_until(WAIT, "the check-in's German summary", |d| {
            d.messages(w.fx.channel).into_iter().find(|m| {
                m.embeds
                    .first()
                    .and_then(|e| e["title"].as_str())
                    .is_some_and(|t| t.starts_with("Zusammenfassung — "))
            })
        })
        .await;
    let id: String = added
        .text
        .split("This is schedule #")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let removed = w
        .command(morgan, "retro schedule remove", &[("schedule", s(&id))])
        .await;
    assert!(removed.text.ends_with(") removed."), "{}", removed.text);
    w.finish().await;
}
