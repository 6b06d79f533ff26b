//! Parsing the `duration` option (`45s`, `90m`, `48h`, `2d`, `1w`) into a bounded length of time.

use std::time::Duration;

/// The shortest and longest durations a retro may be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DurationBounds {
    pub min: Duration,
    pub max: Duration,
}

impl Default for DurationBounds {
    fn default() -> Self {
        DurationBounds {
            min: Duration::from_secs(30),
            max: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

/// Why a duration was refused; the message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("`{0}` is not a duration I understand. Use a number and a unit: `45s`, `90m`, `48h`, `2d` or `1w`.")]
    Malformed(String),
    #[error("`{given}` is too short: the shortest duration is {shown}.", shown = describe(*min))]
    TooShort { given: String, min: Duration },
    #[error("`{given}` is too long: the longest duration is {shown}.", shown = describe(*max))]
    TooLong { given: String, max: Duration },
}

/// Parses a duration such as `45s`, `90m`, `48h`, `2d` or `1w` (combinations like `1h 30m` are
/// accepted too) and checks it against `bounds`.
pub fn parse_duration(input: &str, bounds: DurationBounds) -> Result<Duration, DurationError> {
    let trimmed = input.trim();
    let starts_with_digit = trimmed.chars().next().is_some_and(|c| c.is_ascii_digit());
    let parsed = if starts_with_digit {
        humantime::parse_duration(trimmed).ok()
    } else {
        None
    };
    let duration = parsed.ok_or_else(|| DurationError::Malformed(trimmed.to_string()))?;
    if duration < bounds.min {
        return Err(DurationError::TooShort {
            given: trimmed.into(),
            min: bounds.min,
        });
    }
    if duration > bounds.max {
        return Err(DurationError::TooLong {
            given: trimmed.into(),
            max: bounds.max,
        });
    }
    Ok(duration)
}

/// A short human form of a duration, e.g. `2d 4h`.
pub fn describe(duration: Duration) -> String {
    humantime::format_duration(Duration::from_secs(duration.as_secs())).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Duration, DurationError> {
        parse_duration(s, DurationBounds::default())
    }

    #[test]
    fn accepts_the_documented_units() {
        assert_eq!(parse("45s").unwrap(), Duration::from_secs(45));
        assert_eq!(parse("90m").unwrap(), Duration::from_secs(90 * 60));
        assert_eq!(parse("48h").unwrap(), Duration::from_secs(48 * 3600));
        assert_eq!(parse("2d").unwrap(), Duration::from_secs(2 * 86_400));
        assert_eq!(parse("1w").unwrap(), Duration::from_secs(7 * 86_400));
        assert_eq!(parse(" 1h 30m ").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse("1.5h").unwrap(), Duration::from_secs(5400));
    }

    #[test]
    fn rejects_malformed_and_out_of_range() {
        for bad in ["", "soon", "10", "h", "-5m", "5 parsecs", "m5"] {
            assert!(
                matches!(parse(bad), Err(DurationError::Malformed(_))),
                "{bad}"
            );
        }
        assert!(matches!(parse("5s"), Err(DurationError::TooShort { .. })));
        let long = parse("9w").unwrap_err();
        assert_eq!(
            long.to_string(),
            "`9w` is too long: the longest duration is 30days."
        );
    }
}
