//! A named retro's gateway events: a reaction on a statement becomes a mark (added or
//! removed), a message in a question thread a reply (written, edited or deleted). Each becomes
//! a domain change for the writer, in arrival order; who counts is `people::reactor`'s rule.

use std::collections::HashMap;
use std::time::Instant;

use serenity::all::{
    Message, MessageDeleteEvent, MessageType, MessageUpdateEvent, Reaction, ReactionType,
};

use super::replies::reply_from_message;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::people;
use crate::domain::ids::MemberId;
use crate::domain::live::Change;
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;
use crate::domain::vote::Reactor;

/// The voters' names already sent to the writer, so a member voting on every statement is
/// named once (bounded: forgotten wholesale past [`VoterNames::MAX`] entries).
#[derive(Default)]
pub struct VoterNames {
    sent: HashMap<(RetroId, MemberId), String>,
}

impl VoterNames {
    const MAX: usize = 100_000;

    /// Whether `name` is new for this voter (and remembers it).
    fn is_new(&mut self, retro: RetroId, voter: MemberId, name: &str) -> bool {
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

/// A reaction added or removed on any message: a mark when it is on a live statement.
pub fn on_reaction(
    bot: &Bot,
    reaction: &Reaction,
    added: bool,
    arrived: Instant,
    names: &mut VoterNames,
) {
    let ReactionType::Unicode(emoji) = &reaction.emoji else {
        return;
    };
    let Some(user_id) = reaction.user_id else {
        return;
    };
    let flagged_bot = reaction.member.as_ref().is_some_and(|m| m.user.bot);
    let reactor = Reactor::new(user_id.domain(), flagged_bot, bot.user_id());
    let change = bot.live.read().expect("live index lock").reaction(
        reaction.message_id.domain(),
        reactor,
        emoji,
        added,
    );
    let Some(change) = change else {
        return;
    };
    // The name the voter has in the server now, for exports (member objects come with adds);
    // sent once per voter unless it changes.
    let named = match (&change, &reaction.member) {
        (Change::MarkAdded { retro, voter, .. }, Some(member)) => {
            let name = people::name_of(&member.user, member.nick.as_deref());
            names
                .is_new(*retro, *voter, &name)
                .then_some(Change::VoterNamed {
                    retro: *retro,
                    voter: *voter,
                    name,
                })
        }
        _ => None,
    };
    bot.ingest.submit(change, arrived);
    if let Some(named) = named {
        bot.ingest.submit(named, arrived);
    }
}

/// A message written anywhere: a reply when it is a member's, in a live question thread (and
/// its text can be read: without Message Content, answers come through the Answer button).
pub fn on_message(bot: &Bot, message: &Message, arrived: Instant) {
    if !bot.message_content_granted() {
        return;
    }
    if !matches!(
        message.kind,
        MessageType::Regular | MessageType::InlineReply
    ) {
        return;
    }
    let is_bot = !people::is_member(bot, &message.author);
    let change = bot.live.read().expect("live index lock").reply(
        message.channel_id.domain(),
        is_bot,
        |question| reply_from_message(message, question),
    );
    if let Some(change) = change {
        bot.ingest.submit(change, arrived);
    }
}

/// A message edited anywhere: the reply's new text when it is one.
pub fn on_message_edit(bot: &Bot, event: MessageUpdateEvent, arrived: Instant) {
    let (Some(content), Some(author)) = (event.content, event.author) else {
        return;
    };
    let is_bot = !people::is_member(bot, &author);
    let live = bot.live.read().expect("live index lock");
    let change = live.reply(event.channel_id.domain(), is_bot, |question| Reply {
        message_id: event.id.domain(),
        question,
        author_id: author.id.domain(),
        author_name: people::name_of(&author, None),
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

/// A message deleted anywhere: the reply is removed when it was one.
pub fn on_message_delete(bot: &Bot, event: &MessageDeleteEvent, arrived: Instant) {
    let change = bot
        .live
        .read()
        .expect("live index lock")
        .reply_deleted(event.channel_id.domain(), event.message_id.domain());
    if let Some(change) = change {
        bot.ingest.submit(change, arrived);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::MemberId;

    #[test]
    fn a_voter_is_named_once_until_the_name_changes() {
        let mut names = VoterNames::default();
        assert!(names.is_new(RetroId(1), MemberId(7), "Bob"));
        assert!(!names.is_new(RetroId(1), MemberId(7), "Bob"));
        assert!(names.is_new(RetroId(2), MemberId(7), "Bob"), "per retro");
        assert!(
            names.is_new(RetroId(1), MemberId(7), "Bobby"),
            "a new nickname"
        );
        assert!(!names.is_new(RetroId(1), MemberId(7), "Bobby"));
    }
}
