//! What a summary or a history shows besides the tally: the trend since last time, the
//! actions, the data the chart is drawn from, and the compact sparkline table of a history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::action::Action;
use super::template::Scale;
use super::text::shorten;
use super::trend::{agreement_series, shown_percent, CheckInResult, Trend};

/// Most check-ins a chart or history shows.
pub const MAX_HISTORY: usize = 12;
/// Longest statement label in a chart (the full text is in the summary).
const CHART_LABEL_CHARS: usize = 48;

/// A scale option as a chart shows it: a word, not an emoji (emoji do not render there).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartOption {
    pub label: String,
    pub weight: f64,
}

/// One statement's bar: its label and the count per option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartStatement {
    pub label: String,
    pub counts: Vec<u32>,
}

/// Everything the chart is drawn from; serialisable so a summary interrupted by a restart
/// draws the same chart again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    pub title: String,
    pub options: Vec<ChartOption>,
    /// The latest check-in's votes per statement.
    pub statements: Vec<ChartStatement>,
    /// Labels of the check-ins in the history, oldest first (the latest one last).
    pub checkins: Vec<String>,
    /// Per statement, its agreement in percent in each of `checkins`.
    pub series: Vec<Vec<Option<f64>>>,
}

impl ChartData {
    /// Whether there is more than one check-in to draw a line through.
    pub fn has_history(&self) -> bool {
        self.checkins.len() >= 2
    }
}

/// The chart of the last check-in in `history` (oldest first), with up to [`MAX_HISTORY`]
/// check-ins of agreement. `scale` is the last check-in's.
pub fn chart_data(title: &str, scale: &Scale, history: &[CheckInResult]) -> Option<ChartData> {
    let history = &history[history.len().saturating_sub(MAX_HISTORY)..];
    let latest = history.last()?;
    let texts: Vec<String> = latest.statements.iter().map(|s| s.text.clone()).collect();
    Some(ChartData {
        title: title.to_string(),
        options: scale
            .options
            .iter()
            .map(|o| ChartOption {
                label: o.label.clone(),
                weight: o.weight,
            })
            .collect(),
        statements: latest
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| ChartStatement {
                label: shorten(&format!("{}. {}", i + 1, s.text), CHART_LABEL_CHARS),
                counts: s.counts.clone(),
            })
            .collect(),
        checkins: history
            .iter()
            .map(|c| format!("{} {}", c.retro, c.closed_at.format("%b %-d")))
            .collect(),
        series: agreement_series(history, &texts),
    })
}

/// What the summary shows besides the tally.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryExtras {
    pub trend: Option<Trend>,
    /// Actions recorded during the check-in.
    pub actions: Vec<Action>,
    /// The day overdue is judged against.
    pub today: Option<NaiveDate>,
    pub chart: Option<ChartData>,
}

/// `▁▃▅█` for agreement values (·  where a check-in had no value).
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| match v {
            Some(pct) => BARS[((pct.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize],
            None => '·',
        })
        .collect()
}

/// The history as text blocks: one line naming the check-ins, then per statement of the latest
/// check-in its sparkline, first and latest agreement and participants.
pub fn history_blocks(history: &[CheckInResult]) -> Vec<String> {
    let history = &history[history.len().saturating_sub(MAX_HISTORY)..];
    let Some(latest) = history.last() else {
        return Vec::new();
    };
    let checkins: Vec<String> = history
        .iter()
        .map(|c| {
            format!(
                "{} ({}, {} voters)",
                c.retro,
                c.closed_at.format("%Y-%m-%d"),
                c.voters
            )
        })
        .collect();
    let mut blocks = vec![format!(
        "**{} check-ins**, oldest first: {}",
        history.len(),
        checkins.join(" · ")
    )];
    let texts: Vec<String> = latest.statements.iter().map(|s| s.text.clone()).collect();
    for ((i, statement), series) in latest
        .statements
        .iter()
        .enumerate()
        .zip(agreement_series(history, &texts))
    {
        let shown: Vec<i64> = series.iter().flatten().map(|p| shown_percent(*p)).collect();
        let values = match (shown.first(), shown.last()) {
            (Some(first), Some(last)) if shown.len() > 1 => format!("{first}% → {last}%"),
            (Some(only), _) => format!("{only}%"),
            _ => "no votes".to_string(),
        };
        let people = if statement.participants == 1 {
            "participant"
        } else {
            "participants"
        };
        blocks.push(format!(
            "**{}. {}**\n`{}` {values} · {} {people} last time",
            i + 1,
            crate::domain::member_text::inline(&statement.text),
            sparkline(&series),
            statement.participants
        ));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::retro::RetroId;
    use crate::domain::trend::StatementResult;
    use chrono::{TimeZone, Utc};

    fn result(id: i64, texts: &[(&str, Option<f64>)]) -> CheckInResult {
        CheckInResult {
            retro: RetroId(id),
            closed_at: Utc.with_ymd_and_hms(2026, 11, id as u32, 9, 0, 0).unwrap(),
            voters: 4,
            statements: texts
                .iter()
                .map(|(text, agreement)| StatementResult {
                    text: text.to_string(),
                    counts: vec![2, 2],
                    agreement: *agreement,
                    participants: 4,
                })
                .collect(),
        }
    }

    #[test]
    fn sparklines_span_zero_to_hundred() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(50.0), None, Some(100.0)]),
            "▁▅·█"
        );
    }

    #[test]
    fn chart_data_keeps_the_last_twelve_check_ins_and_matches_by_text() {
        let history: Vec<CheckInResult> = (1..=14)
            .map(|i| result(i, &[("Fun", Some(i as f64 * 5.0)), ("Speed", None)]))
            .collect();
        let chart = chart_data("T", &Scale::thumbs(), &history).unwrap();
        assert_eq!(chart.checkins.len(), 12);
        assert_eq!(chart.checkins[0], "#3 Nov 3");
        assert_eq!(chart.series[0][11], Some(70.0));
        assert_eq!(chart.series[1], vec![None; 12]);
        assert_eq!(chart.options[0].label, "agree");
        assert_eq!(chart.statements[0].label, "1. Fun");
        assert!(chart.has_history());
        assert!(chart_data("T", &Scale::thumbs(), &[]).is_none());
    }

    #[test]
    fn history_blocks_name_check_ins_and_show_first_and_latest() {
        let history = vec![
            result(1, &[("Fun", Some(25.0))]),
            result(2, &[("Fun", Some(75.0)), ("New", None)]),
        ];
        let blocks = history_blocks(&history);
        assert!(blocks[0].starts_with("**2 check-ins**"), "{}", blocks[0]);
        assert!(blocks[0].contains("#1 (2026-11-01, 4 voters)"));
        assert_eq!(
            blocks[1],
            "**1. Fun**\n`▃▆` 25% → 75% · 4 participants last time"
        );
        assert_eq!(
            blocks[2],
            "**2. New**\n`··` no votes · 4 participants last time"
        );
    }
}
