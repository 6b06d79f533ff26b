//! How a named retro looks on Discord: the header's instructions, each statement as a message
//! to react to, each question as the first message of its thread with its Answer button, the
//! answer form, and a form answer as the bot posts it ("**Name** answered: …", the member's
//! text neutralised so it cannot ping or hide a link).

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateMessage, CreateModal,
    EditMessage,
};

use crate::discord::language;
use crate::discord::render::answer_form::answer_form;
use crate::discord::render::retro::item_text;
use crate::domain::anonymous::ids::AnonymousComponent;
use crate::domain::member_text;
use crate::domain::retro::Retro;
use crate::domain::text::shorten;
use crate::i18n::Language;

/// Discord's limit on a message's content.
const MAX_CONTENT_CHARS: usize = 2_000;
use crate::tr;

/// The header's "How to take part" for members who vote with reactions and reply in threads.
pub fn how_to_take_part(retro: &Retro) -> String {
    let template = &retro.template;
    let lang = language::of_retro(retro);
    let mut how = tr!(
        lang,
        "retro-how-named",
        statements = template.statements.len(),
        scale = crate::discord::words::scale(lang, &template.scale)
    );
    if !template.questions.is_empty() {
        how.push('\n');
        how.push_str(&tr!(
            lang,
            "retro-how-named-questions",
            questions = template.questions.len()
        ));
    }
    how
}

/// The message members react to for statement `position`.
pub fn statement(retro: &Retro, position: usize) -> CreateMessage {
    let total = retro.template.statements.len();
    let text = &retro.template.statements[position];
    let lang = language::of_retro(retro);
    let label = tr!(
        lang,
        "retro-statement",
        position = position + 1,
        total = total
    );
    CreateMessage::new()
        .content(format!("{label}\n{}", item_text(text, true)))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The first message inside a question's thread: the full question and its Answer button.
pub fn question(retro: &Retro, position: usize) -> CreateMessage {
    let total = retro.template.questions.len();
    let text = &retro.template.questions[position];
    let lang = language::of_retro(retro);
    let label = tr!(
        lang,
        "retro-question",
        position = position + 1,
        total = total
    );
    let reply_here = lang.t("retro-question-reply-here");
    let id = AnonymousComponent::Answer {
        retro: retro.id,
        question: position,
    };
    let button = CreateButton::new(id.custom_id())
        .label(lang.t("retro-answer-button"))
        .style(ButtonStyle::Primary);
    CreateMessage::new()
        .content(format!(
            "{label}\n{}\n\n{reply_here}",
            item_text(text, false)
        ))
        .components(vec![CreateActionRow::Buttons(vec![button])])
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The answer form for question `question` in the member's language, prefilled with their
/// current answer.
pub fn modal(lang: Language, retro: &Retro, question: usize, current: Option<&str>) -> CreateModal {
    let title = tr!(lang, "answer-form-title-named", number = question + 1);
    answer_form(lang, retro, question, current, title)
}

/// A member's form answer as the bot posts it in the question's thread, in the retro's
/// language `lang`.
pub fn form_answer(lang: Language, name: &str, text: &str) -> CreateMessage {
    CreateMessage::new()
        .content(form_answer_text(lang, name, text))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The same, replacing an earlier post.
pub fn form_answer_edit(lang: Language, name: &str, text: &str) -> EditMessage {
    EditMessage::new()
        .content(form_answer_text(lang, name, text))
        .allowed_mentions(CreateAllowedMentions::new())
}

fn form_answer_text(lang: Language, name: &str, text: &str) -> String {
    let quoted: Vec<String> = text
        .lines()
        .map(|line| format!("> {}", member_text::escape_line(line)))
        .collect();
    let answered = tr!(lang, "answer-named-post", name = member_text::inline(name));
    let whole = format!("{answered}\n{}", quoted.join("\n"));
    shorten(&whole, MAX_CONTENT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_answer_names_its_author_and_cannot_mask_links_or_format() {
        let text = form_answer_text(
            Language::English,
            "Bob_*",
            "see [here](https://evil.example) <@1> @everyone",
        );
        assert!(text.starts_with("**Bob\\_\\*** answered:\n> "), "{text}");
        assert!(!text.contains("[here]("), "{text}");
        assert!(text.contains("\\[here\\](https"), "{text}");
        assert!(
            !text.contains("<@1>") && !text.contains(" @everyone"),
            "{text}"
        );
    }

    #[test]
    fn a_long_answer_fits_one_message() {
        let text = form_answer_text(Language::English, "Ann", &"*".repeat(1_500));
        assert!(text.chars().count() <= MAX_CONTENT_CHARS);
    }
}
