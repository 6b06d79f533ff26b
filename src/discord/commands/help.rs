//! `/retro help`: an ephemeral guide for the caller: how a retro goes, what they may do in this
//! channel (from their permissions), which of the bot's permissions are missing here, and the
//! server's settings, one line each.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::respond::{database_problem, Responder};
use super::rights::{has_facilitator_role, may_manage_schedules};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::RestError;
use crate::domain::text::shorten;

/// `/retro help`.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "help",
        "How retros work here, what you may do, and what I am missing",
    )
}

const HOW_A_RETRO_GOES: &str = "**How a retro goes**
1. `/retro start` posts the statements (vote 👍/👎) and one thread per question (reply there).
2. Members vote and reply until the retro closes: `/retro close`, or its duration ends.
3. The summary is posted here; `/retro history` and `/retro export` look back on it.
`/retro schedule add` runs check-ins on their own; `/retro action add` records what you agreed.";

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    respond.defer_ephemeral().await?;
    let settings = match bot.store.server_settings(guild.domain()).await {
        Ok(settings) => settings.resolve(&bot.config.setting_defaults()),
        Err(e) => {
            return respond
                .edit(database_problem(bot, "read this server's settings", &e))
                .await
        }
    };
    let member_permissions = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_default();
    let may_close_any = permissions::can_manage_server(member_permissions)
        || has_facilitator_role(bot, guild, command).await;
    let close = if may_close_any {
        "close any retro here (Manage Server or the facilitator role)"
    } else {
        "close the retros you started"
    };
    let schedules = if may_manage_schedules(bot, guild, command).await {
        "add, pause and remove schedules"
    } else {
        "list schedules (adding, pausing and removing needs Manage Server or the facilitator role)"
    };
    let missing = match command.app_permissions {
        Some(granted) => match permissions::missing(granted).as_slice() {
            [] => "none: I have everything I need here.".to_string(),
            names => format!(
                "**{}**. Ask a server admin to grant them.",
                names.join(", ")
            ),
        },
        None => "unknown (Discord did not say).".to_string(),
    };
    let text = format!(
        "{HOW_A_RETRO_GOES}\n\n**What you may do in <#{channel}>**\nstart a retro, vote and reply, {close}; {schedules}.\n\n**Permissions I am missing here:** {missing}\n\n**This server's settings**\n{settings}",
        channel = command.channel_id,
        settings = settings.lines().join("\n"),
    );
    respond
        .edit(shorten(&text, crate::discord::render::CONTENT_LIMIT))
        .await
}
