//! `/retro schedule add|list|remove|pause|resume`: recurring check-ins. Creating, pausing and
//! removing need Manage Server or the facilitator role.

mod add;
mod manage;

use serenity::all::{
    ChannelType, CommandInteraction, CommandOptionType, CreateCommandOption, GuildId,
};

use super::options::Options;
use super::respond::Responder;
use crate::discord::bot::Bot;
use crate::discord::rest::RestError;

pub use manage::{schedule_choices, timezone_choices};

/// The `schedule` subcommand group (option names are a contract).
pub fn definition() -> CreateCommandOption {
    let text =
        |name: &str, about: &str| CreateCommandOption::new(CommandOptionType::String, name, about);
    let add = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "add",
        "Schedule a recurring check-in",
    )
    .add_sub_option(
        text(
            "when",
            "e.g. every monday 10:00, every 2 weeks on friday 16:30, 0 10 * * 1",
        )
        .required(true),
    )
    .add_sub_option(text("timezone", "IANA time zone, e.g. Europe/Berlin").set_autocomplete(true))
    .add_sub_option(text("template", "Which health check").set_autocomplete(true))
    .add_sub_option(
        text("title", "A title for every check-in")
            .max_length(crate::domain::retro::MAX_TITLE_CHARS as u16),
    )
    .add_sub_option(text(
        "duration",
        "How long each check-in stays open, e.g. 2d",
    ))
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::Channel,
            "channel",
            "Where to post (default: here)",
        )
        .channel_types(vec![ChannelType::Text, ChannelType::News]),
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Role,
        "team_role",
        "The role whose members are expected to take part",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "anonymous",
        "Vote with buttons and answer in forms; no member is stored",
    ));
    let list = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "list",
        "List this channel's schedules",
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "server",
        "List every schedule of this server",
    ));
    let pick = |name: &str, about: &str| {
        CreateCommandOption::new(CommandOptionType::SubCommand, name, about).add_sub_option(
            text("schedule", "Which schedule")
                .required(true)
                .set_autocomplete(true),
        )
    };
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "schedule",
        "Recurring check-ins",
    )
    .add_sub_option(add)
    .add_sub_option(list)
    .add_sub_option(pick("remove", "Delete a schedule"))
    .add_sub_option(pick("pause", "Pause a schedule"))
    .add_sub_option(pick("resume", "Resume a paused schedule"))
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    match options.path.get(1).map(String::as_str) {
        Some("add") => add::run(bot, command, guild, options, respond).await,
        Some("list") => manage::list(bot, command, guild, options, respond).await,
        Some(action @ ("remove" | "pause" | "resume")) => {
            manage::change(bot, command, guild, action, options, respond).await
        }
        _ => {
            let lang = respond.lang();
            respond.ephemeral(lang.t("schedule-use")).await
        }
    }
}
