//! The `/retro` slash command: its definition (option names are a contract), routing to the
//! subcommand handlers, and the helpers every handler uses to answer.

mod actions;
mod answer;
mod close;
mod export;
mod history;
mod info;
mod rights;
mod schedule;
mod start;

use std::collections::HashMap;
use std::sync::Arc;

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateAllowedMentions, CreateCommand,
    CreateCommandOption, CreateInteractionResponse, CreateInteractionResponseMessage,
    EditInteractionResponse, Interaction, InteractionContext, ResolvedOption, ResolvedValue,
};

use super::rest::RestError;
use super::Bot;

/// The command tree registered with Discord.
pub fn definitions() -> Vec<CreateCommand> {
    let start = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "start",
        "Start a health-check retro in this channel",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "template",
            "Which health check (default: customer-obsession)",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "title",
            "A title, e.g. the sprint name",
        )
        .max_length(crate::domain::retro::MAX_TITLE_CHARS as u16),
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::String,
        "duration",
        "Close automatically after e.g. 45s, 90m, 48h, 2d or 1w",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "anonymous",
        "Vote with buttons and answer via a form; nobody can see who said what",
    ));
    let close = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "close",
        "Close a retro and post its summary",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "retro",
            "Which retro (default: the one in this channel)",
        )
        .set_autocomplete(true),
    );
    let status = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "status",
        "Show this channel's open retros and participation",
    );
    let templates = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "templates",
        "List the available health-check templates",
    );
    vec![CreateCommand::new("retro")
        .description("Team health-check retrospectives")
        .contexts(vec![InteractionContext::Guild])
        .add_option(start)
        .add_option(close)
        .add_option(status)
        .add_option(templates)
        .add_option(schedule::definition())
        .add_option(history::definition())
        .add_option(export::definition())
        .add_option(actions::definition())]
}

/// An option's value, owned.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Text(String),
    Integer(i64),
    Boolean(bool),
    /// A channel or role option's id.
    Id(u64),
    /// A member or user, by id.
    User(u64),
}

/// The leaf options of an invocation by name, and the subcommand path (`["start"]`).
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub path: Vec<String>,
    values: HashMap<String, OptionValue>,
}

impl Options {
    fn collect(options: Vec<ResolvedOption<'_>>, into: &mut Options) {
        for option in options {
            match option.value {
                ResolvedValue::SubCommand(inner) | ResolvedValue::SubCommandGroup(inner) => {
                    into.path.push(option.name.to_string());
                    Options::collect(inner, into);
                }
                ResolvedValue::String(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Text(v.into()));
                }
                ResolvedValue::Autocomplete { value, .. } => {
                    into.values
                        .insert(option.name.into(), OptionValue::Text(value.into()));
                }
                ResolvedValue::Integer(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Integer(v));
                }
                ResolvedValue::Boolean(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Boolean(v));
                }
                ResolvedValue::Channel(channel) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Id(channel.id.get()));
                }
                ResolvedValue::Role(role) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Id(role.id.get()));
                }
                ResolvedValue::User(user, _) => {
                    into.values
                        .insert(option.name.into(), OptionValue::User(user.id.get()));
                }
                _ => {}
            }
        }
    }

    pub fn of(command: &CommandInteraction) -> Options {
        let mut options = Options::default();
        Options::collect(command.data.options(), &mut options);
        options
    }

    pub fn id(&self, name: &str) -> Option<u64> {
        match self.values.get(name) {
            Some(OptionValue::Id(id)) => Some(*id),
            _ => None,
        }
    }

    pub fn flag(&self, name: &str) -> Option<bool> {
        match self.values.get(name) {
            Some(OptionValue::Boolean(flag)) => Some(*flag),
            _ => None,
        }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.values.get(name) {
            Some(OptionValue::Text(text)) => Some(text.as_str()),
            _ => None,
        }
    }

    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.values.get(name) {
            Some(OptionValue::Integer(value)) => Some(*value),
            _ => None,
        }
    }

    pub fn user(&self, name: &str) -> Option<u64> {
        match self.values.get(name) {
            Some(OptionValue::User(id)) => Some(*id),
            _ => None,
        }
    }
}

/// Logs a database failure met while trying to `what`, counts it for `/metrics`, and words it
/// for the member: "I couldn't {what} (database problem). Please try again in a moment."
pub fn database_problem(bot: &Bot, what: &str, error: &impl std::fmt::Display) -> String {
    bot.stats.database_error();
    tracing::error!(%error, "could not {what}");
    format!("I couldn't {what} (database problem). Please try again in a moment.")
}

/// The answer to a command that needs a server, run in a direct message.
pub const NOT_IN_DIRECT_MESSAGES: &str =
    "Retros run in a server's text channel, not in direct messages.";

/// Answers one interaction: ephemeral replies, deferral, and edits of the deferred answer.
pub struct Responder<'a> {
    bot: &'a Bot,
    command: &'a CommandInteraction,
}

impl<'a> Responder<'a> {
    pub fn new(bot: &'a Bot, command: &'a CommandInteraction) -> Self {
        Responder { bot, command }
    }

    /// Answers at once with a message only the caller sees.
    pub async fn ephemeral(&self, text: impl Into<String>) -> Result<(), RestError> {
        let message = CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new());
        let body = CreateInteractionResponse::Message(message);
        self.bot
            .rest
            .respond(self.command.id, &self.command.token, &body)
            .await
    }

    /// Acknowledges now ("thinking…", visible only to the caller); the answer follows by edit.
    pub async fn defer_ephemeral(&self) -> Result<(), RestError> {
        let body = CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        );
        self.bot
            .rest
            .respond(self.command.id, &self.command.token, &body)
            .await
    }

    /// Replaces the deferred answer with `text`.
    pub async fn edit(&self, text: impl Into<String>) -> Result<(), RestError> {
        let body = EditInteractionResponse::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new());
        self.bot
            .rest
            .edit_original(&self.command.token, &body)
            .await
            .map(drop)
    }
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
            let outcome = match (command.data.name.as_str(), sub) {
                // Everything but the template list belongs to a server's channel.
                (_, sub) if command.guild_id.is_none() && sub != "templates" => {
                    respond.ephemeral(NOT_IN_DIRECT_MESSAGES).await
                }
                ("retro", "start") => start::run(&bot, &command, &options, &respond).await,
                ("retro", "close") => close::run(&bot, &command, &options, &respond).await,
                ("retro", "status") => info::status(&bot, &command, &respond).await,
                ("retro", "templates") => info::templates(&bot, &respond).await,
                ("retro", "schedule") => schedule::run(&bot, &command, &options, &respond).await,
                ("retro", "history") => history::run(&bot, &command, &options, &respond).await,
                ("retro", "export") => export::run(&bot, &command, &options, &respond).await,
                ("retro", "action") => actions::run(&bot, &command, &options, &respond).await,
                _ => {
                    respond
                        .ephemeral("I don't know that command. Try `/retro start`.")
                        .await
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
                _ => info::autocomplete(&bot, &command).await,
            };
            if let Err(e) = outcome {
                tracing::debug!(error = %e, "could not answer an autocomplete request");
            }
        }
        _ => {}
    }
}
