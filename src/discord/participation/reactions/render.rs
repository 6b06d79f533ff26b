//! How a named retro looks on Discord: the header's instructions, each statement as a message
//! to react to, and each question as the first message of its thread.

use serenity::all::{CreateAllowedMentions, CreateMessage};

use crate::discord::language;
use crate::domain::retro::Retro;
use crate::tr;

/// The header's "How to take part" for members who vote with reactions and reply in threads.
pub fn how_to_take_part(retro: &Retro) -> String {
    let template = &retro.template;
    let lang = language::of_retro(retro);
    let mut how = tr!(
        lang,
        "retro-how-named",
        statements = template.statements.len(),
        scale = template.scale.describe()
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
        .content(format!("{label}\n> {text}"))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The first message inside a question's thread: the full question.
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
    CreateMessage::new()
        .content(format!("{label}\n{text}\n\n{reply_here}"))
        .allowed_mentions(CreateAllowedMentions::new())
}
