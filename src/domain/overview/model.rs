//! The overview model: one row per team (channel) with its latest closed check-in of a
//! template, and per statement its agreement, the trend since the team's previous check-in
//! (the summary's trend rules), and participants. Columns are the statements of the teams'
//! latest check-ins, matched by exact text like trends are.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::super::ids::ChannelId;
use super::super::retro::RetroId;
use super::super::trend::{shown_percent, trend, CheckInResult, StatementTrend};
use super::checkin::{check_in_result, ClosedCheckIn};

/// One statement of one team's latest check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamCell {
    /// Agreement in whole percent; `None` without votes or when the split is hidden.
    pub agreement: Option<i64>,
    /// An anonymous check-in with too few voters on it: only `participants` may be shown.
    pub split_hidden: bool,
    pub participants: u32,
    /// Since the team's previous check-in of the template.
    pub trend: StatementTrend,
}

/// A team (channel) and its latest check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub channel: ChannelId,
    pub retro: RetroId,
    pub closed_at: DateTime<Utc>,
    pub anonymous: bool,
    /// Members who voted (for an anonymous check-in: the most on one statement).
    pub voters: u32,
    /// One per column of the overview; `None` where this check-in lacked that statement.
    pub cells: Vec<Option<TeamCell>>,
}

/// The overview of one template across teams.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub template_key: String,
    /// The template's name as the newest check-in had it (the key when there is none).
    pub template_name: String,
    /// The columns: every statement of the teams' latest check-ins, first seen first (teams
    /// in channel order, statements in template order).
    pub statements: Vec<String>,
    /// In channel order (the caller sorts by name when it shows them).
    pub teams: Vec<TeamRow>,
}

impl Overview {
    /// Whether no team has a closed check-in of the template.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }
}

/// Builds the overview of `template_key` from closed check-ins of it (at least each team's
/// latest two; any order; others are ignored). Anonymous check-ins hide the split of
/// statements with fewer than `min_voters` voters.
pub fn build_overview(
    template_key: &str,
    check_ins: &[ClosedCheckIn],
    min_voters: u32,
) -> Overview {
    let mut by_team: BTreeMap<ChannelId, Vec<&ClosedCheckIn>> = BTreeMap::new();
    for check_in in check_ins
        .iter()
        .filter(|c| c.retro.template.key == template_key)
    {
        by_team
            .entry(check_in.channel())
            .or_default()
            .push(check_in);
    }
    let mut statements: Vec<String> = Vec::new();
    let mut latest_rows: Vec<(
        ChannelId,
        &ClosedCheckIn,
        CheckInResult,
        Vec<StatementTrend>,
    )> = Vec::new();
    for (channel, mut team) in by_team {
        // Newest first: retro ids grow with time.
        team.sort_by_key(|c| std::cmp::Reverse(c.retro.id));
        let latest = check_in_result(team[0], min_voters);
        let previous = team.get(1).map(|c| check_in_result(c, min_voters));
        let trends = trend(&latest, previous.as_ref()).statements;
        for s in &latest.statements {
            if !statements.contains(&s.text) {
                statements.push(s.text.clone());
            }
        }
        latest_rows.push((channel, team[0], latest, trends));
    }
    let template_name = latest_rows
        .iter()
        .max_by_key(|(_, c, _, _)| c.retro.id)
        .map_or_else(
            || template_key.to_string(),
            |(_, c, _, _)| c.retro.template.name.clone(),
        );
    let teams = latest_rows
        .into_iter()
        .map(|(channel, check_in, result, trends)| TeamRow {
            channel,
            retro: check_in.retro.id,
            closed_at: check_in.closed_at,
            anonymous: check_in.retro.participation.is_anonymous(),
            voters: result.voters,
            cells: statements
                .iter()
                .map(|text| {
                    let at = result.statements.iter().position(|s| &s.text == text)?;
                    let s = &result.statements[at];
                    Some(TeamCell {
                        agreement: s.agreement.map(shown_percent),
                        split_hidden: s.agreement.is_none() && s.participants > 0,
                        participants: s.participants,
                        trend: trends[at].clone(),
                    })
                })
                .collect(),
        })
        .collect();
    Overview {
        template_key: template_key.to_string(),
        template_name,
        statements,
        teams,
    }
}
