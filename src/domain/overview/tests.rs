//! The overview's rules: latest check-in per team with its trend, hidden small groups, the
//! heatmap's cells, and the server export holding numbers only.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::domain::anonymous::{Ballot, MemberKey};
use crate::domain::export::ExportFormat;
use crate::domain::ids::{ChannelId, GuildId, MemberId};
use crate::domain::recurrence::Recurrence;
use crate::domain::retro::{Retro, RetroId, RetroStatus};
use crate::domain::trend::StatementTrend;
use crate::domain::vote::Mark;

const MEMBER: u64 = 987_654_321_012;

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap()
}

fn retro(id: i64, channel: u64, template: &str) -> Retro {
    Retro {
        id: RetroId(id),
        channel_id: ChannelId(channel),
        status: RetroStatus::Closed,
        template: crate::domain::template::TemplateCatalog::builtin()
            .get(template)
            .unwrap()
            .clone(),
        ..crate::domain::retro::sample_retro()
    }
}

/// A named check-in where, on statement 0, `agree` members voted 👍 and `disagree` 👎.
fn named(id: i64, channel: u64, agree: u64, disagree: u64) -> ClosedCheckIn {
    let mut marks = Vec::new();
    for voter in 0..agree + disagree {
        marks.push(Mark {
            position: 0,
            voter: MemberId(MEMBER + voter),
            option: usize::from(voter >= agree),
            seq: voter as i64,
        });
    }
    ClosedCheckIn {
        retro: retro(id, channel, "customer-obsession"),
        closed_at: day(id as u32),
        votes: CastVotes::Reactions(marks),
    }
}

fn anonymous(id: i64, channel: u64, options: &[usize]) -> ClosedCheckIn {
    let mut retro = retro(id, channel, "customer-obsession");
    retro.participation = crate::domain::retro::Participation::Anonymous;
    let ballots = options
        .iter()
        .enumerate()
        .map(|(i, option)| Ballot {
            position: 0,
            key: MemberKey::from_bytes([i as u8; 32]),
            option: *option,
        })
        .collect();
    ClosedCheckIn {
        retro,
        closed_at: day(id as u32),
        votes: CastVotes::Ballots(ballots),
    }
}

#[test]
fn each_team_shows_its_latest_check_in_with_the_trend_since_the_previous() {
    let check_ins = [
        named(1, 10, 1, 1),
        named(2, 20, 3, 0),
        named(3, 10, 2, 1),
        ClosedCheckIn {
            retro: retro(4, 30, "squad-health-check"),
            closed_at: day(4),
            votes: CastVotes::Reactions(Vec::new()),
        },
    ];
    let overview = build_overview("customer-obsession", &check_ins, 3);
    assert_eq!(
        overview.template_name,
        "Amazon \"Customer Obsession\" Health Check"
    );
    assert_eq!(overview.statements.len(), 3, "the template's statements");
    let teams: Vec<(ChannelId, RetroId)> = overview
        .teams
        .iter()
        .map(|t| (t.channel, t.retro))
        .collect();
    assert_eq!(
        teams,
        [(ChannelId(10), RetroId(3)), (ChannelId(20), RetroId(2))],
        "latest per team; the other template's team is not there"
    );
    let first = overview.teams[0].cells[0].as_ref().unwrap();
    assert_eq!((first.agreement, first.participants), (Some(67), 3));
    assert_eq!(first.trend.delta_points(), Some(17), "50% → 67%");
    assert_eq!(overview.teams[0].closed_at, day(3));
    assert_eq!(overview.teams[0].voters, 3);
    let second = overview.teams[1].cells[0].as_ref().unwrap();
    assert_eq!(second.trend, StatementTrend::FirstCheckIn);
    let unvoted = overview.teams[1].cells[1].as_ref().unwrap();
    assert_eq!((unvoted.agreement, unvoted.split_hidden), (None, false));
}

#[test]
fn anonymous_small_groups_show_counts_only() {
    let overview = build_overview(
        "customer-obsession",
        &[anonymous(5, 10, &[0, 1]), anonymous(6, 20, &[0, 0, 1])],
        3,
    );
    let small = overview.teams[0].cells[0].as_ref().unwrap();
    assert!(small.split_hidden, "2 voters < 3");
    assert_eq!((small.agreement, small.participants), (None, 2));
    let big = overview.teams[1].cells[0].as_ref().unwrap();
    assert_eq!((big.agreement, big.split_hidden), (Some(67), false));
    assert_eq!(overview.teams[1].voters, 3);
    let heatmap = overview.heatmap("t", |c| format!("#team-{c}"));
    assert_eq!(
        heatmap.rows[0].cells[0],
        HeatCell::Hidden { participants: 2 }
    );
}

#[test]
fn the_heatmap_names_and_sorts_teams_and_numbers_statements() {
    let overview = build_overview(
        "customer-obsession",
        &[named(1, 10, 1, 1), named(2, 20, 1, 0), named(3, 10, 0, 2)],
        3,
    );
    let names = |c: ChannelId| {
        if c == ChannelId(10) {
            "#zeta"
        } else {
            "#Alpha"
        }
        .to_string()
    };
    let heatmap = overview.heatmap("Overview", names);
    let rows: Vec<&str> = heatmap.rows.iter().map(|r| r.team.as_str()).collect();
    assert_eq!(rows, ["#Alpha", "#zeta"]);
    assert_eq!(
        heatmap.rows[1].cells[0],
        HeatCell::Agreement {
            percent: 0,
            delta: Some(-50)
        }
    );
    assert_eq!(heatmap.rows[0].cells[1], HeatCell::NoVotes);
    assert!(heatmap.statements[0].starts_with("1. As a team"));
}

#[test]
fn the_server_export_holds_numbers_only_and_defuses_formulas() {
    let mut tricky = named(2, 20, 2, 1);
    tricky.retro.template.statements[0] = "=HYPERLINK(\"x\")".into();
    let check_ins = [tricky, named(1, 10, 1, 0), anonymous(3, 10, &[1, 1])];
    let export = server_export(GuildId(7), &check_ins, 3, |c| format!("team {c}"));
    assert_eq!(export.rows.len(), 9, "3 check-ins × 3 statements");
    assert_eq!(export.rows[0].retro, RetroId(1), "oldest first");
    let (name, bytes) = export.render(ExportFormat::Csv).unwrap();
    assert_eq!(name, "server-7.csv");
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.starts_with("channel_id,channel,retro,template,closed_at"));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "formula defused: {csv}"
    );
    assert!(
        csv.contains(",3,66.7,false,agree=2; disagree=1\r\n"),
        "{csv}"
    );
    assert!(
        !csv.contains(&MEMBER.to_string()[..9]),
        "no member id: {csv}"
    );
    let json = export.json();
    let hidden = &json["statements"][6];
    assert_eq!(hidden["split_hidden"], true);
    assert_eq!(hidden["participants"], 2);
    assert!(hidden["counts"].is_null() && hidden["agreement_percent"].is_null());
    assert!(!json.to_string().contains(&MEMBER.to_string()[..9]));
    assert!(export.render(ExportFormat::Markdown).is_err());
}

#[test]
fn digests_fire_by_the_schedules_rule() {
    let recurrence = Recurrence::parse("every day 10:00", "Europe/Berlin", day(1)).unwrap();
    let digest = Digest {
        id: DigestId(1),
        guild: GuildId(7),
        hub: ChannelId(8),
        next_at: recurrence.next_after(day(1)),
        recurrence,
        template_key: None,
        creator: MemberId(9),
        paused: false,
    };
    let first = digest.next_at.unwrap();
    let plan = digest.plan(
        first + Duration::days(2) + Duration::minutes(5),
        Duration::hours(1),
    );
    assert_eq!(plan.skipped.len(), 2, "missed ones are skipped");
    assert_eq!(
        plan.fire,
        Some(first + Duration::days(2)),
        "the latest fires once"
    );
    assert!(plan.next_at.unwrap() > first + Duration::days(2));
}
