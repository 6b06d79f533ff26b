//! The live routing table: which Discord messages and threads belong to a retro that still takes
//! input, and the rules that turn a member's reaction or reply into a recorded change.

use std::collections::HashMap;
use std::sync::Arc;

use super::anonymous::routes::AnonymousRoutes;
use super::retro::RetroId;
use super::summary::Reply;
use super::template::Scale;
use super::vote::{counted_option, Reactor};
use crate::domain::ids::{ChannelId, MemberId, MessageId};

/// A change to what members have said in a retro, in the order it happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A member added a reaction on the scale to a statement (`seq` orders it).
    MarkAdded {
        retro: RetroId,
        position: usize,
        voter: MemberId,
        option: usize,
    },
    /// A member removed such a reaction.
    MarkRemoved {
        retro: RetroId,
        position: usize,
        voter: MemberId,
        option: usize,
    },
    /// A reply was written or edited in a question's thread.
    ReplyWritten { retro: RetroId, reply: Reply },
    /// A reply's text was edited (ignored if the reply is not known).
    ReplyEdited {
        retro: RetroId,
        message_id: MessageId,
        content: String,
    },
    /// A reply was deleted.
    ReplyDeleted {
        retro: RetroId,
        message_id: MessageId,
    },
    /// The name a voter had in the server when their vote arrived (for exports).
    VoterNamed {
        retro: RetroId,
        voter: MemberId,
        name: String,
    },
}

impl Change {
    pub fn retro(&self) -> RetroId {
        match self {
            Change::MarkAdded { retro, .. }
            | Change::MarkRemoved { retro, .. }
            | Change::ReplyWritten { retro, .. }
            | Change::ReplyEdited { retro, .. }
            | Change::ReplyDeleted { retro, .. }
            | Change::VoterNamed { retro, .. } => *retro,
        }
    }

    /// What kind of change this is, for logs (never its content).
    pub fn kind(&self) -> &'static str {
        match self {
            Change::MarkAdded { .. } => "mark added",
            Change::MarkRemoved { .. } => "mark removed",
            Change::ReplyWritten { .. } => "reply written",
            Change::ReplyEdited { .. } => "reply edited",
            Change::ReplyDeleted { .. } => "reply deleted",
            Change::VoterNamed { .. } => "voter named",
        }
    }
}

#[derive(Clone, Debug)]
struct StatementRoute {
    retro: RetroId,
    position: usize,
    scale: Arc<Scale>,
}

/// Message and thread ids of the retros that accept input, for routing gateway events.
#[derive(Clone, Debug, Default)]
pub struct LiveRetros {
    statements: HashMap<MessageId, StatementRoute>,
    threads: HashMap<ChannelId, (RetroId, usize)>,
    /// Live anonymous retros: their buttons and threads are routed by `discord::anonymous`.
    pub anonymous: AnonymousRoutes,
}

impl LiveRetros {
    /// Routes reactions on `message_id` to statement `position` of `retro`.
    pub fn add_statement(
        &mut self,
        retro: RetroId,
        position: usize,
        message_id: MessageId,
        scale: Arc<Scale>,
    ) {
        self.statements.insert(
            message_id,
            StatementRoute {
                retro,
                position,
                scale,
            },
        );
    }

    /// Routes messages in `thread_id` to question `question` of `retro`.
    pub fn add_question(&mut self, retro: RetroId, question: usize, thread_id: ChannelId) {
        self.threads.insert(thread_id, (retro, question));
    }

    /// Stops routing anything to `retro` (it is closing, closed or failed).
    pub fn remove(&mut self, retro: RetroId) {
        self.statements.retain(|_, route| route.retro != retro);
        self.threads.retain(|_, (r, _)| *r != retro);
        self.anonymous.remove(retro);
    }

    pub fn contains(&self, retro: RetroId) -> bool {
        self.statements.values().any(|r| r.retro == retro)
            || self.threads.values().any(|(r, _)| *r == retro)
            || self.anonymous.contains(retro)
    }

    /// The change a reaction makes, or `None` if it does not count (not a live statement, not on
    /// the scale, or a bot).
    pub fn reaction(
        &self,
        message_id: MessageId,
        reactor: Reactor,
        emoji: &str,
        added: bool,
    ) -> Option<Change> {
        let route = self.statements.get(&message_id)?;
        let option = counted_option(&route.scale, reactor, emoji)?;
        let (retro, position, voter) = (route.retro, route.position, reactor.user_id);
        Some(if added {
            Change::MarkAdded {
                retro,
                position,
                voter,
                option,
            }
        } else {
            Change::MarkRemoved {
                retro,
                position,
                voter,
                option,
            }
        })
    }

    /// The change a new or edited message makes, or `None` if it is not a member's reply in a
    /// live question thread.
    pub fn reply(
        &self,
        channel_id: ChannelId,
        author_is_bot: bool,
        reply: impl FnOnce(usize) -> Reply,
    ) -> Option<Change> {
        if author_is_bot {
            return None;
        }
        let (retro, question) = *self.threads.get(&channel_id)?;
        Some(Change::ReplyWritten {
            retro,
            reply: reply(question),
        })
    }

    /// The thread of question `question` of `retro`, while the retro takes replies.
    pub fn question_thread(&self, retro: RetroId, question: usize) -> Option<ChannelId> {
        self.threads
            .iter()
            .find(|(_, route)| **route == (retro, question))
            .map(|(thread, _)| *thread)
    }

    /// The change a deleted message makes, if it was in a live question thread.
    pub fn reply_deleted(&self, channel_id: ChannelId, message_id: MessageId) -> Option<Change> {
        let (retro, _) = *self.threads.get(&channel_id)?;
        Some(Change::ReplyDeleted { retro, message_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChannelId, MemberId, MessageId};

    fn member(id: u64) -> Reactor {
        Reactor {
            user_id: MemberId(id),
            is_bot: false,
        }
    }

    #[test]
    fn routes_only_live_items_and_counted_reactions() {
        let mut live = LiveRetros::default();
        let scale = Arc::new(Scale::thumbs());
        live.add_statement(RetroId(1), 2, MessageId(500), scale.clone());
        live.add_question(RetroId(1), 0, ChannelId(900));
        assert_eq!(
            live.reaction(MessageId(500), member(7), "👎", true),
            Some(Change::MarkAdded {
                retro: RetroId(1),
                position: 2,
                voter: MemberId(7),
                option: 1
            })
        );
        assert_eq!(
            live.reaction(MessageId(500), member(7), "👍", false),
            Some(Change::MarkRemoved {
                retro: RetroId(1),
                position: 2,
                voter: MemberId(7),
                option: 0
            })
        );
        assert_eq!(live.reaction(MessageId(500), member(7), "🎉", true), None);
        assert_eq!(
            live.reaction(
                MessageId(500),
                Reactor {
                    user_id: MemberId(3),
                    is_bot: true
                },
                "👍",
                true
            ),
            None
        );
        assert_eq!(live.reaction(MessageId(501), member(7), "👍", true), None);

        let reply = |question| Reply {
            message_id: MessageId(42),
            question,
            author_id: MemberId(7),
            author_name: "Bob".into(),
            content: "Slack".into(),
        };
        assert!(matches!(
            live.reply(ChannelId(900), false, reply),
            Some(Change::ReplyWritten { .. })
        ));
        assert_eq!(live.reply(ChannelId(900), true, reply), None);
        assert_eq!(live.reply(ChannelId(901), false, reply), None);
        assert!(live.reply_deleted(ChannelId(900), MessageId(42)).is_some());

        assert!(live.contains(RetroId(1)));
        live.remove(RetroId(1));
        assert!(!live.contains(RetroId(1)));
        assert_eq!(live.reaction(MessageId(500), member(7), "👍", true), None);
        assert_eq!(live.reply_deleted(ChannelId(900), MessageId(42)), None);
    }
}
