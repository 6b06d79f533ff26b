//! `/retro status`: the channel's open retro with how many members have voted and replied so
//! far, only to the caller.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption};

use super::respond::{database_problem, Responder};
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::render::jump_link;
use crate::discord::rest::RestError;
use crate::domain::retro::RetroStatus;

/// `/retro status`.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "status",
        "Show this channel's open retros and participation",
    )
}

/// Answers `/retro status`.
pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    // Deferred first: during a database outage the lookup may take seconds.
    respond.defer_ephemeral().await?;
    let channel = command.channel_id.domain();
    let viewer = access::viewer(bot, command).await;
    let found = bot.store.active_retro_in_channel(channel).await;
    let retro = match found.map(|r| r.filter(|r| viewer.can_see(r))) {
        Ok(Some(retro)) => retro,
        Ok(None) => {
            return respond
                .edit("No retro is open in this channel. Start one with `/retro start`.")
                .await
        }
        Err(e) => {
            return respond
                .edit(database_problem(bot, "read the retros", &e))
                .await
        }
    };
    let participation = bot.store.participation(retro.id).await.unwrap_or_default();
    let (state, closes) = match (retro.status, retro.closes_at) {
        (RetroStatus::Posting, _) => ("Retro being set up", String::new()),
        (RetroStatus::Closing, _) => (
            "Retro being closed",
            ", its summary is on its way".to_string(),
        ),
        (_, Some(at)) => ("Open retro", format!(", closes <t:{}:R>", at.timestamp())),
        (_, None) => (
            "Open retro",
            ", closes when the facilitator runs `/retro close`".to_string(),
        ),
    };
    let voters = if participation.voters == 1 {
        "member has"
    } else {
        "members have"
    };
    let replies = if participation.replies == 1 {
        "reply"
    } else {
        "replies"
    };
    respond
        .edit(format!(
            "**{state} {}:** [{}]({}), started by <@{}>{closes}.\n{} {voters} voted · {} {replies} in the question threads.",
            retro.id,
            crate::domain::member_text::inline_within(&retro.display_name(), 400),
            jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
            retro.facilitator_id,
            participation.voters,
            participation.replies,
        ))
        .await
}
