//! What the overview heatmap is drawn from: one row per team with its name, participants and
//! date, one column per statement (numbered, with a legend of the statements), and in each cell
//! the agreement and the change since the team's previous check-in.

use chrono::{DateTime, Utc};

use super::super::ids::ChannelId;
use super::super::text::shorten;
use super::model::{Overview, TeamCell};

/// Longest team name drawn in a row.
const TEAM_NAME_CHARS: usize = 28;
/// Longest statement drawn in the legend.
const LEGEND_CHARS: usize = 110;

/// One cell of the heatmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeatCell {
    /// The team's latest check-in did not have this statement.
    Missing,
    /// Nobody voted on it.
    NoVotes,
    /// Too few voters in an anonymous check-in to show the split.
    Hidden { participants: u32 },
    /// Agreement in whole percent and the change in points since the previous check-in (none:
    /// first check-in, or no value then).
    Agreement { percent: i64, delta: Option<i64> },
}

impl HeatCell {
    fn of(cell: Option<&TeamCell>) -> HeatCell {
        match cell {
            None => HeatCell::Missing,
            Some(c) if c.split_hidden => HeatCell::Hidden {
                participants: c.participants,
            },
            Some(TeamCell {
                agreement: Some(percent),
                trend,
                ..
            }) => HeatCell::Agreement {
                percent: *percent,
                delta: trend.delta_points(),
            },
            Some(_) => HeatCell::NoVotes,
        }
    }
}

/// One team's row.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapRow {
    pub team: String,
    pub voters: u32,
    pub closed_at: DateTime<Utc>,
    pub cells: Vec<HeatCell>,
}

/// Everything the heatmap is drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapData {
    pub title: String,
    /// The statements, numbered from 1 like the columns (shortened for the legend).
    pub statements: Vec<String>,
    /// Sorted by team name.
    pub rows: Vec<HeatmapRow>,
}

impl Overview {
    /// The heatmap of this overview; `team_name` names a channel (for example `#payments`).
    pub fn heatmap(&self, title: &str, team_name: impl Fn(ChannelId) -> String) -> HeatmapData {
        let mut rows: Vec<HeatmapRow> = self
            .teams
            .iter()
            .map(|team| HeatmapRow {
                team: shorten(&team_name(team.channel), TEAM_NAME_CHARS),
                voters: team.voters,
                closed_at: team.closed_at,
                cells: team
                    .cells
                    .iter()
                    .map(|c| HeatCell::of(c.as_ref()))
                    .collect(),
            })
            .collect();
        rows.sort_by_key(|row| row.team.to_lowercase());
        HeatmapData {
            title: title.to_string(),
            statements: self
                .statements
                .iter()
                .enumerate()
                .map(|(i, text)| shorten(&format!("{}. {text}", i + 1), LEGEND_CHARS))
                .collect(),
            rows,
        }
    }
}
