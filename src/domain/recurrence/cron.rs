//! Standard cron expressions (5 fields, or 6 with seconds first) evaluated by croner in a time
//! zone. croner follows the usual DST rules: a fixed-time job (one second, minute and hour)
//! whose time is skipped runs at the first instant after the gap, and runs once, at the earlier
//! instant, when the clock goes back; interval jobs (`*/30 * * * * *`, `0 * * * *`) skip the
//! wall-clock times in a gap and run in both passes of a repeated hour.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use croner::parser::{CronParser, Seconds, Year};
use croner::Cron;

use super::error::RecurrenceError;

/// Whether `text` should be read as a cron expression rather than a phrase.
pub(crate) fn looks_like_cron(text: &str) -> bool {
    let starts_cron = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '*' | '?' | '@'));
    starts_cron && !text.contains(':')
}

/// Parses a cron expression; returns it with its whitespace collapsed.
pub(crate) fn parse_cron(text: &str) -> Result<(String, Cron), RecurrenceError> {
    let fields: Vec<&str> = text.split_whitespace().collect();
    let pattern = fields.join(" ");
    let invalid = |reason: String| RecurrenceError::InvalidCron {
        input: pattern.clone(),
        reason,
    };
    let nickname = fields.len() == 1 && pattern.starts_with('@');
    if !nickname && !(5..=6).contains(&fields.len()) {
        return Err(invalid(format!("it has {} fields", fields.len())));
    }
    let cron = CronParser::builder()
        .seconds(Seconds::Optional)
        .year(Year::Disallowed)
        .build()
        .parse(&pattern)
        .map_err(|e| invalid(reason(&e)))?;
    Ok((pattern, cron))
}

/// The first time `cron` fires strictly after `after`, reading its fields in `tz`.
pub(crate) fn next_after(cron: &Cron, tz: Tz, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let mut from = after.with_timezone(&tz);
    // croner searches whole seconds past `from`, so each answer is later; the loop only guards
    // that promise.
    for _ in 0..4 {
        let next = cron.find_next_occurrence(&from, false).ok()?;
        if next.with_timezone(&Utc) > after {
            return Some(next.with_timezone(&Utc));
        }
        from = next;
    }
    None
}

/// croner's error text without its type prefix, e.g. `number out of bounds`.
fn reason(error: &croner::errors::CronError) -> String {
    let text = error.to_string();
    let text = [
        "Component error: ",
        "Invalid pattern: ",
        "Pattern contains ",
    ]
    .iter()
    .find_map(|prefix| text.strip_prefix(prefix))
    .unwrap_or(&text)
    .trim_end_matches('.');
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
