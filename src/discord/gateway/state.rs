//! What the rest of the bot may know of the gateway connection: its current shard manager
//! (replaced when the gateway reconnects without Message Content) and whether Discord granted
//! the Message Content intent (so replies typed in threads can be read).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use serenity::all::ShardManager;

/// Shared between the gateway thread and the bot.
#[derive(Default)]
pub struct GatewayState {
    shard_manager: RwLock<Option<Arc<ShardManager>>>,
    message_content: AtomicBool,
}

impl GatewayState {
    /// The shard manager of the running gateway client, once one is built.
    pub fn shard_manager(&self) -> Option<Arc<ShardManager>> {
        self.shard_manager
            .read()
            .expect("shard manager lock")
            .clone()
    }

    pub(super) fn set_shard_manager(&self, manager: Arc<ShardManager>) {
        *self.shard_manager.write().expect("shard manager lock") = Some(manager);
    }

    /// Whether the gateway connected with Message Content (replies typed in threads are read).
    pub fn message_content_granted(&self) -> bool {
        self.message_content.load(Ordering::Relaxed)
    }

    pub(super) fn set_message_content(&self, granted: bool) {
        self.message_content.store(granted, Ordering::Relaxed);
    }
}
