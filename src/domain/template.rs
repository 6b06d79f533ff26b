//! Health-check templates: their statements, open questions and voting scale, parsed from TOML
//! and validated with errors that name the file, the field and what is wrong.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::template_problem::TemplateProblem;
use super::template_translation::{is_source_language, source_language, Shape, Translations};
use super::toml_location::TomlProblem;

/// The source of the built-in Customer Obsession template, shipped inside the binary.
const CUSTOMER_OBSESSION_TOML: &str = include_str!("builtin/customer-obsession.toml");
/// Spotify's Squad Health Check on a 🟢/🟡/🔴 scale, shipped inside the binary.
const SQUAD_HEALTH_CHECK_TOML: &str = include_str!("builtin/squad-health-check.toml");

/// The key of the template `/retro start` uses when none is given.
pub const DEFAULT_TEMPLATE_KEY: &str = "customer-obsession";

/// Longest statement or question text accepted (leaves room for decoration in a 2,000-character
/// Discord message).
pub const MAX_ITEM_CHARS: usize = 1_000;
/// Most statements a template may have.
pub const MAX_STATEMENTS: usize = 20;
/// Most open questions a template may have (each becomes a thread).
pub const MAX_QUESTIONS: usize = 10;
/// Longest template description (it opens the retro's header, which must stay within
/// Discord's limits together with the open actions listed under it).
pub const MAX_DESCRIPTION_CHARS: usize = 1_000;
/// Longest template name (it appears in embed titles and autocomplete choices).
pub const MAX_NAME_CHARS: usize = 100;
/// Longest label of a scale option (it appears on buttons and in the header).
pub const MAX_LABEL_CHARS: usize = 32;

/// One choice on a voting scale, e.g. 👍 meaning "agree" with weight 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleOption {
    pub emoji: String,
    pub label: String,
    pub weight: f64,
}

/// The emoji members vote with on every statement, in display order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub options: Vec<ScaleOption>,
}

impl Scale {
    /// 👍 agree (weight 1) and 👎 disagree (weight 0): the default scale.
    pub fn thumbs() -> Scale {
        Scale {
            options: vec![
                ScaleOption {
                    emoji: "👍".into(),
                    label: "agree".into(),
                    weight: 1.0,
                },
                ScaleOption {
                    emoji: "👎".into(),
                    label: "disagree".into(),
                    weight: 0.0,
                },
            ],
        }
    }

    /// The position of `emoji` on this scale, if it is one of its options.
    pub fn option_of(&self, emoji: &str) -> Option<usize> {
        self.options.iter().position(|o| o.emoji == emoji)
    }

    pub fn len(&self) -> usize {
        self.options.len()
    }

    /// The options in words: `👍 agree · 👎 disagree`.
    pub fn describe(&self) -> String {
        let options: Vec<String> = self
            .options
            .iter()
            .map(|o| format!("{} {}", o.emoji, o.label))
            .collect();
        options.join(" · ")
    }

    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }
}

/// A validated health-check template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub key: String,
    pub name: String,
    pub description: String,
    pub statements: Vec<String>,
    pub questions: Vec<String>,
    pub scale: Scale,
    /// The same texts in other languages, by tag (see `template_translation`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
    /// The language of this copy's texts, and of the posts of the retro that keeps it.
    #[serde(
        default = "source_language",
        skip_serializing_if = "is_source_language"
    )]
    pub language: String,
}

/// What is wrong with a template file: which file, which field, what.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct TemplateError {
    pub source_name: String,
    pub field: String,
    pub problem: TemplateProblem,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: field `{}`: {}",
            self.source_name, self.field, self.problem
        )
    }
}

/// A template as written in a file (and as exported), before validation.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTemplate {
    pub(crate) key: Option<String>,
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) statements: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) questions: Vec<String>,
    pub(crate) scale: Option<Vec<ScaleOption>>,
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub(crate) translations: Translations,
}

impl Template {
    /// Parses and validates a template written in TOML; `source_name` (usually the file path)
    /// is used in error messages.
    pub fn from_toml(source_name: &str, text: &str) -> Result<Template, TemplateError> {
        let err = |field: &str, problem: TemplateProblem| TemplateError {
            source_name: source_name.to_string(),
            field: field.to_string(),
            problem,
        };
        let raw: RawTemplate = toml::from_str(text).map_err(|e| {
            let problem = TomlProblem::new(text, &e);
            let field = problem.key.clone().unwrap_or_else(|| "(file)".to_string());
            let place = problem
                .line
                .map(|l| format!(" (line {l})"))
                .unwrap_or_default();
            err(
                &field,
                TemplateProblem::InFile(format!("{}{place}", problem.message)),
            )
        })?;
        Template::validate(source_name, raw)
    }

    /// Validates a template given field by field (as a file or a modal gives it), with the
    /// rules and messages of template files.
    pub(crate) fn validate(source_name: &str, raw: RawTemplate) -> Result<Template, TemplateError> {
        let err = |field: &str, problem: TemplateProblem| TemplateError {
            source_name: source_name.to_string(),
            field: field.to_string(),
            problem,
        };
        let key = raw
            .key
            .ok_or_else(|| err("key", TemplateProblem::Missing))?;
        validate_key(&key).map_err(|_| err("key", TemplateProblem::BadKey(key.clone())))?;
        let name = raw
            .name
            .ok_or_else(|| err("name", TemplateProblem::Missing))?;
        validate_text(&name, MAX_NAME_CHARS).map_err(|p| err("name", p))?;
        let statements = raw
            .statements
            .ok_or_else(|| err("statements", TemplateProblem::Missing))?;
        if statements.is_empty() || statements.len() > MAX_STATEMENTS {
            return Err(err(
                "statements",
                TemplateProblem::StatementCount {
                    found: statements.len(),
                    max: MAX_STATEMENTS,
                },
            ));
        }
        validate_items("statements", &statements).map_err(|(f, p)| err(&f, p))?;
        if raw.questions.len() > MAX_QUESTIONS {
            return Err(err(
                "questions",
                TemplateProblem::QuestionCount {
                    found: raw.questions.len(),
                    max: MAX_QUESTIONS,
                },
            ));
        }
        validate_items("questions", &raw.questions).map_err(|(f, p)| err(&f, p))?;
        let scale = match raw.scale {
            None => Scale::thumbs(),
            Some(options) => validate_scale(options).map_err(|(f, p)| err(&f, p))?,
        };
        let template = Template {
            key,
            name,
            description: {
                let description = raw.description.trim();
                let chars = description.chars().count();
                if chars > MAX_DESCRIPTION_CHARS {
                    return Err(err(
                        "description",
                        TemplateProblem::TooLong {
                            chars,
                            max: MAX_DESCRIPTION_CHARS,
                        },
                    ));
                }
                description.to_string()
            },
            statements,
            questions: raw.questions,
            scale,
            translations: Translations::new(),
            language: source_language(),
        };
        let shape = Shape {
            statements: template.statements.len(),
            questions: template.questions.len(),
            scale: template.scale.len(),
            max_name: MAX_NAME_CHARS,
            max_item: MAX_ITEM_CHARS,
            max_description: MAX_DESCRIPTION_CHARS,
            max_label: MAX_LABEL_CHARS,
        };
        let check_text =
            |text: &str, max: usize| validate_text(text, max).map_err(|p| p.to_string());
        super::template_translation::validate(&raw.translations, &shape, check_text)
            .map_err(|(f, p)| err(&f, TemplateProblem::InFile(p)))?;
        Ok(Template {
            translations: raw.translations,
            ..template
        })
    }

    /// The templates that ship inside the binary.
    pub fn builtin() -> Vec<Template> {
        vec![
            Template::from_toml("built-in customer-obsession", CUSTOMER_OBSESSION_TOML)
                .expect("the built-in template is valid"),
            Template::from_toml("built-in squad-health-check", SQUAD_HEALTH_CHECK_TOML)
                .expect("the built-in template is valid"),
        ]
    }
}

/// Choosing a retro's copy by language (translations are in `template_translation`).
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

pub(crate) fn validate_key(key: &str) -> Result<(), String> {
    let ok_chars = key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if key.is_empty() || key.len() > 32 || !ok_chars {
        return Err(format!(
            "`{key}` must be 1 to 32 characters of lowercase letters, digits and '-'"
        ));
    }
    Ok(())
}

fn validate_text(text: &str, max: usize) -> Result<(), TemplateProblem> {
    let chars = text.trim().chars().count();
    if chars == 0 {
        return Err(TemplateProblem::Empty);
    }
    if chars > max {
        return Err(TemplateProblem::TooLong { chars, max });
    }
    Ok(())
}

fn validate_items(field: &str, items: &[String]) -> Result<(), (String, TemplateProblem)> {
    for (i, item) in items.iter().enumerate() {
        validate_text(item, MAX_ITEM_CHARS).map_err(|p| (format!("{field}[{i}]"), p))?;
        if items[..i]
            .iter()
            .any(|earlier| earlier.trim() == item.trim())
        {
            return Err((format!("{field}[{i}]"), TemplateProblem::Repeated));
        }
    }
    Ok(())
}

fn validate_scale(options: Vec<ScaleOption>) -> Result<Scale, (String, TemplateProblem)> {
    if !(2..=5).contains(&options.len()) {
        return Err(("scale".into(), TemplateProblem::ScaleCount(options.len())));
    }
    for (i, option) in options.iter().enumerate() {
        let field = format!("scale[{i}]");
        let emoji = option.emoji.trim();
        if emoji.is_empty() || emoji.chars().count() > 8 || emoji.chars().any(char::is_whitespace) {
            return Err((format!("{field}.emoji"), TemplateProblem::NotOneEmoji));
        }
        if options[..i].iter().any(|o| o.emoji == option.emoji) {
            return Err((
                format!("{field}.emoji"),
                TemplateProblem::EmojiTwice(emoji.to_string()),
            ));
        }
        validate_text(&option.label, MAX_LABEL_CHARS).map_err(|p| (format!("{field}.label"), p))?;
        if !option.weight.is_finite() || !(0.0..=1.0).contains(&option.weight) {
            return Err((format!("{field}.weight"), TemplateProblem::WeightOutOfRange));
        }
    }
    Ok(Scale { options })
}

/// The templates a running bot knows, by key, in a stable order.
#[derive(Clone, Debug, Default)]
pub struct TemplateCatalog {
    by_key: BTreeMap<String, Template>,
}

impl TemplateCatalog {
    /// A catalog of the built-in templates only.
    pub fn builtin() -> TemplateCatalog {
        let mut catalog = TemplateCatalog::default();
        for template in Template::builtin() {
            catalog.by_key.insert(template.key.clone(), template);
        }
        catalog
    }

    /// Adds a template; a key that is already taken is an error naming the source.
    pub fn add(&mut self, source_name: &str, template: Template) -> Result<(), TemplateError> {
        if self.by_key.contains_key(&template.key) {
            return Err(TemplateError {
                source_name: source_name.to_string(),
                field: "key".into(),
                problem: TemplateProblem::KeyTaken(template.key.clone()),
            });
        }
        self.by_key.insert(template.key.clone(), template);
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<&Template> {
        self.by_key.get(key)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Template> {
        self.by_key.values()
    }

    /// Templates whose key or name contains `query` (case-insensitive), for autocomplete.
    pub fn matching<'a>(&'a self, query: &'a str) -> impl Iterator<Item = &'a Template> + 'a {
        let query = query.to_lowercase();
        self.iter()
            .filter(move |t| t.key.contains(&query) || t.name.to_lowercase().contains(&query))
    }
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
