//! Where an anonymous retro's click or form came from: its custom id names a retro, and the
//! message it was on must be one of that retro's posted items in the same server (a statement
//! in the retro's channel, or a question's first message in that question's thread), posted
//! by the bot. Anything else is refused with words that reveal nothing of the named retro.

use std::sync::Arc;

use serenity::all::{GuildId, Interaction, Message};

use super::reply::{log_failure, Ack};
use crate::discord::access::not_found_in;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::domain::anonymous::ids::AnonymousComponent;
use crate::domain::retro::RetroId;
use crate::i18n::Language;

/// Takes the interaction back (answering it with a refusal) if it names an anonymous retro it
/// did not come from; returns it otherwise.
pub fn refuse_foreign(bot: &Arc<Bot>, interaction: Interaction) -> Option<Interaction> {
    let (custom_id, guild, message, locale, ack) = match &interaction {
        Interaction::Component(click) => (
            click.data.custom_id.as_str(),
            click.guild_id,
            Some(&*click.message),
            click.locale.as_str(),
            Ack {
                id: click.id,
                token: click.token.clone(),
            },
        ),
        Interaction::Modal(submit) => (
            submit.data.custom_id.as_str(),
            submit.guild_id,
            submit.message.as_deref(),
            submit.locale.as_str(),
            Ack {
                id: submit.id,
                token: submit.token.clone(),
            },
        ),
        _ => return Some(interaction),
    };
    let Some(component) = AnonymousComponent::parse(custom_id) else {
        return Some(interaction);
    };
    let (retro, question) = match component {
        AnonymousComponent::Vote { retro, .. } => (retro, None),
        AnonymousComponent::Answer { retro, question } => (retro, Some(question)),
    };
    if came_from(bot, retro, question, guild, message) {
        return Some(interaction);
    }
    tracing::warn!(%retro, interaction = %ack.id, "an anonymous retro's component used outside its messages; refused");
    let lang = Language::from_locale(locale);
    let bot = bot.clone();
    tokio::spawn(async move {
        let text = not_found_in(lang, "retro", retro.0);
        log_failure("a foreign component", ack.say(&bot, text).await);
    });
    None
}

/// Whether `message` is one of `retro`'s posted items in its own server: a statement (in the
/// retro's channel) when `question` is None, else that question's thread. A retro that is not
/// live any more is let through: its handlers answer that it is closed, naming nothing.
fn came_from(
    bot: &Bot,
    retro: RetroId,
    question: Option<usize>,
    guild: Option<GuildId>,
    message: Option<&Message>,
) -> bool {
    let live = bot.live.read().expect("live index lock");
    let Some(route) = live.anonymous.get(retro) else {
        return true;
    };
    let Some(message) = message else {
        return false;
    };
    let place = match question {
        None => Some(route.channel),
        Some(question) => live.anonymous.thread_of(retro, question),
    };
    guild.map(|g| g.domain()) == Some(route.guild)
        && message.author.id.domain() == bot.user_id()
        && Some(message.channel_id.domain()) == place
}
