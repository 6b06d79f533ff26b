//! `/retro`: the command tree registered with Discord (each subcommand's definition lives next
//! to its handler) and the routing of each invocation and autocomplete request to its handler.

mod actions;
mod answer;
mod autocomplete;
mod close;
mod digest;
mod export;
mod help;
mod history;
mod localized;
mod options;
mod overview;
mod respond;
mod rights;
mod schedule;
mod server_export;
mod settings;
mod share;
mod start;
mod status;
mod template;
mod templates;

use std::sync::Arc;

use serenity::all::{CreateCommand, Interaction, InteractionContext};

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use options::Options;
use respond::Responder;

/// The command tree registered with Discord.
pub fn definitions() -> Vec<CreateCommand> {
    vec![CreateCommand::new("retro")
        .description("Team health-check retrospectives")
        .contexts(vec![InteractionContext::Guild])
        .add_option(start::definition())
        .add_option(close::definition())
        .add_option(status::definition())
        .add_option(templates::definition())
        .add_option(schedule::definition())
        .add_option(history::definition())
        .add_option(export::definition())
        .add_option(actions::definition())
        .add_option(help::definition())
        .add_option(settings::definition())
        .add_option(template::definition())
        .add_option(overview::definition())
        .add_option(share::definition())
        .add_option(digest::definition())]
}

/// The command tree as registered with Discord: [`definitions`] with the names and
/// descriptions in every translated language.
pub fn registered() -> serde_json::Value {
    localized::localize(&definitions())
}

/// Handles one interaction from the gateway.
pub async fn handle(bot: Arc<Bot>, interaction: Interaction) {
    match interaction {
        Interaction::Command(command) => {
            let options = Options::of(&command);
            let sub = options.path.first().map(String::as_str).unwrap_or_default();
            tracing::info!(
                command = %command.data.name,
                sub,
                guild = command.guild_id.map(|g| g.get()),
                channel = command.channel_id.get(),
                user = command.user.id.get(),
                "slash command"
            );
            let respond = Responder::new(&bot, &command);
            let outcome = match (command.data.name.as_str(), sub, command.guild_id) {
                ("retro", "templates", guild) => {
                    templates::run(&bot, guild.map(|g| g.domain()), &respond).await
                }
                // Everything else belongs to a server's channel.
                (_, _, None) => {
                    let text = respond.lang().t("error-not-in-direct-messages");
                    respond.ephemeral(text).await
                }
                ("retro", "start", Some(guild)) => {
                    start::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "close", Some(guild)) => {
                    close::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "status", _) => status::run(&bot, &command, &respond).await,
                ("retro", "schedule", Some(guild)) => {
                    schedule::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "history", _) => history::run(&bot, &command, &options, &respond).await,
                ("retro", "export", _) => export::run(&bot, &command, &options, &respond).await,
                ("retro", "settings", Some(guild)) => {
                    settings::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "template", Some(guild)) => {
                    template::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "overview", Some(guild)) => {
                    overview::run(&bot, &command, guild, &options, &respond).await
                }
                ("retro", "share", Some(guild)) => {
                    let action = options.path.get(1).map(String::as_str).unwrap_or_default();
                    share::run(&bot, &command, guild, action, &respond).await
                }
                ("retro", "digest", Some(guild)) => {
                    let action = options.path.get(1).map(String::as_str).unwrap_or_default();
                    digest::run(&bot, &command, guild, action, &options, &respond).await
                }
                ("retro", "action", _) => actions::run(&bot, &command, &options, &respond).await,
                ("retro", "help", Some(guild)) => help::run(&bot, &command, guild, &respond).await,
                _ => {
                    let text = respond.lang().t("error-unknown-command");
                    respond.ephemeral(text).await
                }
            };
            if let Err(e) = outcome {
                tracing::warn!(error = %e, "could not answer a command");
            }
        }
        Interaction::Autocomplete(command) => {
            let options = Options::of(&command);
            let outcome = match options.path.first().map(String::as_str) {
                Some("export") => export::autocomplete(&bot, &command).await,
                _ => autocomplete::run(&bot, &command).await,
            };
            if let Err(e) = outcome {
                tracing::debug!(error = %e, "could not answer an autocomplete request");
            }
        }
        Interaction::Modal(submit) => {
            tracing::info!(
                guild = submit.guild_id.map(|g| g.get()),
                user = submit.user.id.get(),
                "form submitted"
            );
            match template::on_modal(&bot, &submit).await {
                Some(Err(e)) => tracing::warn!(error = %e, "could not answer a form"),
                Some(Ok(())) => {}
                None => {
                    tracing::debug!(custom_id = %submit.data.custom_id, "a form nobody handles")
                }
            }
        }
        _ => {}
    }
}
