//! `/retro close`: finds the retro (this channel's, or the one named), checks that the caller
//! may close it, and closes it (reconcile, tally, summary, lock).

use std::sync::Arc;

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::options::Options;
use super::respond::Responder;
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::flows::close::{close_retro, CloseError};
use crate::discord::ids::ToDomain;
use crate::discord::participation::report::ReconcileError;
use crate::discord::permissions;
use crate::discord::render::jump_link;
use crate::discord::rest::RestError;
use crate::domain::retro::{close_right, Closer, Retro, RetroId, RetroStatus};
use crate::i18n::Language;
use crate::tr;

/// `/retro close [retro]`.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
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
    )
}

pub async fn run(
    bot: &Arc<Bot>,
    command: &CommandInteraction,
    guild_id: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    respond.defer_ephemeral().await?;
    let viewer = access::viewer(bot, command).await;
    let given = options
        .text("retro")
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let found = match given {
        Some(given) => match given.trim_start_matches('#').parse::<i64>() {
            Ok(id) => bot
                .store
                .retro(RetroId(id))
                .await
                .map(|r| r.filter(|r| viewer.can_see(r))),
            Err(_) => {
                return respond
                    .edit(tr!(lang, "close-not-a-number", given = given))
                    .await
            }
        },
        None => bot
            .store
            .active_retro_in_channel(command.channel_id.domain())
            .await
            .map(|r| r.filter(|r| viewer.can_see(r))),
    };
    let retro = match found {
        Ok(Some(retro)) if retro.status == RetroStatus::Open => retro,
        Ok(Some(retro)) if retro.status == RetroStatus::Closing => {
            return respond.edit(lang.t("close-already-closing")).await;
        }
        Ok(Some(retro)) if given.is_some() => {
            return respond
                .edit(tr!(
                    lang,
                    "close-not-open",
                    name = crate::domain::member_text::inline(&retro.display_name())
                ))
                .await
        }
        Ok(None) if given.is_some() => {
            let id = given
                .unwrap_or_default()
                .trim_start_matches('#')
                .parse()
                .unwrap_or_default();
            return respond.edit(access::not_found_in(lang, "retro", id)).await;
        }
        Ok(_) => return respond.edit(lang.t("close-nothing-open")).await,
        Err(e) => {
            return respond
                .edit(respond.database_problem("close-what-look-up", &e))
                .await
        }
    };

    let member_permissions = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_default();
    let closer = Closer {
        user_id: command.user.id.domain(),
        has_manage_server: permissions::can_manage_server(member_permissions),
        has_facilitator_role: super::rights::has_facilitator_role(bot, guild_id, command).await,
    };
    if close_right(&retro, closer).is_none() {
        let role = super::rights::facilitator_role_words(bot, guild_id)
            .await
            .map(|r| tr!(lang, "close-or-role", role = r))
            .unwrap_or_default();
        return respond
            .edit(tr!(
                lang,
                "close-not-allowed",
                facilitator = format!("<@{}>", retro.facilitator_id),
                role = role,
            ))
            .await;
    }

    match close_retro(bot, &retro).await {
        Ok(summary) => {
            respond
                .edit(tr!(
                    lang,
                    "close-closed",
                    name = crate::domain::member_text::inline(&retro.display_name()),
                    link = jump_link(retro.guild_id, retro.channel_id, Some(summary.domain())),
                ))
                .await
        }
        Err(CloseError::InProgress | CloseError::NotOpen(_)) => {
            respond.edit(lang.t("close-already-closing")).await
        }
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "close did not complete");
            respond
                .edit(tr!(
                    lang,
                    "close-summary-pending",
                    error = close_error_words(lang, &e)
                ))
                .await
        }
    }
}

/// Why a close did not complete, in words for the member (the error's `Display` is for logs).
fn close_error_words(lang: Language, error: &CloseError) -> String {
    match error {
        CloseError::Post(e) => tr!(lang, "close-summary-refused", error = e.describe(lang)),
        CloseError::Reconcile(ReconcileError::Discord(e)) => {
            tr!(lang, "close-count-failed", error = e.describe(lang))
        }
        CloseError::Reconcile(ReconcileError::Store(_)) | CloseError::Store(_) => {
            lang.t("close-database-failed")
        }
        CloseError::NotOpen(_) | CloseError::InProgress => lang.t("close-already-closing"),
    }
}

/// The open retros the caller can see, for autocomplete.
pub async fn open_visible(bot: &Bot, viewer: &access::Viewer) -> Vec<Retro> {
    bot.store
        .retros_with_status(RetroStatus::Open)
        .await
        .map(|all| all.into_iter().filter(|r| viewer.can_see(r)).collect())
        .unwrap_or_default()
}
