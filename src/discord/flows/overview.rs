//! The organisation overview, whoever asks for it (`/retro overview` for the channels the caller
//! can see, a digest for the sharing channels): read each team's latest two check-ins of the
//! template, build the overview (the domain's rules), render it as messages and draw the
//! heatmap on the blocking pool. Numbers only leave a channel: no member, no reply text.

use std::collections::HashMap;

use crate::discord::bot::Bot;
use crate::discord::render::overview::{overview_messages, HEATMAP_FILE};
use crate::discord::render::RenderedMessage;
use crate::discord::rest::Upload;
use crate::domain::ids::{ChannelId, GuildId};
use crate::domain::overview::{build_overview, HeatmapData, Overview};
use crate::i18n::Language;
use crate::store::{StoreError, TeamScope};
use crate::tr;

/// Channel names by id (without `#`), as the server's channel list gives them.
pub type ChannelNames = HashMap<ChannelId, String>;

/// A rendered overview: its messages and, when it could be drawn, the heatmap.
pub struct ShownOverview {
    pub overview: Overview,
    pub parts: Vec<RenderedMessage>,
    pub heatmap: Option<Upload>,
}

/// The smallest number of voters on a statement for which an anonymous check-in shows its
/// split: the server's setting, else the operator's default.
pub async fn min_voters(bot: &Bot, guild: GuildId) -> u32 {
    match bot.store.server_settings(guild).await {
        Ok(settings) => settings
            .anonymous_min_voters
            .unwrap_or(bot.config.anonymous_min_voters),
        Err(_) => bot.config.anonymous_min_voters,
    }
}

/// The template an overview shows: the one asked for, else the most used in the scope.
pub async fn template_of(
    bot: &Bot,
    guild: GuildId,
    scope: TeamScope<'_>,
    asked: Option<&str>,
) -> Result<Option<String>, StoreError> {
    match asked.map(str::trim).filter(|t| !t.is_empty()) {
        Some(key) => Ok(Some(key.to_string())),
        None => bot.store.most_used_template(guild, scope).await,
    }
}

/// The overview of `template_key` over the scope's channels in `lang`, titled by `title` (given
/// the template's name).
pub async fn show_overview(
    bot: &Bot,
    guild: GuildId,
    scope: TeamScope<'_>,
    template_key: &str,
    names: &ChannelNames,
    lang: Language,
    title: impl Fn(&str) -> String,
) -> Result<ShownOverview, StoreError> {
    let check_ins = bot
        .store
        .latest_check_ins(guild, template_key, scope, 2)
        .await?;
    let overview = build_overview(template_key, &check_ins, min_voters(bot, guild).await);
    let name = |channel: ChannelId| {
        names.get(&channel).cloned().unwrap_or_else(|| {
            tr!(
                lang,
                "overview-unknown-channel",
                channel = channel.to_string()
            )
        })
    };
    let footer = lang.t("overview-footer");
    let full_title = title(&overview.template_name);
    let parts = overview_messages(lang, &overview, &full_title, &footer, |c| {
        name(c).to_lowercase()
    });
    let heatmap = if overview.is_empty() {
        None
    } else {
        draw_heatmap(overview.heatmap(&full_title, |c| format!("#{}", name(c)))).await
    };
    Ok(ShownOverview {
        overview,
        parts,
        heatmap,
    })
}

/// Draws the heatmap as PNG on the blocking pool; `None` (logged) if it could not be drawn.
async fn draw_heatmap(data: HeatmapData) -> Option<Upload> {
    match tokio::task::spawn_blocking(move || crate::chart::render_heatmap_png(&data)).await {
        Ok(Ok(bytes)) => Some(Upload {
            filename: HEATMAP_FILE.to_string(),
            bytes,
        }),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "could not draw the overview heatmap");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "the heatmap task failed");
            None
        }
    }
}
