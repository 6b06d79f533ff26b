//! How a named retro looks on Discord: the header's instructions, each statement as a message
//! to react to, and each question as the first message of its thread.

use serenity::all::{CreateAllowedMentions, CreateMessage};

use crate::discord::render::retro::item_text;
use crate::domain::retro::Retro;

/// The header's "How to take part" for members who vote with reactions and reply in threads.
pub fn how_to_take_part(retro: &Retro) -> String {
    let template = &retro.template;
    let mut how = format!(
        "**How to take part**\n• React to each of the {} statements below: {}. Your newest reaction counts; remove it to take your vote back.",
        template.statements.len(),
        template.scale.describe()
    );
    if !template.questions.is_empty() {
        how.push_str(&format!(
            "\n• Answer the {} open questions by replying in their threads.",
            template.questions.len()
        ));
    }
    how
}

/// The message members react to for statement `position`.
pub fn statement(retro: &Retro, position: usize) -> CreateMessage {
    let total = retro.template.statements.len();
    let text = &retro.template.statements[position];
    CreateMessage::new()
        .content(format!(
            "**Statement {} of {total}**\n{}",
            position + 1,
            item_text(text, true)
        ))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The first message inside a question's thread: the full question.
pub fn question(retro: &Retro, position: usize) -> CreateMessage {
    let total = retro.template.questions.len();
    let text = &retro.template.questions[position];
    CreateMessage::new()
        .content(format!(
            "**Open question {} of {total}**\n{}\n\n*Reply in this thread: every message here is an answer.*",
            position + 1,
            item_text(text, false)
        ))
        .allowed_mentions(CreateAllowedMentions::new())
}
