//! Why a schedule text, time zone or stored schedule was refused; every message is shown to
//! Discord users as is.

/// Examples appended to most parse errors so the user sees what would work.
pub(crate) const EXAMPLES: &str = "Try `every monday 10:00`, `every weekday 09:30`, \
`first monday of the month 09:00` or a cron expression like `0 10 * * 1`.";

/// Why a recurrence rule could not be built. The `Display` text is written for the person who
/// typed the schedule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    #[error("The schedule is empty. {examples}", examples = EXAMPLES)]
    Empty,
    #[error("`{input}`: I couldn't read that as a schedule. {examples}", examples = EXAMPLES)]
    Unrecognised { input: String },
    #[error("`{input}`: I didn't understand `{word}` there. {examples}", examples = EXAMPLES)]
    Unexpected { input: String, word: String },
    #[error("`{input}`: I don't know the day `{day}`. {examples}", examples = EXAMPLES)]
    UnknownDay { input: String, day: String },
    #[error(
        "`{input}`: `{time}` is not a time of day. Use 24-hour `HH:MM` such as `09:30` or \
         `16:00` (or `9:30am`, `4pm`)."
    )]
    InvalidTime { input: String, time: String },
    #[error("`{input}`: please add a time of day, for example `{example}`.")]
    MissingTime { input: String, example: String },
    #[error(
        "`{input}`: the interval must be at least 1, for example `every 2 weeks on friday 16:30`."
    )]
    ZeroInterval { input: String },
    #[error(
        "`{input}`: every {count} {unit} is too far apart; the longest interval is {max} {unit}."
    )]
    IntervalTooLong {
        input: String,
        count: u32,
        unit: &'static str,
        max: u32,
    },
    #[error(
        "`{input}`: I can only count `{word}` in whole days or weeks, for example \
         `every 2 weeks on friday 16:30` or `every 3 days 09:00`."
    )]
    UnknownUnit { input: String, word: String },
    #[error(
        "`{input}`: `{word}` is not something I can schedule: use first, second, third, fourth or \
         last, as in `last friday of the month 16:00` (not every month has a fifth weekday)."
    )]
    UnsupportedOrdinal { input: String, word: String },
    #[error(
        "I don't know the time zone `{zone}`.{hint} Use an IANA name such as `Europe/Berlin`, \
         `America/New_York` or `UTC`.",
        hint = suggestion_hint(suggestion)
    )]
    UnknownTimeZone {
        zone: String,
        suggestion: Option<String>,
    },
    #[error(
        "`{input}` is not a cron expression I can use ({reason}). Cron takes 5 fields, \
         `minute hour day-of-month month day-of-week` (or 6 with seconds first), \
         for example `0 10 * * 1` for Mondays at 10:00."
    )]
    InvalidCron { input: String, reason: String },
    #[error(
        "`{input}` never fires: it matches no time in the next {years} years. \
         Check the day and month fields, for example `0 10 * * 1` for Mondays at 10:00."
    )]
    NeverFires { input: String, years: u32 },
    #[error("The stored schedule could not be read: {0}.")]
    Storage(String),
}

fn suggestion_hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(name) => format!(" Did you mean `{name}`?"),
        None => String::new(),
    }
}
