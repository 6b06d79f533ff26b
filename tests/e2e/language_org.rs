//! The organisation and the domain's words in German, through the real binary: a German server's
//! summaries carry German trend lines, its next check-in a German open-actions embed, its
//! digests and reminders German text; a German member's overview, sharing, server export and
//! refusals of what they typed (a duration, a schedule rule, a due date) are German, while an
//! English member still reads English.

use serde_json::json;

use crate::harness::{s, World, WAIT};
use crate::support::MessageView;

/// Starts a check-in as `user` on the (German) server, waits for its three German statements,
/// lets `voters` agree with the first one, closes it and returns the summary's text.
async fn german_check_in(w: &World, user: u64, voters: &[u64]) -> String {
    let (d, channel) = (&w.discord, w.fx.channel);
    let bot = d.bot_user_id();
    let before = d.messages(channel).last().map_or(0, |m| m.id);
    let started = w.command(user, "retro start", &[]).await;
    assert!(started.text.contains("gestartet"), "{}", started.text);
    let statements: Vec<MessageView> = d
        .wait_until(WAIT, "the German statements", |d| {
            let statements: Vec<MessageView> = d
                .messages(channel)
                .into_iter()
                .filter(|m| {
                    m.id > before && m.author_id == bot && m.content.starts_with("**Aussage")
                })
                .collect();
            (statements.len() == 3).then_some(statements)
        })
        .await;
    for voter in voters {
        d.react(*voter, channel, statements[0].id, "👍");
    }
    let last = statements[2].id;
    let closed = w.command(user, "retro close", &[]).await;
    assert!(closed.ephemeral, "{closed:?}");
    d.wait_until(WAIT, "the German summary", |d| {
        d.messages(channel).into_iter().find(|m| {
            m.id > last
                && m.embeds
                    .first()
                    .and_then(|e| e["title"].as_str())
                    .is_some_and(|t| t.starts_with("Zusammenfassung — "))
        })
    })
    .await
    .text()
}

#[tokio::test]
async fn a_german_server_and_member_read_the_organisation_in_german() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());
    d.set_guild_locale(fx.guild, "de");
    d.set_user_locale(fx.alice, "de");
    d.set_user_locale(fx.morgan, "de");

    // A German member's typos are refused in German; an English member's in English.
    let bad = w
        .command(fx.alice, "retro start", &[("duration", s("bald"))])
        .await;
    assert!(
        bad.ephemeral && bad.text.contains("ist keine Dauer, die ich verstehe"),
        "{}",
        bad.text
    );
    let bad = w
        .command(fx.bob, "retro start", &[("duration", s("soon"))])
        .await;
    assert!(
        bad.text.contains("is not a duration I understand"),
        "{}",
        bad.text
    );

    let first = german_check_in(&w, fx.alice, &[fx.bob, fx.carol]).await;
    assert!(
        first.contains("Erster Check-in dieser Vorlage in diesem Kanal")
            && first.contains("erster Check-in"),
        "{first}"
    );
    // An action item from a German member: a bad date is refused in German.
    let bad = w
        .command(
            fx.alice,
            "retro action add",
            &[("text", s("Rechnungen prüfen")), ("due", s("morgen"))],
        )
        .await;
    assert!(bad.text.contains("ist kein Datum"), "{}", bad.text);
    let added = w
        .command(
            fx.alice,
            "retro action add",
            &[
                ("text", s("Rechnungen prüfen")),
                ("owner", json!(fx.bob.to_string())),
            ],
        )
        .await;
    assert!(
        added
            .text
            .contains(&format!("verantwortlich <@{}>", fx.bob)),
        "{}",
        added.text
    );

    let second = german_check_in(&w, fx.alice, &[fx.bob]).await;
    assert!(second.contains("Im Vergleich zu #"), "{second}");
    assert!(
        second.contains("unverändert seit #") && second.contains("Teilnehmende 2 → 1"),
        "German trend lines: {second}"
    );
    let header = d
        .messages(fx.channel)
        .into_iter()
        .rev()
        .find(|m| m.embeds.len() > 1)
        .expect("the second check-in's header with its open actions");
    assert_eq!(
        header.embeds[1]["title"], "Offene Maßnahmen vom letzten Mal: 1",
        "{:?}",
        header.embeds[1]
    );

    // A refused setting names the option and the problem in German.
    let refused = w
        .command(
            fx.morgan,
            "retro settings",
            &[("timezone", s("Mars/Olympus"))],
        )
        .await;
    assert!(
        refused
            .text
            .contains("`Mars/Olympus` ist keine IANA-Zeitzone"),
        "{}",
        refused.text
    );

    // Sharing, the overview and the server export answer each member in their language.
    let shared = w.command(fx.morgan, "retro share on", &[]).await;
    assert!(
        shared.text.contains("Dieser Kanal teilt jetzt"),
        "{}",
        shared.text
    );
    let overview = w.command(fx.alice, "retro overview", &[]).await;
    assert!(
        overview.text.contains("Überblick:")
            && overview.text.contains("Zustimmung = 0 · 1 abgestimmt")
            && overview.text.contains("Nur Zahlen"),
        "{}",
        overview.text
    );
    let overview = w.command(fx.bob, "retro overview", &[]).await;
    assert!(
        overview.text.contains("Overview:") && overview.text.contains("agree = 0 · 1 voted"),
        "{}",
        overview.text
    );
    let export = w
        .command(fx.morgan, "retro export", &[("scope", s("server"))])
        .await;
    assert!(
        export
            .text
            .contains("Zusammengefasste Zahlen von 2 Check-ins aus 1 teilenden Kanal"),
        "{}",
        export.text
    );

    // A digest: a German rule refused in German, then German answers and a German hub post.
    let hub = d.add_text_channel(fx.guild, "leitung");
    let refused = w
        .command(
            fx.morgan,
            "retro digest add",
            &[
                ("channel", json!(hub.to_string())),
                ("when", s("every moonday 10:00")),
            ],
        )
        .await;
    assert!(
        refused.text.contains("Versuch es mit `every monday 10:00`"),
        "{}",
        refused.text
    );
    let added = w
        .command(
            fx.morgan,
            "retro digest add",
            &[
                ("channel", json!(hub.to_string())),
                ("when", s("*/2 * * * * *")),
            ],
        )
        .await;
    assert!(
        added.text.contains("Cron `*/2 * * * * *` (UTC)") && added.text.contains("Nächster:"),
        "{}",
        added.text
    );
    let bot = d.bot_user_id();
    let digest = d
        .wait_until(WAIT, "a German digest in the hub", |d| {
            d.messages(hub)
                .into_iter()
                .find(|m| m.author_id == bot && m.text().contains("Digest: "))
        })
        .await
        .text();
    assert!(
        digest.contains(&format!("<#{}>", fx.channel)) && digest.contains("1 Person"),
        "{digest}"
    );
    let listed = w.command(fx.bob, "retro digest list", &[]).await;
    assert!(
        listed.text.contains("cron `*/2 * * * * *` (UTC)"),
        "{}",
        listed.text
    );
    w.finish().await;
}

#[tokio::test]
async fn a_german_servers_reminder_counts_and_names_in_german() {
    let w =
        World::start_with_config(Some("min_duration = \"1s\"\nreminder_before = \"3s\"\n")).await;
    let (d, fx) = (&w.discord, w.fx.clone());
    d.set_guild_locale(fx.guild, "de");
    let team = d.add_role(fx.guild, "Squad", 0);
    let members: Vec<u64> = ["Ana", "Ben", "Cem"]
        .iter()
        .map(|n| d.add_member(fx.guild, n, &[team]))
        .collect();
    let added = w
        .command(
            fx.morgan,
            "retro schedule add",
            &[
                ("when", s("*/10 * * * * *")),
                ("duration", s("6s")),
                ("team_role", json!(team.to_string())),
            ],
        )
        .await;
    assert!(added.text.contains("Scheduled"), "{}", added.text);
    let bot = d.bot_user_id();
    let statement = d
        .wait_until(WAIT, "a German statement", |d| {
            d.messages(fx.channel)
                .into_iter()
                .find(|m| m.author_id == bot && m.content.starts_with("**Aussage 1"))
        })
        .await;
    d.react(members[0], fx.channel, statement.id, "👍");
    let reminder = d
        .wait_until(WAIT, "the German reminder", |d| {
            d.messages(fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("⏰"))
        })
        .await;
    assert!(
        reminder.content.contains("1 von 3 haben abgestimmt")
            && reminder.content.contains("in den Threads"),
        "{}",
        reminder.content
    );
    let nudge = d
        .wait_until(WAIT, "the German mentions", |d| {
            d.messages(fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("Noch nicht abgestimmt:"))
        })
        .await;
    for member in &members[1..] {
        assert!(
            nudge.content.contains(&format!("<@{member}>")),
            "{}",
            nudge.content
        );
    }
    w.finish().await;
}
