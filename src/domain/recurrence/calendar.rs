//! Turning a friendly phrase into instants: which local dates match, and the UTC instant of a
//! local wall-clock time on a date (in a gap: the first instant after it; when the clock goes
//! back: the earlier of the two instants).

use chrono::{
    DateTime, Datelike, Duration, MappedLocalTime, NaiveDate, NaiveDateTime, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::phrase::{Cadence, Nth, Phrase, MAX_DAYS, MAX_WEEKS};

/// How many local dates a search looks at before giving up: more than the longest cycle.
const SCAN_DAYS: usize = 7 * MAX_WEEKS as usize + MAX_DAYS as usize;

/// A friendly rule in a zone, with the date of its first occurrence when its cadence counts
/// weeks or days from there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Calendar {
    pub(crate) phrase: Phrase,
    pub(crate) tz: Tz,
    /// The local date of the first occurrence at or after the anchor, for cadences longer than
    /// a week (`every 2 weeks …`, `every 3 days …`); `None` otherwise.
    first: Option<NaiveDate>,
}

impl Calendar {
    pub(crate) fn new(phrase: Phrase, tz: Tz, anchor: DateTime<Utc>) -> Calendar {
        let mut calendar = Calendar {
            phrase,
            tz,
            first: None,
        };
        let counts_from_start = match phrase.cadence {
            Cadence::Weekly { weeks, .. } => weeks > 1,
            Cadence::Days { .. } => true,
            Cadence::Monthly { .. } => false,
        };
        if counts_from_start {
            // "At or after the anchor" is "strictly after one nanosecond before it".
            let just_before = anchor - Duration::nanoseconds(1);
            calendar.first = calendar.scan(just_before, false).map(|(date, _)| date);
        }
        calendar
    }

    /// The first occurrence strictly after `after`.
    pub(crate) fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.scan(after, true).map(|(_, at)| at)
    }

    /// The first matching local date whose occurrence is strictly after `after`, and that
    /// occurrence. Occurrences grow with their dates, so the first date found wins.
    fn scan(&self, after: DateTime<Utc>, in_phase: bool) -> Option<(NaiveDate, DateTime<Utc>)> {
        let mut date = after.with_timezone(&self.tz).date_naive().pred_opt()?;
        if let (true, Some(first)) = (in_phase, self.first) {
            date = date.max(first);
        }
        for _ in 0..SCAN_DAYS {
            if self.on_day(date) && (!in_phase || self.in_phase(date)) {
                let at = resolve_local(self.tz, date.and_time(self.phrase.time));
                if at > after {
                    return Some((date, at));
                }
            }
            date = date.succ_opt()?;
        }
        None
    }

    /// Whether the cadence's days include `date`, ignoring which week or day it counts from.
    fn on_day(&self, date: NaiveDate) -> bool {
        match self.phrase.cadence {
            Cadence::Weekly { days, .. } => days.contains(date.weekday()),
            Cadence::Days { .. } => true,
            Cadence::Monthly { nth, weekday } => {
                date.weekday() == weekday && is_nth_of_month(nth, date)
            }
        }
    }

    /// Whether `date` falls in a counted week (or on a counted day) from the first occurrence.
    fn in_phase(&self, date: NaiveDate) -> bool {
        let Some(first) = self.first else {
            return true;
        };
        if date < first {
            return false;
        }
        match self.phrase.cadence {
            Cadence::Weekly { weeks, .. } => {
                let weeks_apart = (week_start(date) - week_start(first)).num_days() / 7;
                weeks_apart % i64::from(weeks) == 0
            }
            Cadence::Days { every } => (date - first).num_days() % i64::from(every) == 0,
            Cadence::Monthly { .. } => true,
        }
    }
}

/// The Monday of `date`'s week.
fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn is_nth_of_month(nth: Nth, date: NaiveDate) -> bool {
    let week_of_month = (date.day() - 1) / 7;
    match nth {
        Nth::First => week_of_month == 0,
        Nth::Second => week_of_month == 1,
        Nth::Third => week_of_month == 2,
        Nth::Fourth => week_of_month == 3,
        Nth::Last => (date + Duration::days(7)).month() != date.month(),
    }
}

/// The instant at which the local wall-clock time `local` happens in `tz`: the earlier instant
/// when the clock goes back over it, the first instant after the gap when it is skipped.
pub(crate) fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        MappedLocalTime::Single(at) => at.with_timezone(&Utc),
        MappedLocalTime::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        MappedLocalTime::None => first_instant_after_gap(tz, local),
    }
}

/// The first instant whose local time is at or past `local`, which lies in a gap: the moment
/// the clock jumps forward. UTC offsets stay within ±15 h, so the search window brackets it.
fn first_instant_after_gap(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let as_utc = local.and_utc().timestamp();
    let local_at =
        |secs: i64| DateTime::from_timestamp(secs, 0).map(|at| at.with_timezone(&tz).naive_local());
    // Whole seconds: clocks change on whole seconds.
    let mut before = as_utc - 15 * 3600;
    let mut reached = as_utc + 15 * 3600;
    while reached - before > 1 {
        let middle = before + (reached - before) / 2;
        if local_at(middle).is_none_or(|at| at >= local) {
            reached = middle;
        } else {
            before = middle;
        }
    }
    DateTime::from_timestamp(reached, 0).unwrap_or_else(|| local.and_utc())
}
