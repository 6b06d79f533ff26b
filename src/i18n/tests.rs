//! Every language has every message with the same placeables, every message id the code asks
//! for exists, and numbers and dates follow the language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{Language, FILES, SOURCES};

/// Message id → the variables its value uses, for one message file.
fn messages(locale: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("locales/{locale} does not parse: {errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut variables);
            }
            found.insert(message.id.name.to_string(), variables);
        }
    }
    found
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_placeables() {
    let (english_locale, english_sources) = SOURCES[0];
    let mut every_id = BTreeMap::new();
    for (file, english_source) in FILES.iter().zip(english_sources) {
        let english = messages(english_locale, english_source);
        for id in english.keys() {
            if let Some(other_file) = every_id.insert(id.clone(), *file) {
                panic!("`{id}` is in both {other_file}.ftl and {file}.ftl");
            }
        }
        for (locale, sources) in &SOURCES[1..] {
            let index = FILES.iter().position(|f| f == file).expect("a listed file");
            let other = messages(locale, sources[index]);
            for (id, variables) in &english {
                let Some(theirs) = other.get(id) else {
                    panic!("locales/{locale}/{file}.ftl lacks the message `{id}`");
                };
                assert_eq!(
                    theirs, variables,
                    "`{id}` uses different placeables in {locale} than in {english_locale}"
                );
            }
            for id in other.keys() {
                assert!(
                    english.contains_key(id),
                    "locales/{locale}/{file}.ftl has `{id}`, which {english_locale}/{file}.ftl lacks"
                );
            }
        }
    }
    assert!(every_id.len() > 20, "the English messages were not read");
}

/// Every English message id, from all of English's files.
fn english_ids() -> BTreeSet<String> {
    let (locale, sources) = SOURCES[0];
    sources
        .iter()
        .flat_map(|source| messages(locale, source).into_keys())
        .collect()
}

/// The literal message ids the code looks up (`.t("…")`, `.t_with("…"`, `tr!(lang, "…"`,
/// `respond.database_problem("…"`).
fn ids_used_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            ids_used_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for marker in [".t(\"", ".t_with(\"", ".database_problem(\""] {
                for (at, _) in text.match_indices(marker) {
                    let rest = &text[at + marker.len()..];
                    out.insert(rest[..rest.find('"').unwrap_or(0)].to_string());
                }
            }
            for (at, _) in text.match_indices("tr!(") {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // include_str!( and the like
                }
                let rest = &text[at..];
                let Some(open) = rest.find('"') else { continue };
                if rest[..open].contains(')') {
                    continue;
                }
                let rest = &rest[open + 1..];
                out.insert(rest[..rest.find('"').unwrap_or(0)].to_string());
            }
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = english_ids();
    let mut used = BTreeSet::new();
    ids_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    // The examples in this module's own docs and tests.
    used.retain(|id| !id.is_empty() && !id.starts_with("example-") && id != "…");
    assert!(used.len() > 10, "the code's message ids were not found");
    let missing: Vec<_> = used.iter().filter(|id| !english.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "messages asked for but not written: {missing:?}"
    );
}

#[test]
fn locales_resolve_to_their_language_with_english_as_fallback() {
    assert_eq!(Language::from_locale("de"), Language::German);
    assert_eq!(Language::from_locale("de-AT"), Language::German);
    assert_eq!(Language::from_locale("en-GB"), Language::English);
    assert_eq!(Language::from_locale("en-US"), Language::English);
    assert_eq!(Language::from_locale("pt-BR"), Language::English);
    assert_eq!(Language::from_locale(""), Language::English);
}

#[test]
fn messages_are_formatted_with_their_arguments() {
    let english = crate::tr!(Language::English, "retro-facilitator", facilitator = "<@1>");
    assert!(english.contains("<@1>"), "{english}");
    let german = crate::tr!(Language::German, "retro-facilitator", facilitator = "<@1>");
    assert!(german.contains("<@1>") && german != english, "{german}");
    assert_eq!(
        Language::German.t("example-unknown-id"),
        "example-unknown-id"
    );
}

#[test]
fn numbers_and_dates_follow_the_language() {
    assert_eq!(Language::English.number(1234.5, 1), "1,234.5");
    assert_eq!(Language::German.number(1234.5, 1), "1.234,5");
    assert_eq!(Language::German.number(0.25, 2), "0,25");
    assert_eq!(Language::English.number(-1234567.0, 0), "-1,234,567");
    assert_eq!(Language::English.percent(0.667), "67%");
    assert_eq!(Language::German.percent(0.667), "67 %");
    let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert_eq!(Language::German.date(date), "30.11.2026");
    assert_eq!(Language::English.date(date), "Nov 30, 2026");
}
