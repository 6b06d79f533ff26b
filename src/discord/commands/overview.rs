//! `/retro overview [template]`: for every channel the caller can see with a closed check-in of
//! the template (default: the most used one there), the latest check-in's agreement and trend
//! per statement, participants and date, with the heatmap attached; only the caller sees it.
//! Which channels the caller can see is computed from Discord's data (roles and overwrites, read
//! once per command), never from what the caller typed.

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateCommandOption, GuildChannel, GuildId,
};

use super::options::Options;
use super::respond::Responder;
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::flows::overview::{show_overview, template_of, ChannelNames};
use crate::discord::ids::ToDomain;
use crate::discord::rest::RestError;
use crate::domain::ids::ChannelId as DomainChannelId;
use crate::store::TeamScope;
use crate::tr;

pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "overview",
        "Health across the teams you can see: each channel's latest check-in",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "template",
            "Which health check (default: the most used one)",
        )
        .set_autocomplete(true),
    )
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    respond.defer_ephemeral().await?;
    let channels = match bot.rest.guild_channels(guild).await {
        Ok(channels) => channels,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's channels");
            return respond.edit(lang.t("org-channels-unreadable")).await;
        }
    };
    let visible = visible_channels(bot, command, &channels).await;
    let names = channel_names(&channels);
    let guild_id = guild.domain();
    let scope = TeamScope::Visible(&visible);
    let template = match template_of(bot, guild_id, scope, options.text("template")).await {
        Ok(Some(key)) => key,
        Ok(None) => return respond.edit(lang.t("overview-none-visible")).await,
        Err(e) => {
            return respond
                .edit(respond.database_problem("org-what-read-check-ins", &e))
                .await
        }
    };
    let title = |name: &str| tr!(lang, "overview-title", template = name);
    let shown = show_overview(bot, guild_id, scope, &template, &names, lang, title).await;
    let shown = match shown {
        Ok(shown) => shown,
        Err(e) => {
            return respond
                .edit(respond.database_problem("org-what-read-check-ins", &e))
                .await
        }
    };
    if shown.overview.is_empty() {
        let template = crate::domain::text::shorten(&template.replace('`', "'"), 100);
        return respond
            .edit(tr!(lang, "overview-none-of-template", template = template))
            .await;
    }
    respond.edit_parts(&shown.parts, shown.heatmap).await
}

/// Channel names by id.
pub fn channel_names(channels: &[GuildChannel]) -> ChannelNames {
    channels
        .iter()
        .map(|c| (c.id.domain(), c.name.clone()))
        .collect()
}

/// The channels among `candidates` that the caller can view, from the bot's permission cache
/// (Discord's own roles and overwrites; never from option text).
pub async fn visible_channels(
    bot: &Bot,
    command: &CommandInteraction,
    candidates: &[GuildChannel],
) -> Vec<DomainChannelId> {
    let viewer = access::viewer(bot, command).await;
    candidates
        .iter()
        .map(|c| c.id.domain())
        .filter(|c| viewer.can_view(*c))
        .collect()
}
