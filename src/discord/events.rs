//! Routing gateway events, in arrival order: reactions and thread messages become domain
//! changes for the writer, interactions go to command handlers, READY triggers command
//! registration and reconciliation.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use serenity::all::{Event, Message, MessageType, Reaction, ReactionType};
use tokio::sync::mpsc;
use tracing::Instrument;

use super::gateway::GatewayMessage;
use super::{anonymous, commands, reconcile, Bot, Identity};
use crate::domain::live::Change;
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;
use crate::domain::vote::Reactor;

/// Handles gateway messages until the gateway stops; returns why it stopped.
pub async fn dispatch(bot: Arc<Bot>, mut rx: mpsc::UnboundedReceiver<GatewayMessage>) -> String {
    let mut names = VoterNames::default();
    while let Some(message) = rx.recv().await {
        match message {
            GatewayMessage::Event(event, arrived) => handle(&bot, *event, arrived, &mut names),
            GatewayMessage::Stopped(reason) => return reason,
        }
    }
    "gateway channel closed".into()
}

/// The voters' names already sent to the writer, so a member voting on every statement is
/// named once (bounded: forgotten wholesale past [`VoterNames::MAX`] entries).
#[derive(Default)]
struct VoterNames {
    sent: HashMap<(RetroId, u64), String>,
}

impl VoterNames {
    const MAX: usize = 100_000;

    /// Whether `name` is new for this voter (and remembers it).
    fn is_new(&mut self, retro: RetroId, voter: u64, name: &str) -> bool {
        if self
            .sent
            .get(&(retro, voter))
            .is_some_and(|known| known == name)
        {
            return false;
        }
        if self.sent.len() >= Self::MAX {
            self.sent.clear();
        }
        self.sent.insert((retro, voter), name.to_string());
        true
    }
}

fn handle(bot: &Arc<Bot>, event: Event, arrived: Instant, names: &mut VoterNames) {
    bot.stats
        .events
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    match event {
        Event::Ready(ready) => {
            let ready = ready.ready;
            let identity = Identity {
                user_id: ready.user.id.get(),
                application_id: ready.application.id.get(),
            };
            let _ = bot.identity.set(identity);
            bot.rest.set_application_id(identity.application_id);
            tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), shard = ?ready.shard, "connected to Discord");
            // Hold the writer *now*, before any later event is queued, so reconciliation sees
            // a quiet store and the events that follow are applied on top of it.
            let hold = bot.ingest.hold();
            let bot = bot.clone();
            tokio::spawn(async move {
                reconcile::after_ready(&bot, hold).await;
            });
        }
        Event::ReactionAdd(e) => reaction(bot, &e.reaction, true, arrived, names),
        Event::ReactionRemove(e) => reaction(bot, &e.reaction, false, arrived, names),
        Event::MessageCreate(e) => message_written(bot, &e.message, arrived),
        Event::MessageUpdate(e) => {
            let (Some(content), Some(author)) = (e.content, e.author) else {
                return;
            };
            let live = bot.live.read().expect("live index lock");
            let change = live.reply(e.channel_id.get(), author.bot, |question| Reply {
                message_id: e.id.get(),
                question,
                author_id: author.id.get(),
                author_name: author
                    .global_name
                    .clone()
                    .unwrap_or_else(|| author.name.clone()),
                content,
            });
            if let Some(Change::ReplyWritten { retro, reply }) = change {
                let edit = Change::ReplyEdited {
                    retro,
                    message_id: reply.message_id,
                    content: reply.content,
                };
                bot.ingest.submit(edit, arrived);
            }
        }
        Event::MessageDelete(e) => {
            let change = bot
                .live
                .read()
                .expect("live index lock")
                .reply_deleted(e.channel_id.get(), e.message_id.get());
            if let Some(change) = change {
                bot.ingest.submit(change, arrived);
            }
        }
        Event::InteractionCreate(e) => {
            // Anonymous retros' buttons and modals are taken here, in arrival order.
            let Some(interaction) = anonymous::intercept(bot, e.interaction) else {
                return;
            };
            let bot = bot.clone();
            let span = tracing::info_span!("interaction", id = %interaction.id());
            tokio::spawn(commands::handle(bot, interaction).instrument(span));
        }
        Event::Resumed(_) => tracing::info!("gateway session resumed"),
        _ => {}
    }
}

fn reaction(bot: &Bot, reaction: &Reaction, added: bool, arrived: Instant, names: &mut VoterNames) {
    let ReactionType::Unicode(emoji) = &reaction.emoji else {
        return;
    };
    let Some(user_id) = reaction.user_id else {
        return;
    };
    let is_bot =
        user_id.get() == bot.user_id() || reaction.member.as_ref().is_some_and(|m| m.user.bot);
    let reactor = Reactor {
        user_id: user_id.get(),
        is_bot,
    };
    let change = bot.live.read().expect("live index lock").reaction(
        reaction.message_id.get(),
        reactor,
        emoji,
        added,
    );
    if let Some(change) = change {
        // The name the voter has in the server now, for exports (member objects come with
        // adds); sent once per voter unless it changes.
        let named = match (&change, &reaction.member) {
            (Change::MarkAdded { retro, voter, .. }, Some(member)) => {
                let name = member
                    .nick
                    .as_deref()
                    .or(member.user.global_name.as_deref())
                    .unwrap_or(&member.user.name);
                names
                    .is_new(*retro, *voter, name)
                    .then(|| Change::VoterNamed {
                        retro: *retro,
                        voter: *voter,
                        name: name.to_string(),
                    })
            }
            _ => None,
        };
        bot.ingest.submit(change, arrived);
        if let Some(named) = named {
            bot.ingest.submit(named, arrived);
        }
    }
}

fn message_written(bot: &Arc<Bot>, message: &Message, arrived: Instant) {
    if !matches!(
        message.kind,
        MessageType::Regular | MessageType::InlineReply
    ) {
        return;
    }
    if anonymous::refuse_direct_message(bot, message) {
        return;
    }
    let is_bot = message.author.bot || message.author.id.get() == bot.user_id();
    let change = bot.live.read().expect("live index lock").reply(
        message.channel_id.get(),
        is_bot,
        |question| reply_from_message(message, question),
    );
    if let Some(change) = change {
        bot.ingest.submit(change, arrived);
    }
}

/// A member's message in a question thread as a reply: the server nickname if known, and the
/// attachments' names when there is no text.
pub fn reply_from_message(message: &Message, question: usize) -> Reply {
    let author_name = message
        .member
        .as_ref()
        .and_then(|m| m.nick.clone())
        .or_else(|| message.author.global_name.clone())
        .unwrap_or_else(|| message.author.name.clone());
    let mut content = message.content.clone();
    if content.trim().is_empty() {
        let names: Vec<&str> = message
            .attachments
            .iter()
            .map(|a| a.filename.as_str())
            .collect();
        content = format!("(attachment: {})", names.join(", "));
    }
    Reply {
        message_id: message.id.get(),
        question,
        author_id: message.author.id.get(),
        author_name,
        content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_voter_is_named_once_until_the_name_changes() {
        let mut names = VoterNames::default();
        assert!(names.is_new(RetroId(1), 7, "Bob"));
        assert!(!names.is_new(RetroId(1), 7, "Bob"));
        assert!(names.is_new(RetroId(2), 7, "Bob"), "per retro");
        assert!(names.is_new(RetroId(1), 7, "Bobby"), "a new nickname");
        assert!(!names.is_new(RetroId(1), 7, "Bobby"));
    }
}
