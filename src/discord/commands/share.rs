//! `/retro share on|off`: a team decides whether its channel's aggregates (numbers only, never
//! names or replies) may appear in digests and the server export. Needs the facilitator role,
//! Manage Server, or Manage Channels in that channel.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::respond::Responder;
use super::rights::has_facilitator_role;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::domain::overview::ChannelSharing;

/// The `share` subcommand group.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "share",
        "Whether this channel's numbers may appear in digests",
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "on",
        "Let this channel's aggregates (numbers only) appear in digests and the server export",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "off",
        "Keep this channel's check-ins in this channel",
    ))
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    action: &str,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let in_channel = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_default();
    let allowed = permissions::can_manage_server(in_channel)
        || in_channel.manage_channels()
        || has_facilitator_role(bot, guild, command).await;
    let lang = respond.lang();
    if !allowed {
        return respond.ephemeral(lang.t("share-not-allowed")).await;
    }
    let sharing = action == "on";
    let choice = ChannelSharing {
        guild: guild.domain(),
        channel: command.channel_id.domain(),
        sharing,
        changed_by: command.user.id.domain(),
        changed_at: created_at(command.id.get()),
    };
    if let Err(e) = bot.store.set_sharing(&choice).await {
        return respond
            .ephemeral(respond.database_problem("org-what-save-choice", &e))
            .await;
    }
    tracing::info!(channel = %choice.channel, sharing, "sharing changed");
    let text = if sharing {
        lang.t("share-on")
    } else {
        lang.t("share-off")
    };
    respond.ephemeral(text).await
}
