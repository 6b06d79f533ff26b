//! The form a member answers a question in, for both ways of taking part: one paragraph field,
//! prefilled with their current answer; an empty form withdraws it.

use serenity::all::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};

use crate::domain::anonymous::ids::{AnonymousComponent, ANSWER_INPUT};
use crate::domain::retro::Retro;
use crate::domain::text::shorten;
use crate::i18n::Language;

/// Longest answer accepted in the form (keeps summaries and thread posts readable).
pub const MAX_ANSWER_CHARS: u16 = 1_500;

/// The answer form for question `question` of `retro`, titled `title`, prefilled with `current`,
/// its field labelled in the member's language `lang`.
pub fn answer_form(
    lang: Language,
    retro: &Retro,
    question: usize,
    current: Option<&str>,
    title: String,
) -> CreateModal {
    let id = AnonymousComponent::Answer {
        retro: retro.id,
        question,
    };
    let mut input = CreateInputText::new(
        InputTextStyle::Paragraph,
        lang.t("answer-form-label"),
        ANSWER_INPUT,
    )
    .placeholder(shorten(&retro.template.questions[question], 100))
    .max_length(MAX_ANSWER_CHARS)
    .required(false);
    if let Some(current) = current {
        input = input.value(current);
    }
    CreateModal::new(id.custom_id(), title).components(vec![CreateActionRow::InputText(input)])
}
