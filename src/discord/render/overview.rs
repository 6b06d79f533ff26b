//! The organisation overview as messages: a numbered legend of the statements, then one block
//! per team (channel) with, per statement, the agreement and its trend since the team's
//! previous check-in, and the participants and date of its latest check-in. Numbers only: no
//! member, no reply text. Teams are channel mentions, which Discord shows by name to whoever
//! can see the channel.

use crate::domain::ids::ChannelId;
use crate::domain::overview::{Overview, TeamCell, TeamRow};
use crate::domain::trend::StatementTrend;

use super::message::{pack, RenderedMessage, EMBED_TITLE_LIMIT, PACK_BUDGET};

/// The file name of the attached heatmap.
pub const HEATMAP_FILE: &str = "overview-heatmap.png";

/// The overview as messages titled `title` (split to fit Discord's limits), teams in the order
/// `team_order` gives (for example by channel name).
pub fn overview_messages(
    overview: &Overview,
    title: &str,
    footer: &str,
    team_order: impl Fn(ChannelId) -> String,
) -> Vec<RenderedMessage> {
    let mut blocks = vec![legend(overview)];
    let mut teams: Vec<&TeamRow> = overview.teams.iter().collect();
    teams.sort_by_key(|t| team_order(t.channel));
    blocks.extend(teams.into_iter().map(team_block));
    let chunks = pack(&blocks, PACK_BUDGET);
    let total = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, description)| RenderedMessage {
            title: crate::domain::text::shorten(
                &if total > 1 {
                    format!("{title} ({}/{total})", i + 1)
                } else {
                    title.to_string()
                },
                EMBED_TITLE_LIMIT,
            ),
            description,
            footer: Some(footer.to_string()),
            chart: None,
        })
        .collect()
}

fn legend(overview: &Overview) -> String {
    let mut lines = vec![format!(
        "**{}** · {} team{}",
        overview.template_name,
        overview.teams.len(),
        if overview.teams.len() == 1 { "" } else { "s" }
    )];
    lines.extend(
        overview
            .statements
            .iter()
            .enumerate()
            .map(|(i, text)| format!("{}. {text}", i + 1)),
    );
    lines.join("\n")
}

fn team_block(team: &TeamRow) -> String {
    let mode = if team.anonymous { " · anonymous" } else { "" };
    let mut lines = vec![format!(
        "<#{}> · {} participant{} · <t:{}:d>{mode}",
        team.channel,
        team.voters,
        if team.voters == 1 { "" } else { "s" },
        team.closed_at.timestamp()
    )];
    for (i, cell) in team.cells.iter().enumerate() {
        lines.push(format!("{}. {}", i + 1, cell_text(cell.as_ref())));
    }
    lines.join("\n")
}

/// One statement of a team: agreement and trend, or why there is none.
pub fn cell_text(cell: Option<&TeamCell>) -> String {
    let Some(cell) = cell else {
        return "not asked".to_string();
    };
    if cell.split_hidden {
        return format!(
            "{} voted (too few for an anonymous split: counts only)",
            cell.participants
        );
    }
    let Some(percent) = cell.agreement else {
        return "no votes".to_string();
    };
    format!(
        "{percent}% agree{} · {} voted",
        trend_text(&cell.trend),
        cell.participants
    )
}

/// ` ▲ +12`, ` ▼ −5`, ` = 0`, ` (first)` or nothing when the previous one had no value.
fn trend_text(trend: &StatementTrend) -> String {
    match (trend, trend.delta_points()) {
        (_, Some(delta)) if delta > 0 => format!(" ▲ +{delta}"),
        (_, Some(delta)) if delta < 0 => format!(" ▼ −{}", -delta),
        (_, Some(_)) => " = 0".to_string(),
        (StatementTrend::FirstCheckIn, None) => " (first)".to_string(),
        _ => String::new(),
    }
}
