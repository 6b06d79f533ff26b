//! The domain's refusals of what a member typed (a title, a duration, a schedule rule, an action
//! item, an export format), worded in the member's language. Each domain error keeps its
//! English `Display` for logs; these functions are what members read.

use crate::domain::action::{ActionInputError, MAX_ACTION_CHARS};
use crate::domain::anonymous::MIN_MIN_VOTERS;
use crate::domain::duration::DurationError;
use crate::domain::export::UnknownFormat;
use crate::domain::overview::NotOffered;
use crate::domain::recurrence::RecurrenceError;
use crate::domain::retro::{TitleTooLong, MAX_TITLE_CHARS};
use crate::domain::schedule::LongerThanGap;
use crate::domain::settings::{SettingError, SettingProblem};
use crate::i18n::{Arg, Language};
use crate::tr;

/// A title longer than Discord shows.
pub fn title_too_long(lang: Language, error: &TitleTooLong) -> String {
    tr!(
        lang,
        "error-title-too-long",
        chars = error.chars,
        max = MAX_TITLE_CHARS
    )
}

/// A duration that is not one, or outside the allowed bounds.
pub fn duration_error(lang: Language, error: &DurationError) -> String {
    match error {
        DurationError::Malformed(given) => tr!(lang, "error-duration-malformed", given = given),
        DurationError::TooShort { given, min } => tr!(
            lang,
            "error-duration-too-short",
            given = given,
            min = super::duration(lang, *min)
        ),
        DurationError::TooLong { given, max } => tr!(
            lang,
            "error-duration-too-long",
            given = given,
            max = super::duration(lang, *max)
        ),
    }
}

/// A scheduled check-in that would stay open past the next one's start.
pub fn longer_than_gap(lang: Language, error: &LongerThanGap) -> String {
    tr!(
        lang,
        "error-duration-longer-than-gap",
        duration = super::chrono_duration(lang, error.duration),
        gap = super::chrono_duration(lang, error.gap),
        rule = error.rule.as_str()
    )
}

/// A schedule rule or time zone that could not be read.
pub fn recurrence_error(lang: Language, error: &RecurrenceError) -> String {
    let examples = lang.t("rule-examples");
    let examples = examples.as_str();
    match error {
        RecurrenceError::Empty => tr!(lang, "error-rule-empty", examples = examples),
        RecurrenceError::Unrecognised { input } => {
            tr!(
                lang,
                "error-rule-unrecognised",
                input = input,
                examples = examples
            )
        }
        RecurrenceError::Unexpected { input, word } => tr!(
            lang,
            "error-rule-unexpected",
            input = input,
            word = word,
            examples = examples
        ),
        RecurrenceError::UnknownDay { input, day } => tr!(
            lang,
            "error-rule-unknown-day",
            input = input,
            day = day,
            examples = examples
        ),
        RecurrenceError::InvalidTime { input, time } => {
            tr!(lang, "error-rule-invalid-time", input = input, time = time)
        }
        RecurrenceError::MissingTime { input, example } => {
            tr!(
                lang,
                "error-rule-missing-time",
                input = input,
                example = example
            )
        }
        RecurrenceError::ZeroInterval { input } => {
            tr!(lang, "error-rule-zero-interval", input = input)
        }
        RecurrenceError::IntervalTooLong {
            input,
            count,
            unit,
            max,
        } => {
            let id = if *unit == "weeks" {
                "error-rule-weeks-too-far"
            } else {
                "error-rule-days-too-far"
            };
            let args = [
                ("input", Arg::from(input)),
                ("count", Arg::from(*count)),
                ("max", Arg::from(*max)),
            ];
            lang.t_with(id, &args)
        }
        RecurrenceError::UnknownUnit { input, word } => {
            tr!(lang, "error-rule-unknown-unit", input = input, word = word)
        }
        RecurrenceError::UnsupportedOrdinal { input, word } => tr!(
            lang,
            "error-rule-unsupported-ordinal",
            input = input,
            word = word
        ),
        RecurrenceError::UnknownTimeZone { zone, suggestion } => {
            let hint = suggestion
                .as_ref()
                .map(|s| tr!(lang, "error-rule-zone-hint", suggestion = s))
                .unwrap_or_default();
            tr!(lang, "error-rule-unknown-zone", zone = zone, hint = hint)
        }
        RecurrenceError::InvalidCron { input, reason } => {
            tr!(
                lang,
                "error-rule-invalid-cron",
                input = input,
                reason = reason
            )
        }
        RecurrenceError::NeverFires { input, years } => {
            tr!(
                lang,
                "error-rule-never-fires",
                input = input,
                years = *years
            )
        }
        RecurrenceError::Storage(reason) => tr!(lang, "error-rule-stored", reason = reason),
    }
}

/// An action item's text or due date that was refused.
pub fn action_error(lang: Language, error: &ActionInputError) -> String {
    match error {
        ActionInputError::EmptyText => lang.t("error-action-empty"),
        ActionInputError::TooLong(chars) => tr!(
            lang,
            "error-action-too-long",
            chars = *chars,
            max = MAX_ACTION_CHARS
        ),
        ActionInputError::BadDate(given) => tr!(lang, "error-action-bad-date", given = given),
        ActionInputError::PastDate(due) => {
            tr!(lang, "error-action-past-date", due = due.to_string())
        }
    }
}

/// An export format nobody offers.
pub fn export_format_error(lang: Language, error: &UnknownFormat) -> String {
    tr!(
        lang,
        "error-export-unknown-format",
        given = error.0.as_str()
    )
}

/// A format the server export does not come in.
pub fn server_export_format(lang: Language, _: &NotOffered) -> String {
    lang.t("error-export-server-format")
}

/// A setting's value that was refused, named by the option as the member's Discord shows it.
pub fn setting_error(lang: Language, error: &SettingError) -> String {
    let name = lang.t(&format!("cmd-settings-{}", error.name.as_str()));
    let problem = match &error.problem {
        SettingProblem::NotATimeZone(given) => tr!(lang, "error-setting-not-a-zone", given = given),
        SettingProblem::NotAVoterCount => {
            tr!(lang, "error-setting-not-a-count", min = MIN_MIN_VOTERS)
        }
        SettingProblem::TooFewVoters(given) => tr!(
            lang,
            "error-setting-too-few-voters",
            min = MIN_MIN_VOTERS,
            given = *given
        ),
        SettingProblem::Duration(e) => duration_error(lang, e),
        SettingProblem::NotATemplateKey(given) => {
            tr!(lang, "error-setting-not-a-key", given = given)
        }
        SettingProblem::NotALanguage(given) => {
            tr!(lang, "error-setting-not-a-language", given = given)
        }
    };
    tr!(lang, "error-setting", name = name, problem = problem)
}
