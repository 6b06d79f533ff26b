//! A rule as plain data (its cadence, days, time of day and zone), so that the Discord layer
//! can word it in a member's language; [`Recurrence::describe`] stays its English form for
//! logs and operators.

use chrono::{NaiveTime, Weekday};

pub use super::phrase::Nth;
use super::phrase::{Cadence, DaySet};
use super::{Recurrence, Rule};

/// What a rule says, without words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleShape<'a> {
    /// A cron expression, as typed.
    Cron { pattern: &'a str },
    /// A friendly phrase: on which days, at which local time.
    Friendly {
        cadence: CadenceShape,
        time: NaiveTime,
    },
}

/// On which local dates a friendly rule fires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CadenceShape {
    /// Every day of the week, every week.
    EveryDay,
    /// Monday to Friday, in every `weeks`-th week.
    Weekdays { weeks: u32 },
    /// On `days` (Monday first), in every `weeks`-th week.
    Weekly { days: Vec<Weekday>, weeks: u32 },
    /// Every `every` days.
    Days { every: u32 },
    /// On the `nth` `weekday` of every month.
    Monthly { nth: Nth, weekday: Weekday },
}

impl Recurrence {
    /// The rule as data, for wording it in a language.
    pub fn shape(&self) -> RuleShape<'_> {
        match &self.rule {
            Rule::Cron { pattern, .. } => RuleShape::Cron { pattern },
            Rule::Friendly(calendar) => RuleShape::Friendly {
                cadence: cadence_shape(calendar.phrase.cadence),
                time: calendar.phrase.time,
            },
        }
    }
}

fn cadence_shape(cadence: Cadence) -> CadenceShape {
    match cadence {
        Cadence::Weekly {
            days: DaySet::ALL,
            weeks: 1,
        } => CadenceShape::EveryDay,
        Cadence::Weekly {
            days: DaySet::WEEKDAYS,
            weeks,
        } => CadenceShape::Weekdays { weeks },
        Cadence::Weekly { days, weeks } => CadenceShape::Weekly {
            days: days.days().collect(),
            weeks,
        },
        Cadence::Days { every } => CadenceShape::Days { every },
        Cadence::Monthly { nth, weekday } => CadenceShape::Monthly { nth, weekday },
    }
}
