//! DST tests: rules keep their local wall-clock time across the change, and a daily rule at a
//! skipped or repeated time fires exactly once per local day, in both hemispheres.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::tests::at;
use super::Recurrence;

fn rule(when: &str, tz: &str) -> Recurrence {
    Recurrence::parse(when, tz, at("2026-01-01T00:00:00Z")).expect(when)
}

fn local(rule: &Recurrence, instant: DateTime<Utc>) -> String {
    let tz: Tz = rule.timezone().parse().expect("zone");
    instant
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// Every occurrence from `from` up to `until`, grouped by local date.
fn by_local_day(
    rule: &Recurrence,
    from: &str,
    until: &str,
) -> BTreeMap<NaiveDate, Vec<DateTime<Utc>>> {
    let tz: Tz = rule.timezone().parse().expect("zone");
    let until = at(until);
    let mut days: BTreeMap<NaiveDate, Vec<DateTime<Utc>>> = BTreeMap::new();
    let mut cursor = at(from);
    while let Some(next) = rule.next_after(cursor).filter(|n| *n < until) {
        days.entry(next.with_timezone(&tz).date_naive())
            .or_default()
            .push(next);
        cursor = next;
    }
    days
}

/// Asserts that a daily rule fires exactly once on each local date between the two dates
/// (inclusive) and returns those instants.
fn once_per_day(
    rule: &Recurrence,
    from: &str,
    until: &str,
    first: (i32, u32, u32),
    last: (i32, u32, u32),
) -> BTreeMap<NaiveDate, DateTime<Utc>> {
    let days = by_local_day(rule, from, until);
    let first = NaiveDate::from_ymd_opt(first.0, first.1, first.2).expect("date");
    let last = NaiveDate::from_ymd_opt(last.0, last.1, last.2).expect("date");
    let expected: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    assert_eq!(
        days.keys().copied().collect::<Vec<_>>(),
        expected,
        "{}",
        rule.source()
    );
    days.into_iter()
        .map(|(day, instants)| {
            assert_eq!(
                instants.len(),
                1,
                "{} on {day}: {instants:?}",
                rule.source()
            );
            (day, instants[0])
        })
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn weekly_ten_oclock_stays_ten_local_in_berlin() {
    let rule = rule("every monday 10:00", "Europe/Berlin");
    // Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
    assert_eq!(
        rule.upcoming(at("2026-03-20T00:00:00Z"), 2),
        [at("2026-03-23T09:00:00Z"), at("2026-03-30T08:00:00Z")]
    );
    assert_eq!(
        rule.upcoming(at("2026-10-15T00:00:00Z"), 2),
        [at("2026-10-19T08:00:00Z"), at("2026-10-26T09:00:00Z")]
    );
    for t in rule.upcoming(at("2026-01-01T00:00:00Z"), 60) {
        assert!(local(&rule, t).contains(" 10:00 "), "{}", local(&rule, t));
    }
}

#[test]
fn weekly_ten_oclock_stays_ten_local_in_new_york() {
    let rule = rule("every monday 10:00", "America/New_York");
    // DST starts on Sunday 8 March 2026 and ends on Sunday 1 November 2026.
    assert_eq!(
        rule.upcoming(at("2026-02-28T00:00:00Z"), 2),
        [at("2026-03-02T15:00:00Z"), at("2026-03-09T14:00:00Z")]
    );
    assert_eq!(
        rule.upcoming(at("2026-10-22T00:00:00Z"), 2),
        [at("2026-10-26T14:00:00Z"), at("2026-11-02T15:00:00Z")]
    );
}

#[test]
fn weekly_ten_oclock_stays_ten_local_in_sydney() {
    let rule = rule("every monday 10:00", "Australia/Sydney");
    // Southern hemisphere: DST ends on Sunday 5 April 2026 and starts on Sunday 4 October 2026.
    assert_eq!(
        rule.upcoming(at("2026-03-25T00:00:00Z"), 2),
        [at("2026-03-29T23:00:00Z"), at("2026-04-06T00:00:00Z")]
    );
    assert_eq!(
        rule.upcoming(at("2026-09-25T00:00:00Z"), 2),
        [at("2026-09-28T00:00:00Z"), at("2026-10-04T23:00:00Z")]
    );
}

#[test]
fn biweekly_rule_keeps_local_time_across_the_change() {
    let created = at("2026-03-16T00:00:00Z");
    let rule =
        Recurrence::parse("every other sunday 10:00", "Europe/Berlin", created).expect("parse");
    let got: Vec<String> = rule
        .upcoming(created, 3)
        .into_iter()
        .map(|t| local(&rule, t))
        .collect();
    assert_eq!(
        got,
        [
            "2026-03-22 10:00 CET",
            "2026-04-05 10:00 CEST",
            "2026-04-19 10:00 CEST"
        ]
    );
}

#[test]
fn daily_0230_fires_once_per_day_in_berlin() {
    for when in ["every day 02:30", "30 2 * * *"] {
        let rule = rule(when, "Europe/Berlin");
        let spring = once_per_day(
            &rule,
            "2026-03-25T12:00:00Z",
            "2026-04-02T12:00:00Z",
            (2026, 3, 26),
            (2026, 4, 2),
        );
        // 02:30 does not exist on 29 March: it fires at 03:00 CEST, the end of the gap.
        assert_eq!(
            spring[&day(2026, 3, 29)],
            at("2026-03-29T01:00:00Z"),
            "{when}"
        );
        assert_eq!(
            spring[&day(2026, 3, 28)],
            at("2026-03-28T01:30:00Z"),
            "{when}"
        );
        assert_eq!(
            spring[&day(2026, 3, 30)],
            at("2026-03-30T00:30:00Z"),
            "{when}"
        );
        let autumn = once_per_day(
            &rule,
            "2026-10-21T12:00:00Z",
            "2026-10-29T12:00:00Z",
            (2026, 10, 22),
            (2026, 10, 29),
        );
        // 02:30 happens twice on 25 October: it fires once, at the first (CEST) one.
        assert_eq!(
            autumn[&day(2026, 10, 25)],
            at("2026-10-25T00:30:00Z"),
            "{when}"
        );
        assert_eq!(
            autumn[&day(2026, 10, 26)],
            at("2026-10-26T01:30:00Z"),
            "{when}"
        );
    }
}

#[test]
fn daily_rules_fire_once_per_day_in_new_york() {
    for when in ["every day 02:30", "30 2 * * *"] {
        let rule = rule(when, "America/New_York");
        let spring = once_per_day(
            &rule,
            "2026-03-05T12:00:00Z",
            "2026-03-12T12:00:00Z",
            (2026, 3, 6),
            (2026, 3, 12),
        );
        assert_eq!(
            spring[&day(2026, 3, 8)],
            at("2026-03-08T07:00:00Z"),
            "{when}"
        );
        let autumn = once_per_day(
            &rule,
            "2026-10-29T12:00:00Z",
            "2026-11-05T12:00:00Z",
            (2026, 10, 30),
            (2026, 11, 5),
        );
        assert_eq!(
            autumn[&day(2026, 11, 1)],
            at("2026-11-01T07:30:00Z"),
            "{when}"
        );
    }
    // In New York the repeated hour is 01:00-02:00.
    for when in ["every day 01:30", "30 1 * * *"] {
        let rule = rule(when, "America/New_York");
        let autumn = once_per_day(
            &rule,
            "2026-10-29T12:00:00Z",
            "2026-11-05T12:00:00Z",
            (2026, 10, 30),
            (2026, 11, 5),
        );
        assert_eq!(
            autumn[&day(2026, 11, 1)],
            at("2026-11-01T05:30:00Z"),
            "{when}"
        );
        assert_eq!(
            autumn[&day(2026, 11, 2)],
            at("2026-11-02T06:30:00Z"),
            "{when}"
        );
    }
}

#[test]
fn daily_0230_fires_once_per_day_in_sydney() {
    for when in ["every day 02:30", "30 2 * * *"] {
        let rule = rule(when, "Australia/Sydney");
        let autumn = once_per_day(
            &rule,
            "2026-04-01T12:00:00Z",
            "2026-04-08T12:00:00Z",
            (2026, 4, 2),
            (2026, 4, 8),
        );
        // 02:30 happens twice on 5 April (AEDT then AEST): the AEDT one.
        assert_eq!(
            autumn[&day(2026, 4, 5)],
            at("2026-04-04T15:30:00Z"),
            "{when}"
        );
        let spring = once_per_day(
            &rule,
            "2026-10-01T12:00:00Z",
            "2026-10-08T12:00:00Z",
            (2026, 10, 2),
            (2026, 10, 8),
        );
        // 02:30 is skipped on 4 October: 03:00 AEDT.
        assert_eq!(
            spring[&day(2026, 10, 4)],
            at("2026-10-03T16:00:00Z"),
            "{when}"
        );
    }
}

#[test]
fn half_hour_shift_in_lord_howe() {
    // Lord Howe Island moves its clock by 30 minutes (02:00 -> 02:30 in October).
    let quarter_past_two = rule("every day 02:15", "Australia/Lord_Howe");
    let spring = once_per_day(
        &quarter_past_two,
        "2026-10-01T12:00:00Z",
        "2026-10-07T12:00:00Z",
        (2026, 10, 2),
        (2026, 10, 7),
    );
    assert_eq!(
        local(&quarter_past_two, spring[&day(2026, 10, 4)]),
        "2026-10-04 02:30 +11"
    );
    let quarter_to_two = rule("every day 01:45", "Australia/Lord_Howe");
    let autumn = once_per_day(
        &quarter_to_two,
        "2026-04-01T12:00:00Z",
        "2026-04-08T12:00:00Z",
        (2026, 4, 2),
        (2026, 4, 8),
    );
    assert_eq!(autumn[&day(2026, 4, 5)], at("2026-04-04T14:45:00Z"));
}

#[test]
fn croner_runs_hourly_jobs_by_elapsed_time() {
    // croner treats patterns with a wildcard, step or list in the time fields as interval jobs:
    // on the short day the skipped hour has no run, on the long day the repeated hour runs
    // twice. These tests pin that behaviour.
    let hourly = rule("0 * * * *", "Europe/Berlin");
    let spring = by_local_day(&hourly, "2026-03-28T22:59:59Z", "2026-03-29T22:00:00Z");
    assert_eq!(spring[&day(2026, 3, 29)].len(), 23);
    let autumn = by_local_day(&hourly, "2026-10-24T21:59:59Z", "2026-10-25T23:00:00Z");
    assert_eq!(autumn[&day(2026, 10, 25)].len(), 25);

    // A list of minutes inside the skipped hour is an interval job to croner, so it does not
    // run at all on the spring-forward day (a single time such as `30 2 * * *` does).
    let listed = rule("0,30 2 * * *", "Europe/Berlin");
    let spring = by_local_day(&listed, "2026-03-27T12:00:00Z", "2026-03-30T12:00:00Z");
    assert_eq!(spring.get(&day(2026, 3, 29)), None);
    assert_eq!(spring[&day(2026, 3, 28)].len(), 2);
}
