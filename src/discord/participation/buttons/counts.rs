//! The statements of an anonymous retro show how many have voted. Every click queues its
//! statement here; one task edits each queued message once, with the count as it is when the
//! edit goes out, and at most one edit per channel every `EDIT_GAP`. A burst of clicks thus
//! becomes a few edits instead of hitting Discord's per-channel limits. Closing queues every
//! statement and question once more, to show them closed.

use std::sync::Mutex;

use tokio::sync::mpsc;

use crate::domain::ids::{ChannelId, MessageId};
use crate::domain::retro::{ItemKind, Retro, RetroId};
use crate::store::RetroItem;

/// A message whose count (or closed state) must be shown again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Statement {
        retro: RetroId,
        position: usize,
        channel: ChannelId,
        message: MessageId,
    },
    Question {
        retro: RetroId,
        question: usize,
        channel: ChannelId,
        message: MessageId,
    },
}

impl Target {
    pub fn channel(self) -> ChannelId {
        match self {
            Target::Statement { channel, .. } | Target::Question { channel, .. } => channel,
        }
    }
}

/// The queue of messages to refresh.
pub struct CountBoard {
    tx: mpsc::UnboundedSender<Target>,
    rx: Mutex<Option<mpsc::UnboundedReceiver<Target>>>,
}

impl Default for CountBoard {
    fn default() -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        CountBoard {
            tx,
            rx: Mutex::new(Some(rx)),
        }
    }
}

impl CountBoard {
    /// Queues a refresh of `target` (merged with one already queued).
    pub fn touch(&self, target: Target) {
        let _ = self.tx.send(target);
    }

    /// Queues every statement and question of `retro`.
    pub fn refresh_all(&self, retro: &Retro, items: &[RetroItem]) {
        for item in items {
            let target = match (item.kind, item.message_id, item.thread_id) {
                (ItemKind::Statement, Some(message), _) => Target::Statement {
                    retro: retro.id,
                    position: item.position,
                    channel: retro.channel_id,
                    message,
                },
                (ItemKind::Question, Some(message), Some(thread)) => Target::Question {
                    retro: retro.id,
                    question: item.position,
                    channel: thread,
                    message,
                },
                _ => continue,
            };
            self.touch(target);
        }
    }

    /// The receiving end, for the one editing task (`None` once taken).
    pub fn take_receiver(&self) -> Option<mpsc::UnboundedReceiver<Target>> {
        self.rx.lock().expect("count board lock").take()
    }
}
