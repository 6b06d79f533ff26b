//! Unit tests for the messages users see when a schedule is refused, for storage and for
//! `min_interval`.

use chrono::Duration;

use super::tests::{anchor, at, error, rule, TRY};
use super::{Recurrence, RecurrenceError};

#[test]
fn unknown_day_names_the_day_and_suggests_forms() {
    assert_eq!(
        error("every funday 10:00", "UTC"),
        format!("`every funday 10:00`: I don't know the day `funday`. {TRY}")
    );
    assert_eq!(
        error("first funday of the month 10:00", "UTC"),
        format!("`first funday of the month 10:00`: I don't know the day `funday`. {TRY}")
    );
}

#[test]
fn unreadable_text_is_refused_with_examples() {
    assert_eq!(
        error("whenever you like", "UTC"),
        format!("`whenever you like`: I couldn't read that as a schedule. {TRY}")
    );
    assert_eq!(
        error("10:00 every monday", "UTC"),
        format!("`10:00 every monday`: I couldn't read that as a schedule. {TRY}")
    );
    assert_eq!(
        error("every monday 10:00 please", "UTC"),
        format!("`every monday 10:00 please`: I didn't understand `please` there. {TRY}")
    );
    assert_eq!(
        error("every 2 weeks on day 10:00", "UTC"),
        format!("`every 2 weeks on day 10:00`: I didn't understand `day` there. {TRY}")
    );
    assert_eq!(error("   ", "UTC"), format!("The schedule is empty. {TRY}"));
}

#[test]
fn invalid_and_missing_times_are_explained() {
    let invalid = |time: &str| {
        format!(
            "`every monday {time}`: `{time}` is not a time of day. Use 24-hour `HH:MM` such as \
             `09:30` or `16:00` (or `9:30am`, `4pm`)."
        )
    };
    for time in ["25:00", "10:60", "13pm", "10", "9:5"] {
        assert_eq!(error(&format!("every monday {time}"), "UTC"), invalid(time));
    }
    assert_eq!(
        error("every monday", "UTC"),
        "`every monday`: please add a time of day, for example `every monday at 10:00`."
    );
    assert_eq!(
        error("every monday at", "UTC"),
        "`every monday at`: please add a time of day, for example `every monday at 10:00`."
    );
}

#[test]
fn intervals_must_be_sensible() {
    assert_eq!(
        error("every 0 weeks on monday 10:00", "UTC"),
        "`every 0 weeks on monday 10:00`: the interval must be at least 1, for example \
         `every 2 weeks on friday 16:30`."
    );
    assert_eq!(
        error("every 60 weeks on monday 10:00", "UTC"),
        "`every 60 weeks on monday 10:00`: every 60 weeks is too far apart; the longest \
         interval is 52 weeks."
    );
    assert_eq!(
        error("every 2 months on monday 10:00", "UTC"),
        "`every 2 months on monday 10:00`: I can only count `months` in whole days or weeks, \
         for example `every 2 weeks on friday 16:30` or `every 3 days 09:00`."
    );
    assert_eq!(
        error("fifth monday of the month 10:00", "UTC"),
        "`fifth monday of the month 10:00`: `fifth` is not something I can schedule: use \
         first, second, third, fourth or last, as in `last friday of the month 16:00` (not \
         every month has a fifth weekday)."
    );
}

#[test]
fn unknown_time_zone_says_so_and_suggests_the_format() {
    assert_eq!(
        error("every monday 10:00", "Mars/Olympus"),
        "I don't know the time zone `Mars/Olympus`. Use an IANA name such as \
         `Europe/Berlin`, `America/New_York` or `UTC`."
    );
    assert_eq!(
        error("every monday 10:00", "Berlin"),
        "I don't know the time zone `Berlin`. Did you mean `Europe/Berlin`? Use an IANA name \
         such as `Europe/Berlin`, `America/New_York` or `UTC`."
    );
    assert_eq!(
        error("every monday 10:00", "new york"),
        "I don't know the time zone `new york`. Did you mean `America/New_York`? Use an IANA \
         name such as `Europe/Berlin`, `America/New_York` or `UTC`."
    );
    assert!(matches!(
        Recurrence::parse("every monday 10:00", "", anchor()),
        Err(RecurrenceError::UnknownTimeZone {
            suggestion: None,
            ..
        })
    ));
}

#[test]
fn cron_that_never_fires_is_refused() {
    let never = |pattern: &str| {
        format!(
            "`{pattern}` never fires: it matches no time in the next 5 years. Check the day \
             and month fields, for example `0 10 * * 1` for Mondays at 10:00."
        )
    };
    assert_eq!(error("0 0 30 2 *", "UTC"), never("0 0 30 2 *"));
    assert_eq!(error("0 0 31 4 *", "Europe/Berlin"), never("0 0 31 4 *"));
    // 29 February falls on a Monday in 2044 only, more than five years ahead.
    assert_eq!(error("0 0 29 2 +1", "UTC"), never("0 0 29 2 +1"));
}

#[test]
fn malformed_cron_is_explained() {
    let message = error("0 10 * *", "UTC");
    assert_eq!(
        message,
        "`0 10 * *` is not a cron expression I can use (it has 4 fields). Cron takes 5 \
         fields, `minute hour day-of-month month day-of-week` (or 6 with seconds first), for \
         example `0 10 * * 1` for Mondays at 10:00."
    );
    assert_eq!(
        error("0 25 * * *", "UTC"),
        "`0 25 * * *` is not a cron expression I can use (number out of bounds). Cron takes 5 \
         fields, `minute hour day-of-month month day-of-week` (or 6 with seconds first), for \
         example `0 10 * * 1` for Mondays at 10:00."
    );
    let message = error("0 0 0 10 * * 2030", "UTC");
    assert!(message.contains("(it has 7 fields)"), "{message}");
}

#[test]
fn storage_round_trip_rebuilds_the_same_rule() {
    let created = at("2026-01-07T12:34:56.789Z");
    let rule =
        Recurrence::parse("every other friday 16:30", "Europe/Berlin", created).expect("parse");
    let stored = rule.to_storage();
    assert_eq!(
        stored,
        r#"{"v":1,"when":"every other friday 16:30","tz":"Europe/Berlin","anchor":"2026-01-07T12:34:56.789Z"}"#
    );
    let back = Recurrence::from_storage(&stored).expect("from storage");
    assert_eq!(back, rule);
    let after = at("2026-01-01T00:00:00Z");
    assert_eq!(back.upcoming(after, 10), rule.upcoming(after, 10));

    let via_serde: Recurrence =
        serde_json::from_str(&serde_json::to_string(&rule).expect("serialize")).expect("de");
    assert_eq!(via_serde.upcoming(after, 10), rule.upcoming(after, 10));
}

#[test]
fn broken_storage_is_an_error() {
    let message = Recurrence::from_storage("nonsense")
        .expect_err("bad")
        .to_string();
    assert!(
        message.starts_with("The stored schedule could not be read: not a stored schedule"),
        "{message}"
    );
    let message = Recurrence::from_storage(
        r#"{"v":1,"when":"every monday 10:00","tz":"UTC","anchor":"yesterday"}"#,
    )
    .expect_err("bad anchor")
    .to_string();
    assert!(message.contains("bad anchor `yesterday`"), "{message}");
    let message = Recurrence::from_storage(
        r#"{"v":9,"when":"every monday 10:00","tz":"UTC","anchor":"2026-01-01T00:00:00Z"}"#,
    )
    .expect_err("bad version")
    .to_string();
    assert_eq!(
        message,
        "The stored schedule could not be read: unknown format version 9."
    );
}

#[test]
fn min_interval_is_the_shortest_gap() {
    let from = at("2026-01-01T00:00:00Z");
    let day = Duration::days(1);
    assert_eq!(
        rule("every monday 10:00", "UTC").min_interval(from),
        Some(Duration::days(7))
    );
    assert_eq!(
        rule("every weekday 09:30", "UTC").min_interval(from),
        Some(day)
    );
    // The spring-forward day is 23 hours long; the weekly gap across it is 7 days less an hour.
    assert_eq!(
        rule("every day 10:00", "Europe/Berlin").min_interval(from),
        Some(day - Duration::hours(1))
    );
    assert_eq!(
        rule("every monday 10:00", "Europe/Berlin").min_interval(from),
        Some(Duration::days(7) - Duration::hours(1))
    );
    assert_eq!(
        rule("first monday of the month 09:00", "UTC").min_interval(from),
        Some(Duration::days(28))
    );
    assert_eq!(
        rule("0 0 1 1 *", "UTC").min_interval(from),
        Some(Duration::days(365))
    );
}
