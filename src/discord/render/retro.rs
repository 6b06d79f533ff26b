//! The retro as members first see it: the header (what it is, who runs it, how to take part,
//! when it closes) and the thread name of a question. The statements and questions themselves
//! look different for each way of taking part (see `participation`).

use serenity::all::{CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage};

use super::message::{COLOUR, EMBED_TITLE_LIMIT, THREAD_NAME_LIMIT};
use crate::discord::language;
use crate::domain::member_text;
use crate::domain::retro::Retro;
use crate::domain::text::{discord_len, shorten};
use crate::tr;

/// Room for a statement's or question's text in its message (the content limit less the bot's
/// own words around it).
const ITEM_ROOM: usize = super::message::CONTENT_LIMIT - 400;
/// Room for a template's description in the header, which shares its message's 6,000 units
/// with the instructions and the open actions.
const DESCRIPTION_ROOM: usize = 2_000;

/// A template's statement or question as its message shows it: inert (quoted when `quote`),
/// and shortened in the rare case that escaping made it longer than the message allows.
pub fn item_text(text: &str, quote: bool) -> String {
    let shown = if quote {
        member_text::quoted(text, ITEM_ROOM)
    } else {
        member_text::block(text)
    };
    if discord_len(&shown) <= ITEM_ROOM {
        return shown;
    }
    let short = member_text::inline_within(text, ITEM_ROOM - 2);
    if quote {
        format!("> {short}")
    } else {
        short
    }
}

/// The first message of a retro: what it is, who runs it, how to take part (`how`, which depends
/// on the way members take part), when it closes.
pub fn header(retro: &Retro, how: &str) -> CreateMessage {
    let template = &retro.template;
    let lang = language::of_retro(retro);
    let mut description = String::new();
    if !template.description.is_empty() {
        description.push_str(&shorten(
            &member_text::block(&template.description),
            DESCRIPTION_ROOM,
        ));
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
        .title(member_text::inline_within(
            &retro.display_name(),
            EMBED_TITLE_LIMIT,
        ))
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

/// The thread name for question `position`: the question, shortened to Discord's limit (thread
/// names show no markdown, so the text stays as written).
pub fn thread_name(question: &str) -> String {
    shorten(question, THREAD_NAME_LIMIT)
}
