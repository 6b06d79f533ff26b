//! Messages typed straight into an anonymous retro's question thread carry the author's name,
//! so they are never counted. The member is told why, once per thread: a plain message cannot
//! be answered ephemerally, so the bot replies to it in the thread, mentioning only its
//! author. That reply adds nothing others could not already see (the message it answers shows
//! who wrote it, and the reply quotes nothing), and the bot needs no permission to delete
//! members' messages. The author may delete their message themselves.

use std::sync::Arc;

use serenity::all::{
    ChannelId, CreateAllowedMentions, CreateMessage, Message, MessageReference, MessageType, Nonce,
};
use tracing::Instrument;

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::people;
use crate::i18n::Language;
use crate::tr;

/// If `message` was typed into an anonymous retro's thread by a member, makes sure they are
/// told it does not count and returns true (it must not become a reply).
pub fn refuse_direct_message(bot: &Arc<Bot>, message: &Message) -> bool {
    let thread = message.channel_id.domain();
    let Some((retro, _)) = bot
        .live
        .read()
        .expect("live index lock")
        .anonymous
        .thread(thread)
    else {
        return false;
    };
    if !people::is_member(bot, &message.author) {
        return true;
    }
    if !matches!(
        message.kind,
        MessageType::Regular | MessageType::InlineReply
    ) {
        return true;
    }
    let author = message.author.id;
    let first_time = bot
        .anonymous
        .told
        .lock()
        .expect("told lock")
        .insert((thread, author.domain()));
    if !first_time {
        return true;
    }
    // The member may delete their message at once: then the notice stands on its own.
    let reference =
        MessageReference::from((message.channel_id, message.id)).fail_if_not_exists(false);
    let fallback = message
        .guild_id
        .map_or(Language::English, |g| bot.languages.of(g.domain()));
    let typed = message.id.get();
    let bot = bot.clone();
    let span = tracing::info_span!("direct message in anonymous thread", %retro);
    tokio::spawn(
        async move {
            // Said in the thread, so in the retro's language.
            let lang = match bot.store.retro(retro).await {
                Ok(Some(found)) => language::of_retro(&found),
                _ => fallback,
            };
            let body = CreateMessage::new()
                .content(tr!(
                    lang,
                    "answer-typed-not-counted",
                    member = format!("<@{}>", author.get())
                ))
                .reference_message(reference)
                .allowed_mentions(CreateAllowedMentions::new().users([author]).replied_user(true))
                // One notice per typed message, even when a lost answer makes the post go out again.
                .nonce(Nonce::String(format!("n{typed}")))
                .enforce_nonce(true);
            let posted = bot.rest.create_message(ChannelId::from(thread), &body).await;
            if let Err(e) = posted {
                tracing::warn!(error = %e, "could not tell a member that typed messages do not count");
            }
        }
        .instrument(span),
    );
    true
}
