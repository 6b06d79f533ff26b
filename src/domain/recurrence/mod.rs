//! Recurrence rules for scheduled check-ins: friendly phrases (`every other friday 16:30`,
//! `first monday of the month 09:00`) and cron expressions, evaluated on the wall clock of an
//! IANA time zone and answered as UTC instants, with DST gaps and overlaps handled.

mod calendar;
mod cron;
mod error;
mod phrase;
mod shape;

#[cfg(test)]
mod dst_tests;
#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{DateTime, Duration, SecondsFormat, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use calendar::Calendar;
pub use error::RecurrenceError;
use phrase::{Cadence, DaySet};
pub use shape::{CadenceShape, Nth, RuleShape};

/// How far ahead a cron expression must fire at least once to be accepted.
const NEVER_FIRES_YEARS: u32 = 5;
/// The window [`Recurrence::min_interval`] looks at.
const MIN_INTERVAL_WINDOW_DAYS: i64 = 365;
/// The most occurrences [`Recurrence::min_interval`] walks through (a seconds-level cron fires
/// millions of times a year; its shortest gap shows long before that).
const MIN_INTERVAL_MAX_STEPS: usize = 20_000;

/// A parsed schedule rule in a time zone. Build it with [`Recurrence::parse`]; persist it with
/// [`Recurrence::to_storage`] (or serde) and rebuild it with [`Recurrence::from_storage`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "Stored", into = "Stored")]
pub struct Recurrence {
    source: String,
    tz: Tz,
    anchor: DateTime<Utc>,
    rule: Rule,
}

#[derive(Debug, Clone)]
enum Rule {
    Friendly(Calendar),
    Cron {
        pattern: String,
        cron: Box<::croner::Cron>,
    },
}

impl Recurrence {
    /// Parses `when` in the time zone `tz` (an IANA name such as `Europe/Berlin`; case does not
    /// matter). `anchor` is the moment the schedule is created: rules that repeat every N weeks
    /// or days start with their first occurrence at or after it, and a cron expression must fire
    /// within five years of it.
    ///
    /// Accepted: `every monday 10:00`, `every mon at 10am`, `every day 09:00`,
    /// `every weekday 09:30`, `every weekend 11:00`, `every monday and thursday 4:30pm`,
    /// `every 2 weeks on friday 16:30`, `every other friday 16:30`, `every 3 days 09:00`,
    /// `first monday of the month 09:00` (first, second, third, fourth, last), and cron
    /// expressions with 5 fields (`0 10 * * 1`) or 6 with seconds (`*/30 * * * * *`).
    pub fn parse(
        when: &str,
        tz: &str,
        anchor: DateTime<Utc>,
    ) -> Result<Recurrence, RecurrenceError> {
        let zone = lookup_zone(tz)?;
        let text = when.trim();
        let first_word = text
            .split_whitespace()
            .next()
            .ok_or(RecurrenceError::Empty)?;
        let rule = if cron::looks_like_cron(text) {
            let (pattern, cron) = cron::parse_cron(text)?;
            let horizon = anchor + Duration::days(366 * i64::from(NEVER_FIRES_YEARS));
            match cron::next_after(&cron, zone, anchor) {
                Some(next) if next <= horizon => {}
                _ => {
                    return Err(RecurrenceError::NeverFires {
                        input: pattern,
                        years: NEVER_FIRES_YEARS,
                    })
                }
            }
            Rule::Cron {
                pattern,
                cron: Box::new(cron),
            }
        } else if phrase::looks_friendly(first_word) {
            Rule::Friendly(Calendar::new(phrase::parse_phrase(text)?, zone, anchor))
        } else {
            return Err(RecurrenceError::Unrecognised { input: text.into() });
        };
        Ok(Recurrence {
            source: text.to_string(),
            tz: zone,
            anchor,
            rule,
        })
    }

    /// The first occurrence strictly after `after`, as UTC; `None` if the rule never fires again.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match &self.rule {
            Rule::Friendly(calendar) => calendar.next_after(after),
            Rule::Cron { cron, .. } => cron::next_after(cron, self.tz, after),
        }
    }

    /// The next `n` occurrences strictly after `after` (fewer if the rule stops firing).
    pub fn upcoming(&self, after: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
        let mut found = Vec::with_capacity(n.min(1024));
        let mut from = after;
        while found.len() < n {
            let Some(next) = self.next_after(from) else {
                break;
            };
            found.push(next);
            from = next;
        }
        found
    }

    /// The rule in words, e.g. "every Monday at 10:00 (Europe/Berlin)" or
    /// "cron `0 10 * * 1` (UTC)".
    pub fn describe(&self) -> String {
        let zone = self.timezone();
        match &self.rule {
            Rule::Cron { pattern, .. } => format!("cron `{pattern}` ({zone})"),
            Rule::Friendly(calendar) => {
                let time = calendar.phrase.time.format("%H:%M");
                format!(
                    "{} at {time} ({zone})",
                    cadence_words(calendar.phrase.cadence)
                )
            }
        }
    }

    /// The shortest gap between two consecutive occurrences from `from` through the first
    /// occurrence more than a year later (at most 20,000 occurrences are walked). `None` when
    /// fewer than two occurrences remain.
    pub fn min_interval(&self, from: DateTime<Utc>) -> Option<Duration> {
        let horizon = from + Duration::days(MIN_INTERVAL_WINDOW_DAYS);
        let mut previous = self.next_after(from)?;
        let mut shortest: Option<Duration> = None;
        for _ in 0..MIN_INTERVAL_MAX_STEPS {
            let Some(next) = self.next_after(previous) else {
                break;
            };
            let gap = next - previous;
            shortest = Some(shortest.map_or(gap, |s| s.min(gap)));
            if next > horizon || gap <= Duration::seconds(1) {
                break;
            }
            previous = next;
        }
        shortest
    }

    /// The canonical IANA name of the rule's time zone, e.g. `Europe/Berlin`.
    pub fn timezone(&self) -> &str {
        self.tz.name()
    }

    /// The rule as the user typed it (trimmed).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The creation instant the rule counts from.
    pub fn anchor(&self) -> DateTime<Utc> {
        self.anchor
    }

    /// A compact JSON text holding the source, zone and anchor; [`Recurrence::from_storage`]
    /// rebuilds the identical rule from it.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(&Stored::from(self.clone())).unwrap_or_default()
    }

    /// Rebuilds a rule saved with [`Recurrence::to_storage`].
    pub fn from_storage(stored: &str) -> Result<Recurrence, RecurrenceError> {
        let stored: Stored = serde_json::from_str(stored)
            .map_err(|e| RecurrenceError::Storage(format!("not a stored schedule ({e})")))?;
        Recurrence::try_from(stored)
    }
}

impl PartialEq for Recurrence {
    fn eq(&self, other: &Recurrence) -> bool {
        self.source == other.source && self.tz == other.tz && self.anchor == other.anchor
    }
}

impl Eq for Recurrence {}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// The persisted form of a [`Recurrence`].
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    v: u32,
    when: String,
    tz: String,
    anchor: String,
}

impl From<Recurrence> for Stored {
    fn from(rule: Recurrence) -> Stored {
        Stored {
            v: 1,
            tz: rule.timezone().to_string(),
            anchor: rule.anchor.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            when: rule.source,
        }
    }
}

impl TryFrom<Stored> for Recurrence {
    type Error = RecurrenceError;

    fn try_from(stored: Stored) -> Result<Recurrence, RecurrenceError> {
        if stored.v != 1 {
            return Err(RecurrenceError::Storage(format!(
                "unknown format version {}",
                stored.v
            )));
        }
        let anchor = DateTime::parse_from_rfc3339(&stored.anchor)
            .map_err(|e| RecurrenceError::Storage(format!("bad anchor `{}` ({e})", stored.anchor)))?
            .with_timezone(&Utc);
        Recurrence::parse(&stored.when, &stored.tz, anchor)
    }
}

/// Finds a zone by IANA name, ignoring case and accepting spaces for underscores.
fn lookup_zone(name: &str) -> Result<Tz, RecurrenceError> {
    let wanted = name.trim().replace(' ', "_");
    if let Ok(zone) = wanted.parse::<Tz>() {
        return Ok(zone);
    }
    let zones = chrono_tz::TZ_VARIANTS.iter();
    if let Some(zone) = zones
        .clone()
        .find(|z| z.name().eq_ignore_ascii_case(&wanted))
    {
        return Ok(*zone);
    }
    let suffix = format!("/{}", wanted.to_ascii_lowercase());
    let suggestion = (!wanted.is_empty())
        .then(|| {
            zones
                .map(|z| z.name())
                .filter(|n| n.to_ascii_lowercase().ends_with(&suffix))
                .min_by_key(|n| (n.matches('/').count(), n.len()))
        })
        .flatten()
        .map(str::to_string);
    Err(RecurrenceError::UnknownTimeZone {
        zone: name.trim().to_string(),
        suggestion,
    })
}

/// "every Monday", "every 2 weeks on Friday", "on the first Monday of every month", …
fn cadence_words(cadence: Cadence) -> String {
    match cadence {
        Cadence::Weekly { days, weeks: 1 } => match days {
            DaySet::ALL => "every day".to_string(),
            DaySet::WEEKDAYS => "every weekday".to_string(),
            _ => format!("every {}", day_list(days)),
        },
        Cadence::Weekly { days, weeks } => match days {
            DaySet::WEEKDAYS => format!("every {weeks} weeks on weekdays"),
            _ => format!("every {weeks} weeks on {}", day_list(days)),
        },
        Cadence::Days { every } => format!("every {every} days"),
        Cadence::Monthly { nth, weekday } => {
            format!("on the {} {} of every month", nth.word(), day_name(weekday))
        }
    }
}

/// "Monday", "Monday and Thursday", "Monday, Wednesday and Friday".
fn day_list(days: DaySet) -> String {
    let names: Vec<&str> = days.days().map(day_name).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
