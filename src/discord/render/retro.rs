//! The retro as members first see it: the header (what it is, who runs it, how to take part,
//! when it closes) and the thread name of a question. The statements and questions themselves
//! look different for each way of taking part (see `participation`).

use serenity::all::{CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage};

use super::message::{COLOUR, EMBED_TITLE_LIMIT, THREAD_NAME_LIMIT};
use crate::discord::language;
use crate::domain::retro::Retro;
use crate::domain::text::shorten;
use crate::tr;

/// The first message of a retro: what it is, who runs it, how to take part (`how`, which depends
/// on the way members take part), when it closes.
pub fn header(retro: &Retro, how: &str) -> CreateMessage {
    let template = &retro.template;
    let lang = language::of_retro(retro);
    let mut description = String::new();
    if !template.description.is_empty() {
        description.push_str(&template.description);
        description.push_str("\n\n");
    }
    description.push_str(how);
    let facilitator = format!("<@{}>", retro.facilitator_id);
    description.push_str("\n\n");
    description.push_str(&tr!(lang, "retro-facilitator", facilitator = facilitator));
    description.push('\n');
    match retro.closes_at {
        // Discord shows timestamps in each reader's own locale.
        Some(at) => description.push_str(&tr!(
            lang,
            "retro-closes-at",
            relative = format!("<t:{}:R>", at.timestamp()),
            absolute = format!("<t:{}:f>", at.timestamp()),
        )),
        None => description.push_str(&lang.t("retro-closes-by-hand")),
    }
    let embed = CreateEmbed::new()
        .title(shorten(&retro.display_name(), EMBED_TITLE_LIMIT))
        .description(description)
        .colour(COLOUR)
        .footer(CreateEmbedFooter::new(tr!(
            lang,
            "retro-footer",
            id = retro.id.to_string()
        )));
    CreateMessage::new()
        .embed(embed)
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The thread name for question `position`: the question, shortened to Discord's limit.
pub fn thread_name(question: &str) -> String {
    shorten(question, THREAD_NAME_LIMIT)
}
