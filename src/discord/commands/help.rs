//! `/retro help`: an ephemeral guide for the caller, in their language: how a retro goes, what
//! they may do in this channel (from their permissions), which of the bot's permissions are
//! missing here, and the server's settings, one line each.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::respond::Responder;
use super::rights::{has_facilitator_role, may_manage_schedules};
use super::settings::lines;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::RestError;
use crate::discord::server::settings_of;
use crate::domain::text::shorten;
use crate::tr;

/// `/retro help`.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "help",
        "How retros work here, what you may do, and what I am missing",
    )
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    respond.defer_ephemeral().await?;
    let settings = match settings_of(bot, guild.domain()).await {
        Ok(settings) => settings,
        Err(e) => {
            return respond
                .edit(respond.database_problem("admin-what-read-settings", &e))
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
    let close = lang.t(if may_close_any {
        "help-close-any"
    } else {
        "help-close-own"
    });
    let schedules = lang.t(if may_manage_schedules(bot, guild, command).await {
        "help-schedules-manage"
    } else {
        "help-schedules-list"
    });
    let missing = match command.app_permissions {
        Some(granted) => match permissions::missing(granted, lang).as_slice() {
            [] => lang.t("help-missing-none"),
            names => tr!(lang, "help-missing-some", permissions = names.join(", ")),
        },
        None => lang.t("help-missing-unknown"),
    };
    let server_language = bot.languages.preferred(guild.domain());
    let text = [
        lang.t("help-how-a-retro-goes"),
        tr!(
            lang,
            "help-what-you-may",
            channel = format!("<#{}>", command.channel_id),
            close = close,
            schedules = schedules
        ),
        tr!(lang, "help-missing", missing = missing),
        format!(
            "{}\n{}",
            lang.t("help-settings"),
            lines(&settings, lang, server_language).join("\n")
        ),
    ]
    .join("\n\n");
    respond
        .edit(shorten(&text, crate::discord::render::CONTENT_LIMIT))
        .await
}
