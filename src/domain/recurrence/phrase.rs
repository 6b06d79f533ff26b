//! Reading the friendly schedule phrases (`every monday 10:00`, `every other friday 4:30pm`,
//! `last friday of the month 16:00`) into a [`Phrase`]: which days, at what local time.

use chrono::{NaiveTime, Weekday};

use super::error::RecurrenceError;

/// The longest `every N weeks` interval accepted.
pub(crate) const MAX_WEEKS: u32 = 52;
/// The longest `every N days` interval accepted.
pub(crate) const MAX_DAYS: u32 = 365;

/// A set of weekdays, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DaySet(u8);

impl DaySet {
    pub(crate) const EMPTY: DaySet = DaySet(0);
    pub(crate) const ALL: DaySet = DaySet(0b111_1111);
    pub(crate) const WEEKDAYS: DaySet = DaySet(0b001_1111);
    pub(crate) const WEEKEND: DaySet = DaySet(0b110_0000);

    pub(crate) fn single(day: Weekday) -> DaySet {
        DaySet(1 << day.num_days_from_monday())
    }

    pub(crate) fn union(self, other: DaySet) -> DaySet {
        DaySet(self.0 | other.0)
    }

    pub(crate) fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub(crate) fn days(self) -> impl Iterator<Item = Weekday> {
        (0..7u8)
            .filter(move |i| self.0 & (1 << i) != 0)
            .map(|i| Weekday::try_from(i).unwrap_or(Weekday::Mon))
    }
}

/// Which weekday of the month: `first` … `fourth`, or `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl Nth {
    pub(crate) fn word(self) -> &'static str {
        match self {
            Nth::First => "first",
            Nth::Second => "second",
            Nth::Third => "third",
            Nth::Fourth => "fourth",
            Nth::Last => "last",
        }
    }
}

/// On which local dates a friendly rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cadence {
    /// On `days`, in every `weeks`-th week counted from the first occurrence.
    Weekly { days: DaySet, weeks: u32 },
    /// Every `every` days (at least 2) counted from the first occurrence.
    Days { every: u32 },
    /// On the `nth` `weekday` of every month.
    Monthly { nth: Nth, weekday: Weekday },
}

/// A parsed friendly phrase: the days and the local wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) cadence: Cadence,
    pub(crate) time: NaiveTime,
}

/// Whether text starting with `first_word` should be read as a friendly phrase.
pub(crate) fn looks_friendly(first_word: &str) -> bool {
    let word = first_word.to_ascii_lowercase();
    word == "every" || starts_monthly(&word) || is_day_word(&word)
}

/// A word that starts `[on] [the] <nth> <weekday> of the month`.
fn starts_monthly(word: &str) -> bool {
    matches!(word, "on" | "the" | "fifth" | "5th") || ordinal(word).is_some()
}

/// A word that starts a weekly day list on its own: `mondays 10:00`, `weekdays 09:30`.
fn is_day_word(word: &str) -> bool {
    weekday(word).is_some() || matches!(word, "weekday" | "weekdays" | "weekend" | "weekends")
}

/// Parses a friendly phrase; `input` is the trimmed text the user typed.
pub(crate) fn parse_phrase(input: &str) -> Result<Phrase, RecurrenceError> {
    Parser {
        input,
        tokens: tokenize(input),
        pos: 0,
    }
    .phrase()
}

/// Lower-cased words; commas are separators and a detached `am`/`pm` joins its number.
fn tokenize(input: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for word in input.to_lowercase().replace(',', " ").split_whitespace() {
        let word = match word {
            "a.m." | "a.m" => "am",
            "p.m." | "p.m" => "pm",
            other => other,
        };
        let joins_previous = (word == "am" || word == "pm")
            && tokens
                .last()
                .is_some_and(|prev| prev.starts_with(|c: char| c.is_ascii_digit()));
        match tokens.last_mut() {
            Some(prev) if joins_previous => prev.push_str(word),
            _ => tokens.push(word.to_string()),
        }
    }
    tokens
}

struct Parser<'a> {
    input: &'a str,
    tokens: Vec<String>,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.pos).map(String::as_str)
    }

    fn bump(&mut self) -> Option<String> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    fn eat(&mut self, words: &[&str]) -> bool {
        let found = self.peek().is_some_and(|t| words.contains(&t));
        if found {
            self.pos += 1;
        }
        found
    }

    fn unrecognised(&self) -> RecurrenceError {
        RecurrenceError::Unrecognised {
            input: self.input.to_string(),
        }
    }

    fn unexpected(&self, word: &str) -> RecurrenceError {
        RecurrenceError::Unexpected {
            input: self.input.to_string(),
            word: word.to_string(),
        }
    }

    fn phrase(mut self) -> Result<Phrase, RecurrenceError> {
        let cadence = match self.peek() {
            None => return Err(RecurrenceError::Empty),
            Some("every") => {
                self.pos += 1;
                self.after_every()?
            }
            Some(word) if is_day_word(word) => self.weeks(1)?,
            Some(_) => self.monthly()?,
        };
        let time = self.time_clause()?;
        Ok(Phrase { cadence, time })
    }

    fn after_every(&mut self) -> Result<Cadence, RecurrenceError> {
        match self.peek() {
            Some("other") => {
                self.pos += 1;
                if self.eat(&["day"]) {
                    return Ok(Cadence::Days { every: 2 });
                }
                self.eat(&["week"]);
                self.eat(&["on"]);
                self.weeks(2)
            }
            Some("fortnight") => {
                self.pos += 1;
                self.eat(&["on"]);
                self.weeks(2)
            }
            Some("week") => {
                self.pos += 1;
                self.eat(&["on"]);
                self.weeks(1)
            }
            Some("month") => {
                self.pos += 1;
                self.monthly()
            }
            Some(word) if word.bytes().all(|b| b.is_ascii_digit()) => self.counted(),
            Some(word) if starts_monthly(word) => self.monthly(),
            _ => self.weeks(1),
        }
    }

    /// `every N weeks on <days>` or `every N days`, with the number next.
    fn counted(&mut self) -> Result<Cadence, RecurrenceError> {
        let number = self.bump().unwrap_or_default();
        let count: u32 = number.parse().unwrap_or(u32::MAX);
        let unit = self.bump();
        let (unit_name, max) = match unit.as_deref() {
            Some("week" | "weeks") => ("weeks", MAX_WEEKS),
            Some("day" | "days") => ("days", MAX_DAYS),
            Some(other) => {
                return Err(RecurrenceError::UnknownUnit {
                    input: self.input.to_string(),
                    word: other.to_string(),
                })
            }
            None => return Err(self.unrecognised()),
        };
        if count == 0 {
            return Err(RecurrenceError::ZeroInterval {
                input: self.input.to_string(),
            });
        }
        if count > max {
            return Err(RecurrenceError::IntervalTooLong {
                input: self.input.to_string(),
                count,
                unit: unit_name,
                max,
            });
        }
        match unit_name {
            "days" if count == 1 => Ok(Cadence::Weekly {
                days: DaySet::ALL,
                weeks: 1,
            }),
            "days" => Ok(Cadence::Days { every: count }),
            _ => {
                self.eat(&["on"]);
                self.weeks(count)
            }
        }
    }

    /// The day list of a weekly rule.
    fn weeks(&mut self, weeks: u32) -> Result<Cadence, RecurrenceError> {
        let mut days = DaySet::EMPTY;
        while let Some(word) = self.peek() {
            if word == "at" || is_time_start(word) {
                break;
            }
            let found = match word {
                "and" if !days.is_empty() => DaySet::EMPTY,
                "day" | "days" if weeks == 1 => DaySet::ALL,
                "weekday" | "weekdays" => DaySet::WEEKDAYS,
                "weekend" | "weekends" => DaySet::WEEKEND,
                _ => match weekday(word) {
                    Some(day) => DaySet::single(day),
                    None if days.is_empty() && !matches!(word, "and" | "day" | "days") => {
                        return Err(RecurrenceError::UnknownDay {
                            input: self.input.to_string(),
                            day: word.to_string(),
                        })
                    }
                    None => return Err(self.unexpected(word)),
                },
            };
            days = days.union(found);
            self.pos += 1;
        }
        if days.is_empty() {
            return Err(self.unrecognised());
        }
        Ok(Cadence::Weekly { days, weeks })
    }

    /// `[on] [the] <nth> <weekday> [of the month]`.
    fn monthly(&mut self) -> Result<Cadence, RecurrenceError> {
        self.eat(&["on"]);
        self.eat(&["the"]);
        let word = self.bump().ok_or_else(|| self.unrecognised())?;
        let nth = match ordinal(&word) {
            Some(nth) => nth,
            None if word == "fifth" || word == "5th" => {
                return Err(RecurrenceError::UnsupportedOrdinal {
                    input: self.input.to_string(),
                    word,
                })
            }
            None => return Err(self.unrecognised()),
        };
        let day_word = self.bump().ok_or_else(|| self.unrecognised())?;
        let weekday = weekday(&day_word).ok_or_else(|| RecurrenceError::UnknownDay {
            input: self.input.to_string(),
            day: day_word.clone(),
        })?;
        if self.eat(&["of"]) {
            self.eat(&["the", "every", "each"]);
            if !self.eat(&["month"]) {
                let word = self.peek().unwrap_or("of").to_string();
                return Err(self.unexpected(&word));
            }
        }
        Ok(Cadence::Monthly { nth, weekday })
    }

    /// `[at] <time>` and nothing after it.
    fn time_clause(&mut self) -> Result<NaiveTime, RecurrenceError> {
        self.eat(&["at"]);
        let Some(word) = self.bump() else {
            let base = self.input.trim_end();
            let base = base.strip_suffix(" at").unwrap_or(base);
            return Err(RecurrenceError::MissingTime {
                input: self.input.to_string(),
                example: format!("{base} at 10:00"),
            });
        };
        let time = parse_time(&word).ok_or_else(|| RecurrenceError::InvalidTime {
            input: self.input.to_string(),
            time: word.clone(),
        })?;
        match self.peek() {
            None => Ok(time),
            Some(extra) => Err(self.unexpected(extra)),
        }
    }
}

fn is_time_start(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || word == "noon" || word == "midnight"
}

/// `09:30`, `9:30`, `16:00`, `10am`, `4:30pm`, `noon`, `midnight`.
pub(crate) fn parse_time(word: &str) -> Option<NaiveTime> {
    match word {
        "noon" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (body, pm) = if let Some(body) = word.strip_suffix("am") {
        (body, Some(false))
    } else if let Some(body) = word.strip_suffix("pm") {
        (body, Some(true))
    } else {
        (word, None)
    };
    let (hour, minute) = match body.split_once(':') {
        Some((hour, minute)) => (hour, Some(minute)),
        None => (body, None),
    };
    let digits = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hour, &[1, 2]) || minute.is_some_and(|m| !digits(m, &[2])) {
        return None;
    }
    if pm.is_none() && minute.is_none() {
        return None;
    }
    let hour: u32 = hour.parse().ok()?;
    let minute: u32 = minute.map_or(Some(0), |m| m.parse().ok())?;
    let hour = match pm {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn ordinal(word: &str) -> Option<Nth> {
    match word {
        "first" | "1st" => Some(Nth::First),
        "second" | "2nd" => Some(Nth::Second),
        "third" | "3rd" => Some(Nth::Third),
        "fourth" | "4th" => Some(Nth::Fourth),
        "last" => Some(Nth::Last),
        _ => None,
    }
}

/// A weekday name: full, abbreviated or plural (`monday`, `mon`, `mondays`).
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let word = word
        .strip_suffix('s')
        .filter(|w| w.len() > 3)
        .unwrap_or(word);
    match word {
        "monday" | "mon" => Some(Weekday::Mon),
        "tuesday" | "tue" | "tues" => Some(Weekday::Tue),
        "wednesday" | "wed" | "weds" => Some(Weekday::Wed),
        "thursday" | "thu" | "thur" | "thurs" => Some(Weekday::Thu),
        "friday" | "fri" => Some(Weekday::Fri),
        "saturday" | "sat" => Some(Weekday::Sat),
        "sunday" | "sun" => Some(Weekday::Sun),
        _ => None,
    }
}
