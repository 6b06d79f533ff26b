//! How an anonymous retro looks on Discord: the header's instructions, statements with one
//! button per scale option and a count of voters (never who), questions with an Answer button,
//! answers posted without their author, and the answer modal.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateMessage, CreateModal, EditMessage, ReactionType,
};

use crate::discord::language;
use crate::discord::render::answer_form::answer_form;
use crate::discord::render::retro::item_text;
use crate::domain::anonymous::ids::AnonymousComponent;
use crate::domain::member_text;
use crate::domain::retro::Retro;
use crate::domain::template::Template;
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::tr;

pub use crate::discord::render::answer_form::MAX_ANSWER_CHARS;
/// Characters of an answer's random token shown in its message, to find it after a crash.
pub const TOKEN_SHOWN: usize = 12;
/// Embed accent colour of posted answers.
const COLOUR: u32 = 0x5865F2;

/// The "How to take part" part of an anonymous retro's header.
pub fn how_to_take_part(template: &Template) -> String {
    let lang = Language::from_locale(&template.language);
    let mut how = tr!(
        lang,
        "anonymous-how",
        statements = template.statements.len(),
        scale = crate::discord::words::scale(lang, &template.scale)
    );
    if !template.questions.is_empty() {
        how.push('\n');
        how.push_str(&tr!(
            lang,
            "anonymous-how-questions",
            questions = template.questions.len()
        ));
    }
    how.push('\n');
    how.push_str(&lang.t("anonymous-how-nobody"));
    how
}

/// The text of statement `position` with how many have voted.
fn statement_text(retro: &Retro, position: usize, voters: u64, open: bool) -> String {
    let total = retro.template.statements.len();
    let text = &retro.template.statements[position];
    let lang = Language::from_locale(&retro.template.language);
    let state = if open {
        tr!(lang, "anonymous-voted", voters = voters)
    } else {
        tr!(lang, "anonymous-voting-closed", voters = voters)
    };
    let label = tr!(
        lang,
        "retro-statement",
        position = position + 1,
        total = total
    );
    format!("{label}\n{}\n{state}", item_text(text, true))
}

fn vote_buttons(retro: &Retro, position: usize, open: bool) -> Vec<CreateActionRow> {
    let buttons = retro
        .template
        .scale
        .options
        .iter()
        .enumerate()
        .map(|(option, choice)| {
            let id = AnonymousComponent::Vote {
                retro: retro.id,
                position,
                option,
            };
            CreateButton::new(id.custom_id())
                .style(ButtonStyle::Secondary)
                .emoji(ReactionType::Unicode(choice.emoji.clone()))
                .label(shorten(&choice.label, 80))
                .disabled(!open)
        })
        .collect();
    vec![CreateActionRow::Buttons(buttons)]
}

/// Statement `position` as first posted: no votes yet, buttons enabled.
pub fn statement(retro: &Retro, position: usize) -> CreateMessage {
    CreateMessage::new()
        .content(statement_text(retro, position, 0, true))
        .components(vote_buttons(retro, position, true))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// Statement `position` with `voters` votes; closed: buttons disabled.
pub fn statement_edit(retro: &Retro, position: usize, voters: u64, open: bool) -> EditMessage {
    EditMessage::new()
        .content(statement_text(retro, position, voters, open))
        .components(vote_buttons(retro, position, open))
}

fn question_text(retro: &Retro, position: usize, open: bool) -> String {
    let total = retro.template.questions.len();
    let text = &retro.template.questions[position];
    let lang = Language::from_locale(&retro.template.language);
    let how = if open {
        lang.t("anonymous-answer-here")
    } else {
        lang.t("anonymous-answers-closed")
    };
    let label = tr!(
        lang,
        "retro-question",
        position = position + 1,
        total = total
    );
    format!("{label}\n{}\n\n{how}", item_text(text, false))
}

fn answer_button(retro: &Retro, position: usize, open: bool) -> Vec<CreateActionRow> {
    let id = AnonymousComponent::Answer {
        retro: retro.id,
        question: position,
    };
    vec![CreateActionRow::Buttons(vec![CreateButton::new(
        id.custom_id(),
    )
    .style(ButtonStyle::Primary)
    .emoji(ReactionType::Unicode("✍️".into()))
    .label(language::of_retro(retro).t("retro-answer-button"))
    .disabled(!open)])]
}

/// The first message in question `position`'s thread, with its Answer button.
pub fn question(retro: &Retro, position: usize) -> CreateMessage {
    CreateMessage::new()
        .content(question_text(retro, position, true))
        .components(answer_button(retro, position, true))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The question message once the retro closed.
pub fn question_closed(retro: &Retro, position: usize) -> EditMessage {
    EditMessage::new()
        .content(question_text(retro, position, false))
        .components(answer_button(retro, position, false))
}

/// An answer as its embed shows it: inert, lines kept (at most [`MAX_ANSWER_CHARS`] typed, so
/// at most twice that once escaped: within the description limit).
pub fn answer_description(lang: Language, content: &str) -> String {
    let shown = member_text::block(content);
    if shown.is_empty() {
        lang.t("answer-empty")
    } else {
        crate::domain::text::shorten(&shown, crate::discord::render::limits::DESCRIPTION)
    }
}

fn answer_embed(lang: Language, content: &str, token: &str) -> CreateEmbed {
    CreateEmbed::new()
        .title(lang.t("answer-anonymous-title"))
        .description(answer_description(lang, content))
        .colour(COLOUR)
        .footer(CreateEmbedFooter::new(footer(token)))
}

/// The footer naming an answer's token (what a restart looks for in the thread).
pub fn footer(token: &str) -> String {
    format!("ref {}", &token[..TOKEN_SHOWN.min(token.len())])
}

/// An answer as the bot posts it in the thread (in the retro's language `lang`): no author,
/// only the text and its reference.
pub fn answer(lang: Language, content: &str, token: &str) -> CreateMessage {
    CreateMessage::new()
        .embed(answer_embed(lang, content, token))
        .allowed_mentions(CreateAllowedMentions::new())
}

pub fn answer_edit(lang: Language, content: &str, token: &str) -> EditMessage {
    EditMessage::new().embed(answer_embed(lang, content, token))
}

/// The answer modal for question `question` in the member's language, prefilled with their
/// current answer.
pub fn modal(lang: Language, retro: &Retro, question: usize, current: Option<&str>) -> CreateModal {
    let title = tr!(lang, "answer-form-title-anonymous", number = question + 1);
    answer_form(lang, retro, question, current, title)
}
