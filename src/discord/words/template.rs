//! What is wrong with a template a member typed in the template form, worded in their
//! language: the field (and line of its text box) at fault, and the problem.

use crate::domain::template_problem::TemplateProblem;
use crate::domain::template_text::TemplateTextError;
use crate::i18n::Language;
use crate::tr;

/// `statements line 2: is empty`, `scale line 1: weight must be a number from 0 to 1`.
pub fn template_text_error(lang: Language, error: &TemplateTextError) -> String {
    let field = field_name(lang, &error.field);
    let place = match error.line {
        Some(line) => tr!(lang, "template-place-line", field = field, line = line),
        None => field,
    };
    let mut problem = template_problem(lang, &error.problem);
    if let Some(part) = &error.part {
        problem = format!("{} {problem}", part_name(lang, part));
    }
    tr!(
        lang,
        "template-text-error",
        place = place,
        problem = problem
    )
}

fn field_name(lang: Language, field: &str) -> String {
    match field {
        "name" => lang.t("template-field-name"),
        "description" => lang.t("template-field-description"),
        "statements" => lang.t("template-field-statements"),
        "questions" => lang.t("template-field-questions"),
        "scale" => lang.t("template-field-scale"),
        "key" => lang.t("template-field-key"),
        other => other.to_string(),
    }
}

fn part_name(lang: Language, part: &str) -> String {
    match part {
        "emoji" => lang.t("template-part-emoji"),
        "label" => lang.t("template-part-label"),
        "weight" => lang.t("template-part-weight"),
        other => other.to_string(),
    }
}

/// One problem of a template's field.
pub fn template_problem(lang: Language, problem: &TemplateProblem) -> String {
    match problem {
        TemplateProblem::Missing => lang.t("template-problem-missing"),
        TemplateProblem::Empty => lang.t("template-problem-empty"),
        TemplateProblem::TooLong { chars, max } => tr!(
            lang,
            "template-problem-too-long",
            chars = *chars,
            max = *max
        ),
        TemplateProblem::BadKey(given) => tr!(lang, "template-problem-bad-key", given = given),
        TemplateProblem::StatementCount { found, max } => tr!(
            lang,
            "template-problem-statement-count",
            found = *found,
            max = *max
        ),
        TemplateProblem::QuestionCount { found, max } => tr!(
            lang,
            "template-problem-question-count",
            found = *found,
            max = *max
        ),
        TemplateProblem::Repeated => lang.t("template-problem-repeated"),
        TemplateProblem::ScaleCount(found) => {
            tr!(lang, "template-problem-scale-count", found = *found)
        }
        TemplateProblem::NotOneEmoji => lang.t("template-problem-not-one-emoji"),
        TemplateProblem::EmojiTwice(emoji) => {
            tr!(lang, "template-problem-emoji-twice", emoji = emoji)
        }
        TemplateProblem::WeightOutOfRange => lang.t("template-problem-weight-range"),
        TemplateProblem::KeyTaken(key) => tr!(lang, "template-problem-key-taken", key = key),
        TemplateProblem::ScaleLineIncomplete => lang.t("template-problem-scale-line"),
        TemplateProblem::WeightNotANumber(given) => {
            tr!(lang, "template-problem-weight-not-a-number", given = given)
        }
        TemplateProblem::InFile(text) => text.clone(),
    }
}
