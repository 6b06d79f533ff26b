//! The template form (a Discord modal): its custom ids (`template:create`,
//! `template:edit:<key>`), its five text inputs, prefilled for an edit, and the member's text
//! read back from a submit. Its title, labels and examples are in the member's language.

use serenity::all::{
    ActionRowComponent, CreateActionRow, CreateInputText, CreateModal, InputTextStyle,
    ModalInteraction,
};

use crate::domain::template::MAX_NAME_CHARS;
use crate::domain::template_text::TemplateText;
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::tr;

/// What every custom id of this form starts with.
const PREFIX: &str = "template:";
/// Discord's limit for one text input's value.
pub const MAX_INPUT_CHARS: usize = 4_000;
/// Discord's limit for a form's title and an input's label.
const MAX_LABEL_CHARS: usize = 45;

const NAME: &str = "name";
const DESCRIPTION: &str = "description";
const STATEMENTS: &str = "statements";
const QUESTIONS: &str = "questions";
const SCALE: &str = "scale";

/// What a submitted form is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormPurpose {
    Create,
    Edit(String),
}

impl FormPurpose {
    pub fn custom_id(&self) -> String {
        match self {
            FormPurpose::Create => format!("{PREFIX}create"),
            FormPurpose::Edit(key) => format!("{PREFIX}edit:{key}"),
        }
    }

    /// The purpose of a modal's custom id; `None` for every other modal.
    pub fn parse(custom_id: &str) -> Option<FormPurpose> {
        let rest = custom_id.strip_prefix(PREFIX)?;
        match rest.split_once(':') {
            None if rest == "create" => Some(FormPurpose::Create),
            Some(("edit", key)) if !key.is_empty() => Some(FormPurpose::Edit(key.to_string())),
            _ => None,
        }
    }
}

/// Whether `text` fits in one input of the form (an edit of a longer template must go through
/// export and import).
pub fn fits(text: &TemplateText) -> bool {
    [
        &text.name,
        &text.description,
        &text.statements,
        &text.questions,
        &text.scale,
    ]
    .iter()
    .all(|field| field.chars().count() <= MAX_INPUT_CHARS)
}

/// The form in `lang`, empty (create) or holding `current` (edit).
pub fn modal(purpose: &FormPurpose, current: Option<&TemplateText>, lang: Language) -> CreateModal {
    let input = |style, label: &str, id: &str, value: Option<&String>| {
        let label = shorten(&lang.t(label), MAX_LABEL_CHARS);
        let mut input = CreateInputText::new(style, label, id).max_length(MAX_INPUT_CHARS as u16);
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            input = input.value(value.clone());
        }
        input
    };
    let name = input(
        InputTextStyle::Short,
        "team-template-form-name",
        NAME,
        current.map(|c| &c.name),
    )
    .max_length(MAX_NAME_CHARS as u16)
    .placeholder(lang.t("team-template-form-name-example"));
    let description = input(
        InputTextStyle::Paragraph,
        "team-template-form-description",
        DESCRIPTION,
        current.map(|c| &c.description),
    )
    .required(false);
    let statements = input(
        InputTextStyle::Paragraph,
        "team-template-form-statements",
        STATEMENTS,
        current.map(|c| &c.statements),
    )
    .placeholder(lang.t("team-template-form-statements-example"));
    let questions = input(
        InputTextStyle::Paragraph,
        "team-template-form-questions",
        QUESTIONS,
        current.map(|c| &c.questions),
    )
    .required(false);
    let scale = input(
        InputTextStyle::Paragraph,
        "team-template-form-scale",
        SCALE,
        current.map(|c| &c.scale),
    )
    .placeholder(lang.t("team-template-form-scale-example"))
    .required(false);
    let title = match purpose {
        FormPurpose::Create => lang.t("team-template-form-new"),
        FormPurpose::Edit(key) => tr!(lang, "team-template-form-edit", key = key),
    };
    CreateModal::new(purpose.custom_id(), shorten(&title, MAX_LABEL_CHARS)).components(vec![
        CreateActionRow::InputText(name),
        CreateActionRow::InputText(description),
        CreateActionRow::InputText(statements),
        CreateActionRow::InputText(questions),
        CreateActionRow::InputText(scale),
    ])
}

/// The text the member typed into the form.
pub fn submitted(submit: &ModalInteraction) -> TemplateText {
    let mut text = TemplateText::default();
    let inputs = submit
        .data
        .components
        .iter()
        .flat_map(|row| &row.components);
    for component in inputs {
        let ActionRowComponent::InputText(input) = component else {
            continue;
        };
        let value = input.value.clone().unwrap_or_default();
        match input.custom_id.as_str() {
            NAME => text.name = value,
            DESCRIPTION => text.description = value,
            STATEMENTS => text.statements = value,
            QUESTIONS => text.questions = value,
            SCALE => text.scale = value,
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_and_other_modals_are_not_taken() {
        for purpose in [FormPurpose::Create, FormPurpose::Edit("team-pulse".into())] {
            assert_eq!(FormPurpose::parse(&purpose.custom_id()), Some(purpose));
        }
        assert_eq!(FormPurpose::parse("retro:5:answer:1"), None);
        assert_eq!(FormPurpose::parse("template:edit:"), None);
        assert_eq!(FormPurpose::parse("template:delete:x"), None);
    }

    #[test]
    fn every_language_labels_the_form_within_discords_limits() {
        for lang in Language::ALL {
            let form = serde_json::to_value(modal(&FormPurpose::Create, None, lang)).unwrap();
            let title = form["title"].as_str().unwrap();
            assert_eq!(title, lang.t("team-template-form-new"));
            let inputs: Vec<&serde_json::Value> = form["components"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| &row["components"][0])
                .collect();
            assert_eq!(inputs.len(), 5);
            for input in inputs {
                let label = input["label"].as_str().unwrap();
                // Not cut short: the whole label fits.
                assert!(
                    label.chars().count() <= MAX_LABEL_CHARS && !label.ends_with('…'),
                    "{lang:?}: {label}"
                );
                let placeholder = input["placeholder"].as_str().unwrap_or_default();
                assert!(
                    placeholder.chars().count() <= 100,
                    "{lang:?}: {placeholder}"
                );
            }
        }
        let german = serde_json::to_value(modal(&FormPurpose::Create, None, Language::German));
        assert_eq!(german.unwrap()["title"], "Neue Health-Check-Vorlage");
    }
}
