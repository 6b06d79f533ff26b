//! Unit tests for the recurrence forms and their descriptions.

use chrono::{DateTime, Duration, Utc};

use super::Recurrence;

pub(super) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test instant")
        .with_timezone(&Utc)
}

/// Monday 5 January 2026, midnight UTC.
pub(super) fn anchor() -> DateTime<Utc> {
    at("2026-01-05T00:00:00Z")
}

pub(super) fn rule(when: &str, tz: &str) -> Recurrence {
    Recurrence::parse(when, tz, anchor()).unwrap_or_else(|e| panic!("{when}: {e}"))
}

/// The next `n` occurrences after `after`, written on the rule's local wall clock.
fn local_upcoming(rule: &Recurrence, after: &str, n: usize) -> Vec<String> {
    let tz: chrono_tz::Tz = rule.timezone().parse().expect("zone");
    rule.upcoming(at(after), n)
        .into_iter()
        .map(|t| t.with_timezone(&tz).format("%a %Y-%m-%d %H:%M").to_string())
        .collect()
}

pub(super) fn error(when: &str, tz: &str) -> String {
    match Recurrence::parse(when, tz, anchor()) {
        Ok(rule) => panic!("{when} parsed as {}", rule.describe()),
        Err(e) => e.to_string(),
    }
}

pub(super) const TRY: &str = "Try `every monday 10:00`, `every weekday 09:30`, \
`first monday of the month 09:00` or a cron expression like `0 10 * * 1`.";

#[test]
fn every_monday_fires_on_mondays_at_ten_local() {
    let rule = rule("every monday 10:00", "Europe/Berlin");
    assert_eq!(
        rule.next_after(at("2026-01-05T00:00:00Z")),
        Some(at("2026-01-05T09:00:00Z"))
    );
    assert_eq!(
        local_upcoming(&rule, "2026-01-05T09:00:00Z", 3),
        [
            "Mon 2026-01-12 10:00",
            "Mon 2026-01-19 10:00",
            "Mon 2026-01-26 10:00"
        ]
    );
}

#[test]
fn spelling_variants_mean_the_same_rule() {
    let expected = local_upcoming(
        &rule("every monday 10:00", "UTC"),
        "2026-01-01T00:00:00Z",
        4,
    );
    for variant in [
        "every mon 10:00",
        "every monday at 10:00",
        "  Every   MONDAY  at   10:00 ",
        "every mondays 10am",
        "every Mon at 10 AM",
        "every week on monday 10:00",
        "every 1 week on monday 10:00",
        "mondays 10:00",
        "Monday at 10am",
    ] {
        let got = local_upcoming(&rule(variant, "UTC"), "2026-01-01T00:00:00Z", 4);
        assert_eq!(got, expected, "{variant}");
    }
}

#[test]
fn twelve_hour_times_are_read() {
    let cases = [
        ("every day 4:30pm", "16:30"),
        ("every day 4:30 p.m.", "16:30"),
        ("every day 12am", "00:00"),
        ("every day 12pm", "12:00"),
        ("every day noon", "12:00"),
        ("every day 9:05", "09:05"),
    ];
    for (when, time) in cases {
        assert_eq!(
            rule(when, "UTC").describe(),
            format!("every day at {time} (UTC)"),
            "{when}"
        );
    }
}

#[test]
fn every_day_fires_daily() {
    let rule = rule("every day 09:00", "UTC");
    assert_eq!(
        local_upcoming(&rule, "2026-01-05T09:00:00Z", 3),
        [
            "Tue 2026-01-06 09:00",
            "Wed 2026-01-07 09:00",
            "Thu 2026-01-08 09:00"
        ]
    );
    assert_eq!(rule.describe(), "every day at 09:00 (UTC)");
}

#[test]
fn every_weekday_skips_the_weekend() {
    let rule = rule("every weekday 09:30", "America/New_York");
    assert_eq!(
        local_upcoming(&rule, "2026-01-08T00:00:00Z", 4),
        [
            "Thu 2026-01-08 09:30",
            "Fri 2026-01-09 09:30",
            "Mon 2026-01-12 09:30",
            "Tue 2026-01-13 09:30"
        ]
    );
    assert_eq!(rule.describe(), "every weekday at 09:30 (America/New_York)");
    assert_eq!(
        super::tests::rule("weekdays 9:30", "America/New_York").describe(),
        rule.describe()
    );
}

#[test]
fn every_weekend_fires_saturday_and_sunday() {
    let rule = rule("every weekend 11:00", "UTC");
    assert_eq!(
        local_upcoming(&rule, "2026-01-05T00:00:00Z", 3),
        [
            "Sat 2026-01-10 11:00",
            "Sun 2026-01-11 11:00",
            "Sat 2026-01-17 11:00"
        ]
    );
    assert_eq!(rule.describe(), "every Saturday and Sunday at 11:00 (UTC)");
}

#[test]
fn lists_of_days_are_accepted() {
    let rule = rule("every mon, wed and fri 08:15", "UTC");
    assert_eq!(
        local_upcoming(&rule, "2026-01-05T09:00:00Z", 3),
        [
            "Wed 2026-01-07 08:15",
            "Fri 2026-01-09 08:15",
            "Mon 2026-01-12 08:15"
        ]
    );
    assert_eq!(
        rule.describe(),
        "every Monday, Wednesday and Friday at 08:15 (UTC)"
    );
}

#[test]
fn every_two_weeks_starts_at_the_next_matching_day_after_creation() {
    // Created on Wednesday 7 January 2026: the first Friday is the 9th.
    let created = at("2026-01-07T12:00:00Z");
    for when in [
        "every 2 weeks on friday 16:30",
        "every other friday 16:30",
        "every other week on friday 16:30",
        "every fortnight on friday 4:30pm",
    ] {
        let rule = Recurrence::parse(when, "UTC", created).expect(when);
        assert_eq!(
            local_upcoming(&rule, "2026-01-01T00:00:00Z", 3),
            [
                "Fri 2026-01-09 16:30",
                "Fri 2026-01-23 16:30",
                "Fri 2026-02-06 16:30"
            ],
            "{when}"
        );
        assert_eq!(rule.describe(), "every 2 weeks on Friday at 16:30 (UTC)");
    }
}

#[test]
fn multi_week_anchor_counts_the_creation_instant_itself() {
    let on_time = at("2026-01-09T16:30:00Z");
    let rule = Recurrence::parse("every other friday 16:30", "UTC", on_time).expect("parse");
    assert_eq!(
        rule.next_after(on_time - Duration::seconds(1)),
        Some(on_time)
    );
    assert_eq!(rule.next_after(on_time), Some(at("2026-01-23T16:30:00Z")));

    let too_late = at("2026-01-09T16:31:00Z");
    let rule = Recurrence::parse("every other friday 16:30", "UTC", too_late).expect("parse");
    assert_eq!(rule.next_after(too_late), Some(at("2026-01-16T16:30:00Z")));
}

#[test]
fn every_three_weeks_on_tuesday() {
    let rule = rule("every 3 weeks on tuesday 9:00", "Europe/Berlin");
    assert_eq!(
        local_upcoming(&rule, "2026-01-01T00:00:00Z", 3),
        [
            "Tue 2026-01-06 09:00",
            "Tue 2026-01-27 09:00",
            "Tue 2026-02-17 09:00"
        ]
    );
    assert_eq!(
        rule.describe(),
        "every 3 weeks on Tuesday at 09:00 (Europe/Berlin)"
    );
}

#[test]
fn every_n_days_counts_from_the_first_occurrence() {
    let rule = rule("every 3 days 09:00", "UTC");
    assert_eq!(
        local_upcoming(&rule, "2026-01-01T00:00:00Z", 3),
        [
            "Mon 2026-01-05 09:00",
            "Thu 2026-01-08 09:00",
            "Sun 2026-01-11 09:00"
        ]
    );
    assert_eq!(rule.describe(), "every 3 days at 09:00 (UTC)");
    assert_eq!(
        rule_describe("every other day 07:00"),
        "every 2 days at 07:00 (UTC)"
    );
}

fn rule_describe(when: &str) -> String {
    rule(when, "UTC").describe()
}

#[test]
fn nth_weekday_of_the_month() {
    let first = rule("first monday of the month 09:00", "Europe/London");
    assert_eq!(
        local_upcoming(&first, "2026-01-06T00:00:00Z", 3),
        [
            "Mon 2026-02-02 09:00",
            "Mon 2026-03-02 09:00",
            "Mon 2026-04-06 09:00"
        ]
    );
    assert_eq!(
        first.describe(),
        "on the first Monday of every month at 09:00 (Europe/London)"
    );

    let last = rule("last friday of the month 16:00", "UTC");
    assert_eq!(
        local_upcoming(&last, "2026-01-01T00:00:00Z", 3),
        [
            "Fri 2026-01-30 16:00",
            "Fri 2026-02-27 16:00",
            "Fri 2026-03-27 16:00"
        ]
    );
    assert_eq!(
        last.describe(),
        "on the last Friday of every month at 16:00 (UTC)"
    );

    let second = rule("second tuesday of the month 10:00", "UTC");
    assert_eq!(
        local_upcoming(&second, "2026-01-01T00:00:00Z", 2),
        ["Tue 2026-01-13 10:00", "Tue 2026-02-10 10:00"]
    );
    let third = rule("on the third wednesday of every month at 10:00", "UTC");
    assert_eq!(
        local_upcoming(&third, "2026-01-01T00:00:00Z", 2),
        ["Wed 2026-01-21 10:00", "Wed 2026-02-18 10:00"]
    );
    let fourth = rule("every 4th thursday of the month 10:00", "UTC");
    assert_eq!(
        local_upcoming(&fourth, "2026-01-01T00:00:00Z", 2),
        ["Thu 2026-01-22 10:00", "Thu 2026-02-26 10:00"]
    );
}

#[test]
fn five_field_cron_runs_in_the_zone() {
    let rule = rule("0 10 * * 1", "Europe/Berlin");
    assert_eq!(
        local_upcoming(&rule, "2026-01-05T00:00:00Z", 2),
        ["Mon 2026-01-05 10:00", "Mon 2026-01-12 10:00"]
    );
    assert_eq!(rule.describe(), "cron `0 10 * * 1` (Europe/Berlin)");
    assert_eq!(
        Recurrence::parse("  0  10 *   * 1 ", "UTC", anchor())
            .expect("parse")
            .describe(),
        "cron `0 10 * * 1` (UTC)"
    );
}

#[test]
fn seconds_cron_fires_every_five_seconds() {
    let rule = rule("*/5 * * * * *", "UTC");
    let start = at("2026-03-01T12:00:01.300Z");
    assert_eq!(
        rule.upcoming(start, 3),
        [
            at("2026-03-01T12:00:05Z"),
            at("2026-03-01T12:00:10Z"),
            at("2026-03-01T12:00:15Z")
        ]
    );
    assert_eq!(
        rule.next_after(at("2026-03-01T12:00:05Z")),
        Some(at("2026-03-01T12:00:10Z"))
    );
    assert_eq!(rule.min_interval(start), Some(Duration::seconds(5)));
}

#[test]
fn cron_nicknames_are_accepted() {
    let rule = rule("@daily", "UTC");
    assert_eq!(
        rule.next_after(at("2026-01-05T10:00:00Z")),
        Some(at("2026-01-06T00:00:00Z"))
    );
}

#[test]
fn time_zone_names_are_case_insensitive_and_canonical() {
    let rule = rule("every monday 10:00", "europe/berlin");
    assert_eq!(rule.timezone(), "Europe/Berlin");
    assert_eq!(rule_tz("America/New York"), "America/New_York");
    assert_eq!(rule_tz(" utc "), "UTC");
}

fn rule_tz(tz: &str) -> String {
    rule("every day 10:00", tz).timezone().to_string()
}

#[test]
fn source_keeps_what_was_typed() {
    let rule = rule("  Every Monday at 10:00 ", "UTC");
    assert_eq!(rule.source(), "Every Monday at 10:00");
    assert_eq!(rule.anchor(), anchor());
    assert_eq!(rule.to_string(), "every Monday at 10:00 (UTC)");
}
