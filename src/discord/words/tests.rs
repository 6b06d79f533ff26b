//! Every domain value and refusal has its words in every language: English as the domain's own
//! (so nothing changes for English readers), every other language its own translation with no
//! message missing.

use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::action::{validate_text, Action, ActionInputError};
use crate::domain::duration::{parse_duration, DurationBounds, DurationError};
use crate::domain::export::ExportFormat;
use crate::domain::ids::{ChannelId, MemberId};
use crate::domain::overview::NotOffered;
use crate::domain::recurrence::{Recurrence, RecurrenceError};
use crate::domain::retro::{validate_title, RetroId};
use crate::domain::schedule::check_duration_fits;
use crate::domain::template::{Scale, ScaleOption};
use crate::domain::trend::{StatementTrend, Trend};

/// A translation that left a message id unresolved or fell back to English.
fn assert_translated(german: &str, english: &str) {
    assert_ne!(german, english, "not translated: {german}");
    for prefix in [
        "trend-",
        "rule-",
        "error-",
        "duration-",
        "action-",
        "scale-",
    ] {
        assert!(!german.contains(prefix), "a message is missing: {german}");
    }
}

fn since(then: Option<i64>, now: Option<i64>) -> StatementTrend {
    StatementTrend::Since {
        retro: RetroId(12),
        then,
        now,
        participants_then: 3,
        participants_now: 5,
    }
}

#[test]
fn trends_are_worded_in_english_as_the_domain_does_and_in_german() {
    let trends = [
        StatementTrend::FirstCheckIn,
        since(Some(50), Some(67)),
        since(Some(67), Some(50)),
        since(Some(50), Some(50)),
        since(None, Some(50)),
        since(Some(50), None),
        since(None, None),
    ];
    for trend in &trends {
        let english = trend_line(Language::English, trend);
        assert_eq!(english, trend.describe());
        assert_translated(&trend_line(Language::German, trend), &english);
    }
    assert_eq!(
        trend_line(Language::German, &trends[1]),
        "▲ +17 Pkt. seit #12 (50 % → 67 %) · Teilnehmende 3 → 5"
    );
    for previous in [None, Some((RetroId(3), 4))] {
        let trend = Trend {
            previous,
            voters_now: 5,
            statements: Vec::new(),
        };
        let english = trend_headline(Language::English, &trend);
        assert_eq!(english, trend.headline());
        assert_translated(&trend_headline(Language::German, &trend), &english);
    }
}

#[test]
fn the_default_scale_is_translated_and_a_templates_own_labels_are_kept() {
    let thumbs = Scale::thumbs();
    assert_eq!(scale(Language::English, &thumbs), thumbs.describe());
    assert_eq!(
        scale(Language::German, &thumbs),
        "👍 stimme zu · 👎 stimme nicht zu"
    );
    let own = Scale {
        options: vec![ScaleOption {
            emoji: "🟢".into(),
            label: "gut".into(),
            weight: 1.0,
        }],
    };
    assert_eq!(scale(Language::German, &own), "🟢 gut");
}

#[test]
fn every_kind_of_rule_is_worded_in_both_languages() {
    let anchor = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
    let rules = [
        "every day 09:00",
        "every weekday 09:30",
        "every monday 10:00",
        "every monday and thursday 16:30",
        "every monday, wednesday and friday 9:00",
        "every 2 weeks on friday 16:30",
        "every 2 weeks on weekdays 09:00",
        "every 3 days 09:00",
        "first monday of the month 09:00",
        "second tuesday of the month 09:00",
        "third wednesday of the month 09:00",
        "fourth thursday of the month 09:00",
        "last friday of the month 16:00",
        "every saturday and sunday 11:00",
        "0 10 * * 1",
    ];
    for text in rules {
        let rule = Recurrence::parse(text, "Europe/Berlin", anchor).unwrap();
        let english = recurrence(Language::English, &rule);
        assert_eq!(english, rule.describe(), "{text}");
        assert_translated(&recurrence(Language::German, &rule), &english);
    }
    let monday = Recurrence::parse("every monday 10:00", "UTC", anchor).unwrap();
    assert_eq!(
        recurrence(Language::German, &monday),
        "jeden Montag um 10:00 Uhr (UTC)"
    );
}

#[test]
fn durations_read_as_the_domain_writes_them_in_english() {
    for seconds in [
        0,
        1,
        45,
        60,
        5_400,
        86_400,
        2 * 86_400 + 4 * 3_600,
        30 * 86_400,
    ] {
        let length = Duration::from_secs(seconds);
        assert_eq!(
            duration(Language::English, length),
            crate::domain::duration::describe(length)
        );
    }
    assert_eq!(
        duration(Language::German, Duration::from_secs(86_400 + 90)),
        "1 Tag 1 Min. 30 Sek."
    );
}

#[test]
fn actions_and_participation_are_worded_in_both_languages() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut item = Action {
        id: 4,
        retro: RetroId(1),
        channel_id: ChannelId(2),
        text: "Fix the deploy".into(),
        owner_id: Some(MemberId(7)),
        due: today.pred_opt(),
        created_by: MemberId(7),
        created_at: Utc::now(),
        done_at: None,
    };
    let english = action(Language::English, &item, today);
    assert_eq!(english, item.describe(today));
    assert_eq!(
        action(Language::German, &item, today),
        "`#4` Fix the deploy — verantwortlich <@7> · fällig 2026-11-29 **(überfällig)**"
    );
    item.done_at = Some(Utc::now());
    assert_eq!(
        action(Language::English, &item, today),
        item.describe(today)
    );
    assert!(action(Language::German, &item, today).ends_with("erledigt ✅"));
    for (voted, team) in [(6, Some(9)), (1, None), (0, None), (3, None)] {
        let english = participation(Language::English, voted, team);
        assert_eq!(
            english,
            crate::domain::schedule::participation_line(voted, team)
        );
        assert_translated(&participation(Language::German, voted, team), &english);
    }
}

/// Asserts English equals the domain's `Display` and German is a translation.
fn check_error(english: String, display: String, german: String) {
    assert_eq!(english, display);
    assert_translated(&german, &english);
}

#[test]
fn every_refusal_of_typed_input_has_its_words() {
    let bounds = DurationBounds::default();
    for typed in ["soon", "5s", "90d"] {
        let e: DurationError = parse_duration(typed, bounds).unwrap_err();
        let (en, de) = (
            duration_error(Language::English, &e),
            duration_error(Language::German, &e),
        );
        check_error(en, e.to_string(), de);
    }
    let title = validate_title(Some(&"x".repeat(101))).unwrap_err();
    check_error(
        title_too_long(Language::English, &title),
        title.to_string(),
        title_too_long(Language::German, &title),
    );
    let anchor = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
    let daily = Recurrence::parse("every day 10:00", "UTC", anchor).unwrap();
    let gap = check_duration_fits(&daily, chrono::Duration::days(2), anchor).unwrap_err();
    check_error(
        longer_than_gap(Language::English, &gap),
        gap.to_string(),
        longer_than_gap(Language::German, &gap),
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let actions = [
        ActionInputError::EmptyText,
        validate_text(&"x".repeat(301)).unwrap_err(),
        ActionInputError::BadDate("tomorrow".into()),
        ActionInputError::PastDate(today),
    ];
    for e in &actions {
        let (en, de) = (
            action_error(Language::English, e),
            action_error(Language::German, e),
        );
        check_error(en, e.to_string(), de);
    }
    let format = ExportFormat::parse("pdf").unwrap_err();
    check_error(
        export_format_error(Language::English, &format),
        format.to_string(),
        export_format_error(Language::German, &format),
    );
    check_error(
        server_export_format(Language::English, &NotOffered),
        NotOffered.to_string(),
        server_export_format(Language::German, &NotOffered),
    );
}

#[test]
fn every_refusal_of_a_schedule_rule_has_its_words() {
    let input = String::from("every moonday");
    let errors = [
        RecurrenceError::Empty,
        RecurrenceError::Unrecognised {
            input: input.clone(),
        },
        RecurrenceError::Unexpected {
            input: input.clone(),
            word: "x".into(),
        },
        RecurrenceError::UnknownDay {
            input: input.clone(),
            day: "moonday".into(),
        },
        RecurrenceError::InvalidTime {
            input: input.clone(),
            time: "25:00".into(),
        },
        RecurrenceError::MissingTime {
            input: input.clone(),
            example: "every monday 10:00".into(),
        },
        RecurrenceError::ZeroInterval {
            input: input.clone(),
        },
        RecurrenceError::IntervalTooLong {
            input: input.clone(),
            count: 60,
            unit: "weeks",
            max: 52,
        },
        RecurrenceError::IntervalTooLong {
            input: input.clone(),
            count: 400,
            unit: "days",
            max: 365,
        },
        RecurrenceError::UnknownUnit {
            input: input.clone(),
            word: "months".into(),
        },
        RecurrenceError::UnsupportedOrdinal {
            input: input.clone(),
            word: "fifth".into(),
        },
        RecurrenceError::UnknownTimeZone {
            zone: "Berln".into(),
            suggestion: Some("Europe/Berlin".into()),
        },
        RecurrenceError::UnknownTimeZone {
            zone: "Mars".into(),
            suggestion: None,
        },
        RecurrenceError::InvalidCron {
            input: input.clone(),
            reason: "bad field".into(),
        },
        RecurrenceError::NeverFires {
            input: input.clone(),
            years: 5,
        },
        RecurrenceError::Storage("broken".into()),
    ];
    for e in &errors {
        let (en, de) = (
            recurrence_error(Language::English, e),
            recurrence_error(Language::German, e),
        );
        check_error(en, e.to_string(), de);
    }
}

#[test]
fn every_refused_setting_has_its_words_and_the_options_name() {
    use crate::domain::settings::SettingValue;
    let errors = [
        SettingValue::timezone("Berlin/Mars").unwrap_err(),
        SettingValue::anonymous_min_voters(-1).unwrap_err(),
        SettingValue::anonymous_min_voters(1).unwrap_err(),
        SettingValue::checkin_duration("soon", DurationBounds::default()).unwrap_err(),
        SettingValue::default_template("Not A Key").unwrap_err(),
    ];
    for e in &errors {
        let (en, de) = (
            setting_error(Language::English, e),
            setting_error(Language::German, e),
        );
        check_error(en, e.to_string(), de);
    }
    assert!(setting_error(Language::German, &errors[2])
        .starts_with("anonym_mindeststimmen: muss mindestens 2 sein"));
}

#[test]
fn every_problem_of_a_typed_template_has_its_words_with_its_line() {
    use crate::domain::template_problem::TemplateProblem;
    use crate::domain::template_text::{parse_template_text, TemplateText};
    let typed = |statements: &str, questions: &str, scale: &str| TemplateText {
        name: "Team".into(),
        statements: statements.into(),
        questions: questions.into(),
        scale: scale.into(),
        ..TemplateText::default()
    };
    let long = "x".repeat(1_001);
    let cases = [
        typed("", "", ""),
        typed("a\n\na", "", ""),
        typed("a", &format!("ok?\n{long}"), ""),
        typed("a", "", "🟢 good 1"),
        typed("a", "", "🟢 good 1\n🟢 bad 0"),
        typed("a", "", "🟢 good 1\n🔴 bad 2"),
        typed("a", "", "🟢 good 1\nbad"),
        typed("a", "", "🟢 good 1\n🔴 bad heavy"),
        typed("a", "", "🟢 good 1\ntoo-long-emoji bad 0"),
    ];
    for text in &cases {
        let e = parse_template_text("k", text).unwrap_err();
        let (en, de) = (
            template_text_error(Language::English, &e),
            template_text_error(Language::German, &e),
        );
        check_error(en, e.to_string(), de);
    }
    let e = parse_template_text("k", &cases[1]).unwrap_err();
    assert_eq!(
        template_text_error(Language::German, &e),
        "Aussagen Zeile 3: wiederholt einen früheren Eintrag"
    );
    let problems = [
        TemplateProblem::Missing,
        TemplateProblem::BadKey("A B".into()),
        TemplateProblem::QuestionCount { found: 11, max: 10 },
        TemplateProblem::KeyTaken("k".into()),
    ];
    for problem in &problems {
        let english = template_problem(Language::English, problem);
        assert_eq!(english, problem.to_string());
        assert_translated(&template_problem(Language::German, problem), &english);
    }
}
