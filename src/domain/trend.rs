//! Trends across check-ins: the per-statement results of a check-in, the change since the
//! previous closed one (statements matched by their exact text, never by position, so a
//! reworded statement starts a new series), and agreement series for charts and history.

use chrono::{DateTime, Utc};

use super::retro::{Retro, RetroId};
use super::summary::Summary;
use super::tally::{tally, Tally};
use super::template::Scale;
use super::vote::Mark;

/// How one statement fared in one check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementResult {
    pub text: String,
    /// One count per option of that check-in's scale.
    pub counts: Vec<u32>,
    /// Agreement in percent (mean weight of the votes), `None` without votes.
    pub agreement: Option<f64>,
    pub participants: u32,
}

/// The results of one check-in, enough to compare it with others.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInResult {
    pub retro: RetroId,
    /// When it closed (for a check-in being closed: now).
    pub closed_at: DateTime<Utc>,
    /// Members who voted on at least one statement.
    pub voters: u32,
    pub statements: Vec<StatementResult>,
}

impl CheckInResult {
    /// Results from a tally of `statements` on `scale`.
    pub fn new(
        retro: RetroId,
        closed_at: DateTime<Utc>,
        scale: &Scale,
        statements: &[String],
        tally: &Tally,
    ) -> CheckInResult {
        CheckInResult {
            retro,
            closed_at,
            voters: tally.voters,
            statements: statements
                .iter()
                .zip(&tally.statements)
                .map(|(text, t)| StatementResult {
                    text: text.clone(),
                    counts: t.counts.clone(),
                    agreement: t.agreement_percent(scale),
                    participants: t.participants(),
                })
                .collect(),
        }
    }

    /// Tallies `marks` of `retro` with its own template snapshot.
    pub fn from_marks(retro: &Retro, closed_at: DateTime<Utc>, marks: &[Mark]) -> CheckInResult {
        let template = &retro.template;
        let counted = tally(&template.scale, template.statements.len(), marks);
        CheckInResult::new(
            retro.id,
            closed_at,
            &template.scale,
            &template.statements,
            &counted,
        )
    }

    /// Results of a check-in whose summary was just built.
    pub fn from_summary(
        retro: RetroId,
        closed_at: DateTime<Utc>,
        summary: &Summary,
    ) -> CheckInResult {
        CheckInResult {
            retro,
            closed_at,
            voters: summary.voters,
            statements: summary
                .statements
                .iter()
                .map(|s| StatementResult {
                    text: s.text.clone(),
                    // A hidden split (anonymous, too few voters) stays hidden in trends and
                    // charts too: only the number of participants is kept.
                    counts: if s.split_hidden {
                        vec![0; s.tally.counts.len()]
                    } else {
                        s.tally.counts.clone()
                    },
                    agreement: if s.split_hidden {
                        None
                    } else {
                        s.tally.agreement_percent(&summary.scale)
                    },
                    participants: s.tally.participants(),
                })
                .collect(),
        }
    }

    /// The statement with exactly this text, if this check-in had it.
    pub fn statement(&self, text: &str) -> Option<&StatementResult> {
        self.statements.iter().find(|s| s.text == text)
    }
}

/// A percentage as shown to members (whole percent).
pub fn shown_percent(percent: f64) -> i64 {
    percent.round() as i64
}

/// How one statement moved since the previous check-in.
#[derive(Clone, Debug, PartialEq)]
pub enum StatementTrend {
    /// The previous check-in did not have this exact statement (or there was none).
    FirstCheckIn,
    /// Agreement (whole percent, `None` without votes) and participants then and now.
    Since {
        retro: RetroId,
        then: Option<i64>,
        now: Option<i64>,
        participants_then: u32,
        participants_now: u32,
    },
}

impl StatementTrend {
    /// The change in percentage points between the shown percentages, when both exist.
    pub fn delta_points(&self) -> Option<i64> {
        match self {
            StatementTrend::Since {
                then: Some(then),
                now: Some(now),
                ..
            } => Some(now - then),
            _ => None,
        }
    }

    /// One line for the summary: `▲ +17 pts since #12 (50% → 67%) · participants 3 → 5`.
    pub fn describe(&self) -> String {
        let StatementTrend::Since {
            retro,
            then,
            now,
            participants_then,
            participants_now,
        } = self
        else {
            return "first check-in".to_string();
        };
        let people = format!("participants {participants_then} → {participants_now}");
        let change = match (then, now) {
            (Some(then), Some(now)) => {
                let delta = now - then;
                let arrow = match delta {
                    d if d > 0 => format!("▲ +{d} pts"),
                    d if d < 0 => format!("▼ −{} pts", d.abs()),
                    _ => "● no change".to_string(),
                };
                format!("{arrow} since {retro} ({then}% → {now}%)")
            }
            (None, Some(now)) => format!("no votes in {retro}, {now}% now"),
            (Some(then), None) => format!("no votes now, {then}% in {retro}"),
            (None, None) => format!("no votes in {retro} nor now"),
        };
        format!("{change} · {people}")
    }
}

/// How a check-in compares with the previous one.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// The previous closed check-in and how many members voted in it.
    pub previous: Option<(RetroId, u32)>,
    pub voters_now: u32,
    /// One per statement of the current check-in, in its order.
    pub statements: Vec<StatementTrend>,
}

impl Trend {
    /// A line for the top of the summary.
    pub fn headline(&self) -> String {
        match self.previous {
            None => format!(
                "First check-in of this template in this channel · {} voters",
                self.voters_now
            ),
            Some((retro, voters_then)) => format!(
                "Compared with {retro}: {voters_then} voters then, {} now",
                self.voters_now
            ),
        }
    }
}

/// Compares `current` with `previous` statement by statement (exact text).
pub fn trend(current: &CheckInResult, previous: Option<&CheckInResult>) -> Trend {
    let statements = current
        .statements
        .iter()
        .map(
            |now| match previous.and_then(|p| Some((p.retro, p.statement(&now.text)?))) {
                None => StatementTrend::FirstCheckIn,
                Some((retro, then)) => StatementTrend::Since {
                    retro,
                    then: then.agreement.map(shown_percent),
                    now: now.agreement.map(shown_percent),
                    participants_then: then.participants,
                    participants_now: now.participants,
                },
            },
        )
        .collect();
    Trend {
        previous: previous.map(|p| (p.retro, p.voters)),
        voters_now: current.voters,
        statements,
    }
}

/// For each of `texts`, its agreement in each check-in of `history` (oldest first); `None`
/// where a check-in did not have that exact statement or nobody voted on it.
pub fn agreement_series(history: &[CheckInResult], texts: &[String]) -> Vec<Vec<Option<f64>>> {
    texts
        .iter()
        .map(|text| {
            history
                .iter()
                .map(|c| c.statement(text).and_then(|s| s.agreement))
                .collect()
        })
        .collect()
}

#[cfg(test)]
#[path = "trend_tests.rs"]
mod tests;
