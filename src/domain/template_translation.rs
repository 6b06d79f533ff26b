//! A template's texts in other languages: a template file may carry `[translations.de]` with
//! `name`, `description`, `statements`, `questions` and the scale's `labels`, validated like
//! the template itself (same counts, same limits). A retro takes the copy in its server's
//! language when it starts and keeps it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The language a template's own texts are written in.
pub const SOURCE_LANGUAGE: &str = "en";

/// One translation of a template's texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub statements: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    /// The scale's labels in order (the emoji stay); empty keeps the template's labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

/// Translations by language tag ("de").
pub type Translations = BTreeMap<String, Translation>;

pub(crate) fn is_source_language(tag: &str) -> bool {
    tag == SOURCE_LANGUAGE
}

pub(crate) fn source_language() -> String {
    SOURCE_LANGUAGE.to_string()
}

/// What a template's translations must match: its numbers of statements, questions and scale
/// options, and the longest name, item, description and label it accepts.
pub(crate) struct Shape {
    pub statements: usize,
    pub questions: usize,
    pub scale: usize,
    pub max_name: usize,
    pub max_item: usize,
    pub max_description: usize,
    pub max_label: usize,
}

/// Checks `translations` against the template's `shape`: a tag of 2 or 3 lowercase letters
/// (not the source language), and the same number of statements, questions and labels, each
/// within the template's limits (`check_text`). Errors are (field, problem).
pub(crate) fn validate(
    translations: &Translations,
    shape: &Shape,
    check_text: impl Fn(&str, usize) -> Result<(), String>,
) -> Result<(), (String, String)> {
    for (tag, translation) in translations {
        let field = |name: &str| format!("translations.{tag}.{name}");
        let tag_ok = (2..=3).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_lowercase());
        if !tag_ok || is_source_language(tag) {
            return Err((
                format!("translations.{tag}"),
                format!("`{tag}` must be a language such as `de` (2 or 3 lowercase letters, not `{SOURCE_LANGUAGE}`)"),
            ));
        }
        check_text(&translation.name, shape.max_name).map_err(|p| (field("name"), p))?;
        if translation.description.chars().count() > shape.max_description {
            return Err((
                field("description"),
                format!("is longer than {} characters", shape.max_description),
            ));
        }
        let lists = [
            ("statements", &translation.statements, shape.statements),
            ("questions", &translation.questions, shape.questions),
        ];
        for (name, items, expected) in lists {
            if items.len() != expected {
                return Err((
                    field(name),
                    format!("has {} entries; the template has {expected}", items.len()),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                check_text(item, shape.max_item)
                    .map_err(|p| (format!("{}[{i}]", field(name)), p))?;
            }
        }
        if !translation.labels.is_empty() && translation.labels.len() != shape.scale {
            return Err((
                field("labels"),
                format!(
                    "has {} labels; the scale has {} options",
                    translation.labels.len(),
                    shape.scale
                ),
            ));
        }
        for (i, label) in translation.labels.iter().enumerate() {
            check_text(label, shape.max_label)
                .map_err(|p| (format!("{}[{i}]", field("labels")), p))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "template_translation_tests.rs"]
mod tests;
