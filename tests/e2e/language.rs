//! Their language: a member whose Discord is in German gets German answers, a server whose
//! preferred locale is German gets German channel posts (the Customer Obsession statements
//! and questions in German, the summary too), and the registered commands carry German names
//! and descriptions.

use serde_json::Value;

use crate::harness::{s, World, WAIT};

#[tokio::test]
async fn a_german_server_gets_german_posts_and_each_member_answers_in_their_locale() {
    let w = World::start().await;
    let (alice, bob, channel) = (w.fx.alice, w.fx.bob, w.fx.channel);
    let bot = w.discord.bot_user_id();
    // The admin switches the server to German (GUILD_UPDATE); Alice's client is German too.
    w.discord.set_guild_locale(w.fx.guild, "de");
    w.discord.set_user_locale(alice, "de");

    let started = w
        .command(alice, "retro start", &[("title", s("Sprint 7"))])
        .await;
    assert!(started.ephemeral, "{started:?}");
    assert!(
        started.text.contains("gestartet")
            && started.text.contains("Beende sie mit `/retro close`"),
        "Alice's answer is not German: {}",
        started.text
    );

    let posts = w
        .discord
        .wait_until(WAIT, "the German posts", |d| {
            let statements: Vec<_> = d
                .messages(channel)
                .into_iter()
                .filter(|m| m.author_id == bot && m.content.starts_with("**Aussage"))
                .collect();
            let threads = d.threads(channel);
            let filled = threads.iter().all(|t| !d.messages(t.id).is_empty());
            (statements.len() == 3 && threads.len() == 4 && filled).then_some((statements, threads))
        })
        .await;
    let (statements, threads) = posts;
    assert!(
        statements[0].content.contains("**Aussage 1 von 3**")
            && statements[0]
                .content
                .contains("Wir als Team haben direkten Kontakt zu unseren Kunden."),
        "{}",
        statements[0].content
    );
    assert!(statements[2].content.contains("angestrebten Kundennutzen"));
    assert!(
        threads
            .iter()
            .any(|t| t.name.starts_with("Welche Kommunikationswege haben wir")),
        "{:?}",
        threads.iter().map(|t| &t.name).collect::<Vec<_>>()
    );
    let question = w.discord.messages(threads[0].id);
    assert!(
        question[0].content.contains("Klicke auf **Antworten**"),
        "{}",
        question[0].content
    );
    let header = w
        .discord
        .messages(channel)
        .into_iter()
        .find(|m| m.author_id == bot && !m.embeds.is_empty())
        .expect("the header");
    let description = header.embeds[0]["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("**Moderation:**") && description.contains("So machst du mit"),
        "{description}"
    );
    assert!(
        description.contains("stimme zu"),
        "German scale labels: {description}"
    );

    // Bob's client is in English: what only he sees is English, whatever the server's language.
    let busy = w.command(bob, "retro start", &[]).await;
    assert!(
        busy.ephemeral && busy.text.contains("This channel already has an open retro"),
        "{busy:?}"
    );

    w.discord.react(bob, channel, statements[0].id, "👍");
    let closed = w.command(alice, "retro close", &[]).await;
    assert!(closed.ephemeral, "{closed:?}");
    let summary = w
        .discord
        .wait_until(WAIT, "the German summary", |d| {
            d.messages(channel).into_iter().find(|m| {
                m.embeds
                    .first()
                    .and_then(|e| e["title"].as_str())
                    .is_some_and(|t| t.starts_with("Zusammenfassung — "))
            })
        })
        .await;
    let text = summary.text();
    assert!(
        text.contains("__Aussagen__") && text.contains("__Offene Fragen__"),
        "{text}"
    );
    assert!(
        text.contains("Wir als Team haben direkten Kontakt zu unseren Kunden.")
            && text.contains("👍 1")
            && text.contains("100 % Zustimmung")
            && text.contains("1 Person"),
        "{text}"
    );
}

#[tokio::test]
async fn the_registered_commands_carry_german_names_and_descriptions() {
    let w = World::start().await;
    let commands = w.discord.registered_commands();
    let retro = commands
        .as_array()
        .and_then(|all| all.iter().find(|c| c["name"] == "retro"))
        .expect("/retro is registered")
        .clone();
    assert_eq!(
        retro["description_localizations"]["de"],
        "Health-Check-Retrospektiven für Teams"
    );
    let option = |parent: &Value, name: &str| -> Value {
        parent["options"]
            .as_array()
            .and_then(|o| o.iter().find(|o| o["name"] == name))
            .unwrap_or_else(|| panic!("no option {name}"))
            .clone()
    };
    let start = option(&retro, "start");
    assert_eq!(start["name_localizations"]["de"], "starten");
    assert_eq!(
        option(&start, "template")["name_localizations"]["de"],
        "vorlage"
    );
    let done = option(&option(&retro, "action"), "done");
    assert_eq!(done["name_localizations"]["de"], "erledigt");
    // Every command and option has its German name and description.
    fn all_localized(entry: &Value, path: &str) {
        for field in ["name_localizations", "description_localizations"] {
            assert!(
                entry[field]["de"].as_str().is_some_and(|t| !t.is_empty()),
                "{path} lacks a German {field}"
            );
        }
        for option in entry["options"].as_array().into_iter().flatten() {
            all_localized(option, &format!("{path} {}", option["name"]));
        }
    }
    all_localized(&retro, "retro");
}
