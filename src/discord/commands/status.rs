//! `/retro status`: the channel's open retro with how many members have voted and replied so
//! far, only to the caller.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption};

use super::respond::Responder;
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::render::jump_link;
use crate::discord::rest::RestError;
use crate::domain::retro::RetroStatus;
use crate::tr;

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
    let lang = respond.lang();
    respond.defer_ephemeral().await?;
    let channel = command.channel_id.domain();
    let viewer = access::viewer(bot, command).await;
    let found = bot.store.active_retro_in_channel(channel).await;
    let retro = match found.map(|r| r.filter(|r| viewer.can_see(r))) {
        Ok(Some(retro)) => retro,
        Ok(None) => return respond.edit(lang.t("status-none-open")).await,
        Err(e) => {
            return respond
                .edit(respond.database_problem("status-what-read", &e))
                .await
        }
    };
    let participation = bot.store.participation(retro.id).await.unwrap_or_default();
    let (state, closes) = match (retro.status, retro.closes_at) {
        (RetroStatus::Posting, _) => (lang.t("status-state-posting"), String::new()),
        (RetroStatus::Closing, _) => (
            lang.t("status-state-closing"),
            lang.t("status-summary-on-its-way"),
        ),
        (_, Some(at)) => (
            lang.t("status-state-open"),
            tr!(
                lang,
                "status-closes-at",
                relative = format!("<t:{}:R>", at.timestamp())
            ),
        ),
        (_, None) => (lang.t("status-state-open"), lang.t("status-closes-by-hand")),
    };
    let headline = tr!(
        lang,
        "status-headline",
        state = state,
        id = retro.id.to_string(),
        name = crate::domain::member_text::inline_within(&retro.display_name(), 400),
        link = jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
        facilitator = format!("<@{}>", retro.facilitator_id),
        closes = closes,
    );
    let counts = tr!(
        lang,
        "status-participation",
        voters = participation.voters,
        replies = participation.replies,
    );
    respond.edit(format!("{headline}\n{counts}")).await
}
