//! Numbers and dates as each language writes them: English `1,234.5` and `Nov 30, 2026`,
//! German `1.234,5` and `30.11.2026`.

use chrono::{Datelike, NaiveDate};

use super::Language;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Language {
    /// `value` with `decimals` digits after the separator and grouped thousands.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let (group, point) = match self {
            Language::English => (',', '.'),
            Language::German => ('.', ','),
        };
        let plain = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(digit);
        }
        let sign = if value < 0.0 && plain.chars().any(|c| c.is_ascii_digit() && c != '0') {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{point}{fraction}")
        }
    }

    /// A share from 0 to 1 as a whole percentage: `67%` (English), `67 %` (German).
    pub fn percent(self, share: f64) -> String {
        let value = self.number(share * 100.0, 0);
        match self {
            Language::English => format!("{value}%"),
            Language::German => format!("{value} %"),
        }
    }

    /// A calendar date: `Nov 30, 2026` (English), `30.11.2026` (German).
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Language::English => format!(
                "{} {}, {}",
                MONTHS[date.month0() as usize],
                date.day(),
                date.year()
            ),
            Language::German => date.format("%d.%m.%Y").to_string(),
        }
    }
}
