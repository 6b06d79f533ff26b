//! A template's texts in other languages: a template file may carry `[translations.de]` with
//! `name`, `description`, `statements`, `questions` and the scale's `labels`, validated like
//! the template itself (same counts, same limits). A retro takes the copy in its server's
//! language when it starts and keeps it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::template::Template;

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

/// Checks `translations` against the validated `template`: a tag of 2 or 3 lowercase letters
/// (not the source language), and the same number of statements, questions and labels, each
/// within the template's limits. Errors are (field, problem).
pub(crate) fn validate(
    template: &Template,
    translations: &Translations,
    check_text: impl Fn(&str, usize) -> Result<(), String>,
) -> Result<(), (String, String)> {
    use super::template::{MAX_DESCRIPTION_CHARS, MAX_ITEM_CHARS, MAX_NAME_CHARS};
    for (tag, translation) in translations {
        let field = |name: &str| format!("translations.{tag}.{name}");
        let tag_ok = (2..=3).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_lowercase());
        if !tag_ok || is_source_language(tag) {
            return Err((
                format!("translations.{tag}"),
                format!("`{tag}` must be a language such as `de` (2 or 3 lowercase letters, not `{SOURCE_LANGUAGE}`)"),
            ));
        }
        check_text(&translation.name, MAX_NAME_CHARS).map_err(|p| (field("name"), p))?;
        if translation.description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err((
                field("description"),
                format!("is longer than {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        let lists = [
            (
                "statements",
                &translation.statements,
                template.statements.len(),
            ),
            (
                "questions",
                &translation.questions,
                template.questions.len(),
            ),
        ];
        for (name, items, expected) in lists {
            if items.len() != expected {
                return Err((
                    field(name),
                    format!("has {} entries; the template has {expected}", items.len()),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                check_text(item, MAX_ITEM_CHARS)
                    .map_err(|p| (format!("{}[{i}]", field(name)), p))?;
            }
        }
        let scale = template.scale.len();
        if !translation.labels.is_empty() && translation.labels.len() != scale {
            return Err((
                field("labels"),
                format!(
                    "has {} labels; the scale has {scale} options",
                    translation.labels.len()
                ),
            ));
        }
        for (i, label) in translation.labels.iter().enumerate() {
            check_text(label, 32).map_err(|p| (format!("{}[{i}]", field("labels")), p))?;
        }
    }
    Ok(())
}

impl Template {
    /// The copy a retro in language `tag` keeps: the template's texts in that language when it
    /// has them (else as written), marked with `tag` so the retro's posts use it too, without
    /// the other translations.
    pub fn in_language(&self, tag: &str) -> Template {
        let mut copy = self.clone();
        copy.translations.clear();
        copy.language = tag.to_string();
        if let Some(translation) = self.translations.get(tag) {
            copy.name = translation.name.clone();
            copy.description = translation.description.trim().to_string();
            copy.statements = translation.statements.clone();
            copy.questions = translation.questions.clone();
            for (option, label) in copy.scale.options.iter_mut().zip(&translation.labels) {
                option.label = label.clone();
            }
        }
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(translations: &str) -> Result<Template, super::super::template::TemplateError> {
        let text = format!(
            "key = \"t\"\nname = \"T\"\nstatements = [\"One\", \"Two\"]\nquestions = [\"Why?\"]\n{translations}"
        );
        Template::from_toml("t.toml", &text)
    }

    #[test]
    fn a_translation_is_used_for_its_language_and_kept_out_of_the_copy() {
        let t = template(
            "[translations.de]\nname = \"D\"\nstatements = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\nlabels = [\"ja\", \"nein\"]\n",
        )
        .unwrap();
        let german = t.in_language("de");
        assert_eq!(german.name, "D");
        assert_eq!(german.statements, ["Eins", "Zwei"]);
        assert_eq!(german.questions, ["Warum?"]);
        assert_eq!(german.scale.options[0].label, "ja");
        assert_eq!(german.scale.options[0].emoji, "👍");
        assert_eq!(german.language, "de");
        assert!(german.translations.is_empty());
        let french = t.in_language("fr");
        assert_eq!(french.statements, ["One", "Two"]);
        assert_eq!(french.language, "fr");
    }

    #[test]
    fn translations_are_validated_like_the_template() {
        let wrong_count = template(
            "[translations.de]\nname = \"D\"\nstatements = [\"Eins\"]\nquestions = [\"Warum?\"]\n",
        )
        .unwrap_err();
        assert_eq!(wrong_count.field, "translations.de.statements");
        assert!(
            wrong_count.problem.contains("the template has 2"),
            "{wrong_count}"
        );
        let empty = template(
            "[translations.de]\nname = \"D\"\nstatements = [\"Eins\", \" \"]\nquestions = [\"Warum?\"]\n",
        )
        .unwrap_err();
        assert_eq!(empty.field, "translations.de.statements[1]");
        let bad_tag = template(
            "[translations.German]\nname = \"D\"\nstatements = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\n",
        )
        .unwrap_err();
        assert_eq!(bad_tag.field, "translations.German");
        let unknown = template(
            "[translations.de]\nname = \"D\"\nstatment = [\"Eins\", \"Zwei\"]\nquestions = [\"Warum?\"]\n",
        )
        .unwrap_err();
        assert!(
            unknown.problem.contains("unknown field `statment`"),
            "{unknown}"
        );
    }

    #[test]
    fn the_builtin_templates_are_in_german_too() {
        for template in Template::builtin() {
            let german = template.in_language("de");
            assert_ne!(german.statements, template.statements, "{}", template.key);
            assert_ne!(german.description, template.description, "{}", template.key);
        }
        let co = Template::builtin().remove(0).in_language("de");
        assert_eq!(
            co.statements[0],
            "Wir als Team haben direkten Kontakt zu unseren Kunden."
        );
    }
}
