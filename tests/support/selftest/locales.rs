//! Self-test: locales as Discord sends them (a member's `locale`, a server's
//! `preferred_locale` in GUILD_CREATE/GUILD_UPDATE and an interaction's `guild_locale`) reach
//! serenity, and command localizations are checked as Discord checks them.

use serenity::all::{Command, CreateCommand, Event};

use crate::{api_error, setup};

#[tokio::test]
async fn locales_reach_serenity_and_localizations_are_validated() {
    let (standin, fx, mut probe) = setup().await;
    let refused = Command::set_global_commands(
        &*probe.http,
        vec![CreateCommand::new("ping")
            .description("Ping")
            .name_localized("de", "Mit Leerzeichen")],
    )
    .await;
    assert_eq!(
        api_error(refused).0,
        400,
        "Discord refuses names with spaces"
    );
    let unknown_locale = Command::set_global_commands(
        &*probe.http,
        vec![CreateCommand::new("ping")
            .description("Ping")
            .description_localized("german", "Anpingen")],
    )
    .await;
    assert_eq!(
        api_error(unknown_locale).0,
        400,
        "only Discord's locales are keys"
    );
    Command::set_global_commands(
        &*probe.http,
        vec![CreateCommand::new("ping")
            .description("Ping")
            .name_localized("de", "anpingen")
            .description_localized("de", "Anpingen")],
    )
    .await
    .unwrap();
    assert_eq!(
        standin.registered_commands()[0]["name_localizations"]["de"],
        "anpingen"
    );

    standin.set_guild_locale(fx.guild, "de");
    let updated = probe
        .wait("GUILD_UPDATE", |e| match e {
            Event::GuildUpdate(g) => Some(g.guild.preferred_locale.clone()),
            _ => None,
        })
        .await;
    assert_eq!(updated, "de");
    standin.set_user_locale(fx.alice, "de");
    let id = standin.slash(fx.alice, fx.channel, "ping", &[]);
    let (locale, guild_locale) = probe
        .wait("the command", |e| match e {
            Event::InteractionCreate(i) => i
                .interaction
                .as_command()
                .filter(|c| c.id.get() == id)
                .map(|c| (c.locale.clone(), c.guild_locale.clone())),
            _ => None,
        })
        .await;
    assert_eq!(
        (locale.as_str(), guild_locale.as_deref()),
        ("de", Some("de"))
    );
    let second = standin.add_guild("Zweite");
    let created = probe
        .wait("GUILD_CREATE", |e| match e {
            Event::GuildCreate(g) if g.guild.id.get() == second => {
                Some(g.guild.preferred_locale.clone())
            }
            _ => None,
        })
        .await;
    assert_eq!(created, "en-US", "a new server starts in en-US");
    assert!(
        standin.standin_errors().is_empty(),
        "{:?}",
        standin.standin_errors()
    );
}
