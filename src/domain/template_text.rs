//! Team templates written in a Discord modal: the text fields (name; statements one per line;
//! questions one per line; optional scale lines `emoji label weight`) parsed into a
//! [`Template`] validated with the rules and messages of template files, errors naming the
//! line; a template rendered back to those fields (to prefill an edit) and to the TOML that
//! `templates_dir` and an import accept; and keys derived from names.

use std::fmt;

use super::template::{RawTemplate, ScaleOption, Template, TemplateError};
use super::template_problem::TemplateProblem;

/// The text fields of the template modal, as the member typed them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateText {
    pub name: String,
    /// Optional; empty means none.
    pub description: String,
    /// One statement per line; blank lines are ignored.
    pub statements: String,
    /// One open question per line; blank lines are ignored.
    pub questions: String,
    /// Optional scale, one `emoji label weight` per line (e.g. `🟢 good 1`); empty means 👍/👎.
    pub scale: String,
}

/// What is wrong with a template typed in the modal: which field or line, and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateTextError {
    /// The form's field: `name`, `description`, `statements`, `questions`, `scale` (or `key`).
    pub field: String,
    /// The line of the field's text box the problem is on (statements, questions, scale).
    pub line: Option<usize>,
    /// The part of a scale line at fault (`emoji`, `label`, `weight`), if one is.
    pub part: Option<String>,
    pub problem: TemplateProblem,
}

impl TemplateTextError {
    /// `name`, `statements line 2`, `scale line 3`, …
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{} line {line}", self.field),
            None => self.field.clone(),
        }
    }
}

impl fmt::Display for TemplateTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place())?;
        if let Some(part) = &self.part {
            write!(f, "{part} ")?;
        }
        write!(f, "{}", self.problem)
    }
}

/// The non-blank lines of a text box, trimmed, with their 1-based line numbers.
fn lines_of(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim().to_string()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

fn scale_line(number: usize, line: &str) -> Result<ScaleOption, TemplateTextError> {
    let refuse = |problem| TemplateTextError {
        field: "scale".into(),
        line: Some(number),
        part: None,
        problem,
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 {
        return Err(refuse(TemplateProblem::ScaleLineIncomplete));
    }
    let weight_text = words[words.len() - 1];
    let weight = weight_text
        .parse::<f64>()
        .map_err(|_| refuse(TemplateProblem::WeightNotANumber(weight_text.to_string())))?;
    Ok(ScaleOption {
        emoji: words[0].to_string(),
        label: words[1..words.len() - 1].join(" "),
        weight,
    })
}

/// Parses the modal's fields into a template with the given key, validated exactly like a
/// template file.
pub fn parse_template_text(key: &str, text: &TemplateText) -> Result<Template, TemplateTextError> {
    let statements = lines_of(&text.statements);
    let questions = lines_of(&text.questions);
    let scale_lines = lines_of(&text.scale);
    let mut scale = Vec::with_capacity(scale_lines.len());
    for (number, line) in &scale_lines {
        scale.push(scale_line(*number, line)?);
    }
    let raw = RawTemplate {
        key: Some(key.to_string()),
        name: Some(text.name.trim().to_string()),
        description: text.description.trim().to_string(),
        statements: Some(statements.iter().map(|(_, s)| s.clone()).collect()),
        questions: questions.iter().map(|(_, q)| q.clone()).collect(),
        scale: (!scale.is_empty()).then_some(scale),
        translations: Default::default(),
    };
    Template::validate("template", raw).map_err(|e| {
        let line_of = |lines: &[(usize, String)], index: usize| {
            lines.get(index).map_or(index + 1, |(number, _)| *number)
        };
        place_error(e, |field, index| match field {
            "statements" => line_of(&statements, index),
            "questions" => line_of(&questions, index),
            _ => line_of(&scale_lines, index),
        })
    })
}

/// Turns a validation error's field (`statements[1]`, `scale[0].weight`) into the modal's
/// words (`statements line 2`, `scale line 1: weight …`).
fn place_error(e: TemplateError, line: impl Fn(&str, usize) -> usize) -> TemplateTextError {
    let field = e.field.as_str();
    let Some((list, rest)) = field.split_once('[') else {
        return TemplateTextError {
            field: field.to_string(),
            line: None,
            part: None,
            problem: e.problem,
        };
    };
    let (index, part) = rest.split_once(']').unwrap_or((rest, ""));
    let index: usize = index.parse().unwrap_or(0);
    let part = part.trim_start_matches('.');
    TemplateTextError {
        field: list.to_string(),
        line: Some(line(list, index)),
        part: (!part.is_empty()).then(|| part.to_string()),
        problem: e.problem,
    }
}

/// The modal's fields for a template (to prefill `/retro template edit`); parsing them gives
/// the same template back.
pub fn template_to_text(template: &Template) -> TemplateText {
    let scale = if template.scale == super::template::Scale::thumbs() {
        String::new()
    } else {
        let lines: Vec<String> = template
            .scale
            .options
            .iter()
            .map(|o| format!("{} {} {}", o.emoji, o.label, o.weight))
            .collect();
        lines.join("\n")
    };
    TemplateText {
        name: template.name.clone(),
        description: template.description.clone(),
        statements: template.statements.join("\n"),
        questions: template.questions.join("\n"),
        scale,
    }
}

/// The template as a TOML file that `templates_dir` and `/retro template import` accept.
pub fn template_to_toml(template: &Template) -> String {
    let raw = RawTemplate {
        key: Some(template.key.clone()),
        name: Some(template.name.clone()),
        description: template.description.clone(),
        statements: Some(template.statements.clone()),
        questions: template.questions.clone(),
        scale: Some(template.scale.options.clone()),
        translations: template.translations.clone(),
    };
    toml::to_string(&raw).expect("a template always serialises to TOML")
}

/// A key made from a template's name: lowercase ASCII letters and digits joined by '-', at
/// most 32 characters (`Team Pulse #2` → `team-pulse-2`); `template` if nothing is left.
pub fn key_from_name(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    key.truncate(32);
    let key = key.trim_end_matches('-').to_string();
    if key.is_empty() {
        "template".to_string()
    } else {
        key
    }
}

/// A key for `name` that `taken` does not already use: the slug, else the slug with `-2`,
/// `-3`, … (kept within 32 characters).
pub fn unique_key(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = key_from_name(name);
    if !taken(&base) {
        return base;
    }
    (2u32..)
        .map(|n| {
            let suffix = format!("-{n}");
            let mut stem = base.clone();
            stem.truncate(32 - suffix.len());
            format!("{}{suffix}", stem.trim_end_matches('-'))
        })
        .find(|candidate| !taken(candidate))
        .expect("some numbered key is free")
}

#[cfg(test)]
mod tests;
