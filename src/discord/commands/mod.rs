//! `/retro`: the command tree registered with Discord (each subcommand's definition lives next
//! to its handler) and the routing of each invocation and autocomplete request to its handler.

mod actions;
mod answer;
mod autocomplete;
mod close;
mod export;
mod history;
mod localized;
mod options;
mod respond;
mod rights;
mod schedule;
mod start;
mod status;
mod templates;

use std::sync::Arc;

use serenity::all::{CreateCommand, Interaction, InteractionContext};

use crate::discord::bot::Bot;
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
        .add_option(actions::definition())]
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
                ("retro", "templates", _) => templates::run(&bot, &respond).await,
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
                ("retro", "action", _) => actions::run(&bot, &command, &options, &respond).await,
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
        _ => {}
    }
}
