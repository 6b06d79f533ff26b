//! The domain's words for members: trends, scales, schedule rules, durations, action items and
//! participation, worded in a language from the messages of `locales/*/words.ftl`. The domain
//! keeps its English `describe()`/`headline()` for logs and `retrobot check-config`; everything
//! a member reads goes through here. Refusals of what a member typed are in [`errors`].

mod errors;
mod template;
#[cfg(test)]
mod tests;

pub use errors::{
    action_error, duration_error, export_format_error, longer_than_gap, recurrence_error,
    server_export_format, setting_error, title_too_long,
};
pub use template::{template_problem, template_text_error};

use chrono::{NaiveDate, Weekday};

use crate::domain::action::Action;
use crate::domain::recurrence::{CadenceShape, Nth, Recurrence, RuleShape};
use crate::domain::template::Scale;
use crate::domain::trend::{StatementTrend, Trend};
use crate::i18n::{Arg, Language};
use crate::tr;

/// A whole percentage as the language writes it (`67%`, `67 %`).
fn percent(lang: Language, value: i64) -> String {
    lang.percent(value as f64 / 100.0)
}

/// A statement's move since the previous check-in:
/// `▲ +17 pts since #12 (50% → 67%) · participants 3 → 5`.
pub fn trend_line(lang: Language, trend: &StatementTrend) -> String {
    let StatementTrend::Since {
        retro,
        then,
        now,
        participants_then,
        participants_now,
    } = trend
    else {
        return lang.t("trend-first");
    };
    let retro = retro.to_string();
    let change = match (then, now) {
        (Some(then), Some(now)) => {
            let (then_shown, now_shown) = (percent(lang, *then), percent(lang, *now));
            let delta = now - then;
            let args = |delta: i64| {
                [
                    ("delta", Arg::from(delta)),
                    ("retro", Arg::from(retro.as_str())),
                    ("then", Arg::from(then_shown.as_str())),
                    ("now", Arg::from(now_shown.as_str())),
                ]
            };
            match delta {
                d if d > 0 => lang.t_with("trend-up", &args(d)),
                d if d < 0 => lang.t_with("trend-down", &args(-d)),
                _ => lang.t_with("trend-same", &args(0)),
            }
        }
        (None, Some(now)) => tr!(
            lang,
            "trend-no-votes-then",
            retro = retro.as_str(),
            now = percent(lang, *now)
        ),
        (Some(then), None) => tr!(
            lang,
            "trend-no-votes-now",
            retro = retro.as_str(),
            then = percent(lang, *then)
        ),
        (None, None) => tr!(lang, "trend-no-votes", retro = retro.as_str()),
    };
    let people = tr!(
        lang,
        "trend-participants",
        then = *participants_then,
        now = *participants_now
    );
    format!("{change} · {people}")
}

/// The summary's line comparing the check-in with the previous one.
pub fn trend_headline(lang: Language, trend: &Trend) -> String {
    match trend.previous {
        None => tr!(lang, "trend-headline-first", voters = trend.voters_now),
        Some((retro, voters_then)) => tr!(
            lang,
            "trend-headline-since",
            retro = retro.to_string(),
            then = voters_then,
            now = trend.voters_now
        ),
    }
}

/// A scale's options: `👍 agree · 👎 disagree`. The labels are the template's own (translated
/// with it), except the default scale's, which are the bot's words.
pub fn scale(lang: Language, scale: &Scale) -> String {
    if *scale == Scale::thumbs() {
        let labels = [lang.t("scale-agree"), lang.t("scale-disagree")];
        let options: Vec<String> = scale
            .options
            .iter()
            .zip(labels)
            .map(|(o, label)| format!("{} {label}", o.emoji))
            .collect();
        return options.join(" · ");
    }
    scale.describe()
}

/// A schedule rule: `every Monday at 10:00 (Europe/Berlin)`, `cron `0 10 * * 1` (UTC)`.
pub fn recurrence(lang: Language, recurrence: &Recurrence) -> String {
    let zone = recurrence.timezone();
    match recurrence.shape() {
        RuleShape::Cron { pattern } => tr!(lang, "rule-cron", pattern = pattern, zone = zone),
        RuleShape::Friendly { cadence, time } => tr!(
            lang,
            "rule-friendly",
            cadence = cadence_words(lang, &cadence),
            time = time.format("%H:%M").to_string(),
            zone = zone
        ),
    }
}

fn cadence_words(lang: Language, cadence: &CadenceShape) -> String {
    match cadence {
        CadenceShape::EveryDay => lang.t("rule-every-day"),
        CadenceShape::Weekdays { weeks: 1 } => lang.t("rule-every-weekday"),
        CadenceShape::Weekdays { weeks } => tr!(lang, "rule-weeks-on-weekdays", weeks = *weeks),
        CadenceShape::Weekly { days, weeks: 1 } => {
            tr!(lang, "rule-every", days = day_list(lang, days))
        }
        CadenceShape::Weekly { days, weeks } => tr!(
            lang,
            "rule-weeks-on",
            weeks = *weeks,
            days = day_list(lang, days)
        ),
        CadenceShape::Days { every } => tr!(lang, "rule-days", days = *every),
        CadenceShape::Monthly { nth, weekday } => tr!(
            lang,
            "rule-monthly",
            nth = lang.t(nth_id(*nth)),
            day = day_name(lang, *weekday)
        ),
    }
}

fn nth_id(nth: Nth) -> &'static str {
    match nth {
        Nth::First => "rule-nth-first",
        Nth::Second => "rule-nth-second",
        Nth::Third => "rule-nth-third",
        Nth::Fourth => "rule-nth-fourth",
        Nth::Last => "rule-nth-last",
    }
}

fn day_name(lang: Language, day: Weekday) -> String {
    lang.t(match day {
        Weekday::Mon => "rule-day-monday",
        Weekday::Tue => "rule-day-tuesday",
        Weekday::Wed => "rule-day-wednesday",
        Weekday::Thu => "rule-day-thursday",
        Weekday::Fri => "rule-day-friday",
        Weekday::Sat => "rule-day-saturday",
        Weekday::Sun => "rule-day-sunday",
    })
}

/// `Monday`, `Monday and Thursday`, `Monday, Wednesday and Friday`.
fn day_list(lang: Language, days: &[Weekday]) -> String {
    let names: Vec<String> = days.iter().map(|d| day_name(lang, *d)).collect();
    match names.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => tr!(lang, "rule-list-and", rest = rest.join(", "), last = last),
    }
}

/// A length of time in days, hours, minutes and seconds: `2days 4h` (English), `2 Tage 4 Std.`.
pub fn duration(lang: Language, duration: std::time::Duration) -> String {
    let seconds = duration.as_secs();
    let parts = [
        ("duration-days", seconds / 86_400),
        ("duration-hours", seconds % 86_400 / 3_600),
        ("duration-minutes", seconds % 3_600 / 60),
        ("duration-seconds", seconds % 60),
    ];
    let words: Vec<String> = parts
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(id, count)| lang.t_with(id, &[("count", Arg::from(*count))]))
        .collect();
    if words.is_empty() {
        return tr!(lang, "duration-seconds", count = 0u64);
    }
    words.join(" ")
}

/// [`duration`] of a `chrono` length (negative lengths read as zero).
pub fn chrono_duration(lang: Language, length: chrono::Duration) -> String {
    duration(lang, length.to_std().unwrap_or_default())
}

/// An action item: `` `#4` Fix the flaky deploy — owner <@1> · due 2026-12-01 **(overdue)** ``.
/// The due date is written as members type it (`YYYY-MM-DD`).
pub fn action(lang: Language, action: &Action, today: NaiveDate) -> String {
    let mut line = format!(
        "`#{}` {}",
        action.id,
        crate::domain::member_text::inline(&action.text)
    );
    let mut details = Vec::new();
    if let Some(owner) = action.owner_id {
        details.push(tr!(lang, "action-owner", owner = format!("<@{owner}>")));
    }
    if let Some(due) = action.due {
        let mut text = tr!(lang, "action-due", due = due.to_string());
        if action.is_overdue(today) {
            text.push(' ');
            text.push_str(&lang.t("action-overdue"));
        }
        details.push(text);
    }
    if action.is_done() {
        details.push(lang.t("action-done"));
    }
    if !details.is_empty() {
        line.push_str(" — ");
        line.push_str(&details.join(" · "));
    }
    line
}

/// "6 of 9 have voted" with a team of 9, "6 members have voted" without a team.
pub fn participation(lang: Language, voted: usize, team: Option<usize>) -> String {
    match team {
        Some(team) => tr!(lang, "participation-of-team", voted = voted, team = team),
        None => tr!(lang, "participation-members", voted = voted),
    }
}
