//! Property tests: random friendly rules in random zones at random instants (2020-2035) are
//! checked against an independent, day-by-day reading of what the rule means.

use chrono::{DateTime, Datelike, Duration, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime};
use chrono::{Offset, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use super::Recurrence;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Asia/Tehran",
];

const NAMES: [(&str, &str); 7] = [
    ("monday", "mon"),
    ("tuesday", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
];

/// 2020-01-01T00:00:00Z and 2035-12-31T23:59:59Z.
const FROM: i64 = 1_577_836_800;
const UNTIL: i64 = 2_082_758_399;

#[derive(Debug, Clone)]
enum Kind {
    /// On these weekdays (Monday = 0) in every `weeks`-th week.
    Weekly {
        days: Vec<u32>,
        weeks: u32,
    },
    Days {
        every: u32,
    },
    /// `nth` 0..=3 is first..fourth, 4 is last.
    Monthly {
        nth: u32,
        weekday: u32,
    },
}

#[derive(Debug, Clone)]
struct Spec {
    kind: Kind,
    time: NaiveTime,
    text: String,
}

fn weekday(index: u32) -> Weekday {
    Weekday::try_from(index as u8).expect("weekday index")
}

fn time_text(time: NaiveTime, twelve_hour: bool) -> String {
    if !twelve_hour {
        return time.format("%H:%M").to_string();
    }
    let (pm, hour) = time.hour12();
    let suffix = if pm { "pm" } else { "am" };
    match time.minute() {
        0 => format!("{hour}{suffix}"),
        m => format!("{hour}:{m:02}{suffix}"),
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    let hour = prop_oneof![0u32..24, 0u32..4];
    let minute = prop_oneof![Just(0u32), Just(30u32), 0u32..60];
    let kind = prop_oneof![
        (0u32..7).prop_map(|d| Kind::Weekly {
            days: vec![d],
            weeks: 1
        }),
        Just(Kind::Weekly {
            days: (0..7).collect(),
            weeks: 1
        }),
        Just(Kind::Weekly {
            days: (0..5).collect(),
            weeks: 1
        }),
        Just(Kind::Weekly {
            days: vec![5, 6],
            weeks: 1
        }),
        (0u32..7, 0u32..7).prop_filter_map("two days", |(a, b)| {
            (a < b).then(|| Kind::Weekly {
                days: vec![a, b],
                weeks: 1,
            })
        }),
        (0u32..7, 2u32..6).prop_map(|(d, weeks)| Kind::Weekly {
            days: vec![d],
            weeks
        }),
        (0u32..7, 0u32..7, 2u32..5).prop_filter_map("two days", |(a, b, weeks)| {
            (a < b).then(|| Kind::Weekly {
                days: vec![a, b],
                weeks,
            })
        }),
        (2u32..10).prop_map(|every| Kind::Days { every }),
        (0u32..5, 0u32..7).prop_map(|(nth, weekday)| Kind::Monthly { nth, weekday }),
    ];
    (kind, hour, minute, any::<bool>(), any::<bool>()).prop_map(
        |(kind, hour, minute, short, twelve)| {
            let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("time");
            let name = |d: &u32| {
                let (long, abbreviated) = NAMES[*d as usize];
                if short {
                    abbreviated
                } else {
                    long
                }
            };
            let at = time_text(time, twelve);
            let text = match &kind {
                Kind::Weekly { days, weeks: 1 } => match days.len() {
                    7 => format!("every day {at}"),
                    5 => format!("every weekday at {at}"),
                    2 if days == &[5, 6] => format!("every weekend {at}"),
                    1 => format!("every {} at {at}", name(&days[0])),
                    _ => format!("every {} and {} {at}", name(&days[0]), name(&days[1])),
                },
                Kind::Weekly { days, weeks } if days.len() == 2 => {
                    format!(
                        "every {weeks} weeks on {} and {} {at}",
                        name(&days[0]),
                        name(&days[1])
                    )
                }
                Kind::Weekly { days, weeks: 2 } if short => {
                    format!("every other {} {at}", name(&days[0]))
                }
                Kind::Weekly { days, weeks } => {
                    format!("every {weeks} weeks on {} {at}", name(&days[0]))
                }
                Kind::Days { every } => format!("every {every} days {at}"),
                Kind::Monthly { nth, weekday } => {
                    let word = ["first", "second", "third", "fourth", "last"][*nth as usize];
                    format!("{word} {} of the month {at}", name(weekday))
                }
            };
            Spec { kind, time, text }
        },
    )
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (FROM..UNTIL, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).expect("instant in range"))
}

fn zone() -> impl Strategy<Value = &'static str> {
    prop::sample::select(ZONES)
}

/// The first instant after `from` at which `tz` changes its UTC offset, within about a year.
fn next_transition(tz: Tz, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let offset = |t: DateTime<Utc>| t.with_timezone(&tz).offset().fix();
    let start = offset(from);
    let mut before = from;
    let mut after = (1..=400)
        .map(|days| from + Duration::days(days))
        .find(|t| offset(*t) != start)?;
    while after - before > Duration::seconds(1) {
        let middle = before + Duration::seconds((after - before).num_seconds() / 2);
        if offset(middle) == start {
            before = middle;
        } else {
            after = middle;
        }
    }
    Some(after)
}

/// A zone and an instant in it: half the time uniform in 2020-2035, half the time within two
/// days before one of the zone's clock changes, where DST bugs live.
fn zoned_instant() -> impl Strategy<Value = (&'static str, DateTime<Utc>)> {
    (zone(), instant(), any::<bool>(), 0i64..2 * 86_400_000).prop_map(
        |(zone, base, near, before_ms)| {
            let tz: Tz = zone.parse().expect("zone");
            let t = match next_transition(tz, base) {
                Some(change) if near => change - Duration::milliseconds(before_ms),
                _ => base,
            };
            (zone, t)
        },
    )
}

/// Whether `date` is one of the rule's days, ignoring which week or day it counts from.
fn on_day(kind: &Kind, date: NaiveDate) -> bool {
    let day = date.weekday().num_days_from_monday();
    match kind {
        Kind::Weekly { days, .. } => days.contains(&day),
        Kind::Days { .. } => true,
        Kind::Monthly { nth: 4, weekday } => {
            let next_month = date.checked_add_days(chrono::Days::new(7)).expect("date");
            day == *weekday && next_month.month() != date.month()
        }
        Kind::Monthly { nth, weekday } => {
            let same_weekdays_before = (1..date.day())
                .filter(|d| date.with_day(*d).expect("day").weekday() == date.weekday())
                .count() as u32;
            day == *weekday && same_weekdays_before == *nth
        }
    }
}

/// The instant a local time happens: the earlier one when repeated, and the first whole minute
/// that exists when skipped (found by stepping minute by minute).
fn expected_instant(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut probe = local;
    loop {
        match tz.from_local_datetime(&probe) {
            MappedLocalTime::Single(t) => return t.with_timezone(&Utc),
            MappedLocalTime::Ambiguous(a, b) => return a.min(b).with_timezone(&Utc),
            MappedLocalTime::None => probe += Duration::minutes(1),
        }
    }
}

/// The local date of the first occurrence at or after `anchor`, ignoring phase.
fn first_date(spec: &Spec, tz: Tz, anchor: DateTime<Utc>) -> NaiveDate {
    let mut date = anchor.with_timezone(&tz).date_naive() - Duration::days(2);
    loop {
        if on_day(&spec.kind, date) && expected_instant(tz, date.and_time(spec.time)) >= anchor {
            return date;
        }
        date += Duration::days(1);
    }
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn in_phase(spec: &Spec, first: NaiveDate, date: NaiveDate) -> bool {
    match spec.kind {
        Kind::Weekly { weeks: 1, .. } | Kind::Monthly { .. } => true,
        Kind::Weekly { weeks, .. } => {
            date >= first
                && ((monday_of(date) - monday_of(first)).num_days() / 7) % i64::from(weeks) == 0
        }
        Kind::Days { every } => date >= first && (date - first).num_days() % i64::from(every) == 0,
    }
}

fn config(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(512, 0x5eed_0001))]

    #[test]
    fn next_after_matches_an_independent_reading(
        spec in spec(),
        (zone, t) in zoned_instant(),
        random_anchor in instant(),
        anchor_before in prop::option::of(-10i64 * 86_400..40 * 86_400),
        fraction in 0.0f64..1.0,
    ) {
        let tz: Tz = zone.parse().expect("zone");
        // The schedule was created at a random time, or shortly before (or after) t.
        let anchor = anchor_before.map_or(random_anchor, |s| t - Duration::seconds(s));
        let rule = Recurrence::parse(&spec.text, zone, anchor)
            .unwrap_or_else(|e| panic!("{}: {e}", spec.text));
        let first = first_date(&spec, tz, anchor);
        // Walk four occurrences so a clock change a few days after t is reached.
        let mut from = t;
        for _ in 0..4 {
            let next = rule.next_after(from).expect("a friendly rule always fires again");
            prop_assert!(next > from);

            // It lands on one of the rule's days, at the stated local time (or just after the
            // gap).
            let date = next.with_timezone(&tz).date_naive();
            prop_assert!(on_day(&spec.kind, date), "{} landed on {date}", spec.text);
            prop_assert!(in_phase(&spec, first, date), "{} out of phase on {date}", spec.text);
            prop_assert_eq!(next, expected_instant(tz, date.and_time(spec.time)));

            // No occurrence of the independent reading lies strictly between from and next.
            let mut day = from.with_timezone(&tz).date_naive() - Duration::days(2);
            while day <= date {
                if on_day(&spec.kind, day) && in_phase(&spec, first, day) {
                    let at = expected_instant(tz, day.and_time(spec.time));
                    prop_assert!(!(from < at && at < next), "{} skipped {at}", spec.text);
                }
                day += Duration::days(1);
            }

            // Asking again from any point before next gives next.
            let gap = (next - from).num_nanoseconds().expect("gap fits");
            let probe = from + Duration::nanoseconds((gap as f64 * fraction) as i64);
            if probe < next {
                prop_assert_eq!(rule.next_after(probe), Some(next));
            }
            prop_assert_eq!(rule.next_after(next - Duration::nanoseconds(1)), Some(next));
            from = next;
        }

        // Storage round trip rebuilds a rule with the same occurrences.
        let back = Recurrence::from_storage(&rule.to_storage()).expect("round trip");
        prop_assert_eq!(back.upcoming(t, 4), rule.upcoming(t, 4));
    }

    #[test]
    fn next_after_is_monotone(
        spec in spec(),
        (zone, t) in zoned_instant(),
        later_by in 0i64..(40 * 86_400 * 1_000),
    ) {
        let rule = Recurrence::parse(&spec.text, zone, t).expect("parse");
        let t2 = t + Duration::milliseconds(later_by);
        prop_assert!(rule.next_after(t) <= rule.next_after(t2));
    }

    #[test]
    fn counted_cadences_keep_their_spacing(
        day in 0u32..7,
        weeks in 1u32..8,
        every in 2u32..15,
        hour in prop_oneof![0u32..24, 0u32..4],
        minute in prop_oneof![Just(0u32), Just(30u32)],
        (zone, anchor) in zoned_instant(),
    ) {
        let tz: Tz = zone.parse().expect("zone");
        let at = format!("{hour:02}:{minute:02}");
        let name = NAMES[day as usize].0;
        let weekly = Recurrence::parse(&format!("every {weeks} weeks on {name} {at}"), zone, anchor)
            .expect("weekly");
        let dates: Vec<NaiveDate> = weekly
            .upcoming(anchor, 5)
            .into_iter()
            .map(|t| t.with_timezone(&tz).date_naive())
            .collect();
        for pair in dates.windows(2) {
            prop_assert_eq!((pair[1] - pair[0]).num_days(), i64::from(weeks) * 7);
            prop_assert_eq!(pair[0].weekday(), weekday(day));
        }
        let daily = Recurrence::parse(&format!("every {every} days {at}"), zone, anchor)
            .expect("daily");
        let dates: Vec<NaiveDate> = daily
            .upcoming(anchor, 5)
            .into_iter()
            .map(|t| t.with_timezone(&tz).date_naive())
            .collect();
        for pair in dates.windows(2) {
            prop_assert_eq!((pair[1] - pair[0]).num_days(), i64::from(every));
        }
    }
}

proptest! {
    #![proptest_config(config(256, 0x5eed_0002))]

    /// croner's fixed-time cron jobs agree with the friendly rules' DST handling.
    #[test]
    fn fixed_time_cron_agrees_with_friendly_rules(
        hour in prop_oneof![0u32..24, 0u32..4],
        minute in prop_oneof![Just(0u32), Just(30u32), 0u32..60],
        day in prop::option::of(0u32..7),
        (zone, t) in zoned_instant(),
    ) {
        let (cron, friendly) = match day {
            None => (format!("{minute} {hour} * * *"), format!("every day {hour:02}:{minute:02}")),
            Some(d) => (
                format!("{minute} {hour} * * {}", (d + 1) % 7),
                format!("every {} {hour:02}:{minute:02}", NAMES[d as usize].0),
            ),
        };
        let cron_rule = Recurrence::parse(&cron, zone, t).expect("cron");
        let friendly_rule = Recurrence::parse(&friendly, zone, t).expect("friendly");
        prop_assert_eq!(cron_rule.upcoming(t, 3), friendly_rule.upcoming(t, 3), "{}", cron);
    }
}
