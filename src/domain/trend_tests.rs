//! Trend maths on a three-colour scale: deltas in points, ties, empty check-ins, reworded
//! statements and series across check-ins.

use crate::domain::ids::MemberId;
use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::tally::tally;
use crate::domain::template::{Scale, ScaleOption};
use crate::domain::vote::Mark;

fn traffic_light() -> Scale {
    let option = |emoji: &str, weight| ScaleOption {
        emoji: emoji.into(),
        label: emoji.into(),
        weight,
    };
    Scale {
        options: vec![option("🟢", 1.0), option("🟡", 0.5), option("🔴", 0.0)],
    }
}

/// A check-in where statement `i` got `votes[i]` (one option index per member).
fn check_in(id: i64, texts: &[&str], votes: &[&[usize]]) -> CheckInResult {
    let scale = traffic_light();
    let mut marks = Vec::new();
    for (position, options) in votes.iter().enumerate() {
        for (voter, option) in options.iter().enumerate() {
            marks.push(Mark {
                position,
                voter: MemberId(voter as u64 + 1),
                option: *option,
                seq: marks.len() as i64,
            });
        }
    }
    let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    let counted = tally(&scale, texts.len(), &marks);
    let at = Utc.timestamp_opt(1_700_000_000 + id * 86_400, 0).unwrap();
    CheckInResult::new(RetroId(id), at, &scale, &texts, &counted)
}

#[test]
fn deltas_are_points_between_the_shown_percentages() {
    // 🟢🟡🔴 → 50%; 🟢🟢🟡 → 83%; 🟡🔴🔴 → 17%.
    let before = check_in(1, &["Fun", "Speed"], &[&[0, 1, 2], &[0, 0, 1]]);
    let after = check_in(2, &["Fun", "Speed"], &[&[0, 0, 1, 0], &[1, 2, 2]]);
    let t = trend(&after, Some(&before));
    assert_eq!(t.previous, Some((RetroId(1), 3)));
    assert_eq!(t.voters_now, 4);
    // 88% now (3.5 / 4) against 50%.
    assert_eq!(t.statements[0].delta_points(), Some(38));
    assert_eq!(
        t.statements[0].describe(),
        "▲ +38 pts since #1 (50% → 88%) · participants 3 → 4"
    );
    assert_eq!(t.statements[1].delta_points(), Some(17 - 83));
    assert_eq!(
        t.statements[1].describe(),
        "▼ −66 pts since #1 (83% → 17%) · participants 3 → 3"
    );
    assert_eq!(
        t.headline(),
        "Compared with #1: 3 voters then, 4 now",
        "averages come with the number of people"
    );
}

#[test]
fn ties_show_no_change() {
    // Different votes, same agreement: 🟢🔴 (50%) then 🟡🟡 (50%).
    let before = check_in(1, &["Fun"], &[&[0, 2]]);
    let after = check_in(2, &["Fun"], &[&[1, 1]]);
    let t = trend(&after, Some(&before));
    assert_eq!(t.statements[0].delta_points(), Some(0));
    assert_eq!(
        t.statements[0].describe(),
        "● no change since #1 (50% → 50%) · participants 2 → 2"
    );
}

#[test]
fn empty_check_ins_have_no_delta_but_keep_the_counts_of_people() {
    let empty = check_in(1, &["Fun"], &[&[]]);
    let voted = check_in(2, &["Fun"], &[&[0]]);
    let t = trend(&voted, Some(&empty));
    assert_eq!(t.statements[0].delta_points(), None);
    assert_eq!(
        t.statements[0].describe(),
        "no votes in #1, 100% now · participants 0 → 1"
    );
    let t = trend(&check_in(3, &["Fun"], &[&[]]), Some(&voted));
    assert_eq!(
        t.statements[0].describe(),
        "no votes now, 100% in #2 · participants 1 → 0"
    );
    assert_eq!(t.voters_now, 0);
    let t = trend(&empty, Some(&empty));
    assert_eq!(
        t.statements[0].describe(),
        "no votes in #1 nor now · participants 0 → 0"
    );
}

#[test]
fn the_first_check_in_has_no_trend() {
    let first = check_in(1, &["Fun", "Speed"], &[&[0], &[2]]);
    let t = trend(&first, None);
    assert_eq!(t.previous, None);
    assert!(t
        .statements
        .iter()
        .all(|s| *s == StatementTrend::FirstCheckIn));
    assert_eq!(t.statements[0].describe(), "first check-in");
    assert!(
        t.headline().starts_with("First check-in"),
        "{}",
        t.headline()
    );
}

#[test]
fn a_reworded_statement_starts_a_new_series_never_matched_by_position() {
    let before = check_in(
        1,
        &["Fun: we love it", "Speed: no waiting"],
        &[&[0, 0], &[2, 2]],
    );
    // Same positions, but statement 1 was reworded and the order changed.
    let after = check_in(
        2,
        &["Speed: no waiting", "Fun: we love it a lot"],
        &[&[0, 0], &[2, 2]],
    );
    let t = trend(&after, Some(&before));
    assert_eq!(
        t.statements[0],
        StatementTrend::Since {
            retro: RetroId(1),
            then: Some(0),
            now: Some(100),
            participants_then: 2,
            participants_now: 2,
        },
        "matched by text across positions"
    );
    assert_eq!(t.statements[1], StatementTrend::FirstCheckIn);

    let texts = [
        "Speed: no waiting".to_string(),
        "Fun: we love it a lot".to_string(),
    ];
    let series = agreement_series(&[before, after], &texts);
    assert_eq!(series[0], vec![Some(0.0), Some(100.0)]);
    assert_eq!(series[1], vec![None, Some(0.0)], "a new series");
}

#[test]
fn results_come_from_the_newest_marks() {
    let mut retro_template = crate::domain::template::TemplateCatalog::builtin()
        .get("squad-health-check")
        .unwrap()
        .clone();
    retro_template.statements.truncate(2);
    let retro = Retro {
        id: RetroId(7),
        template: retro_template,
        status: crate::domain::retro::RetroStatus::Closed,
        ..crate::domain::retro::sample_retro()
    };
    let marks = [
        Mark {
            position: 1,
            voter: MemberId(5),
            option: 2,
            seq: 1,
        },
        Mark {
            position: 1,
            voter: MemberId(5),
            option: 1,
            seq: 2,
        },
    ];
    let result = CheckInResult::from_marks(&retro, Utc::now(), &marks);
    assert_eq!(result.voters, 1);
    assert_eq!(result.statements[1].counts, vec![0, 1, 0]);
    assert_eq!(result.statements[1].agreement, Some(50.0));
    assert_eq!(result.statements[0].agreement, None);
}
