//! What the running bot keeps in memory for anonymous retros: each member's lane, the queue of
//! "N have voted" edits, and who was already told that typed messages do not count.

use std::collections::HashSet;
use std::sync::Mutex;

use super::counts::CountBoard;
use super::lanes::Lanes;
use crate::domain::ids::{ChannelId, MemberId};

/// The anonymous side of the running bot.
#[derive(Default)]
pub struct ButtonsState {
    /// Keeps each member's clicks and submissions in the order they arrived.
    pub lanes: Lanes,
    /// Debounced edits of the statements' "N have voted" lines.
    pub counts: CountBoard,
    /// (thread, member) pairs already told that typed messages do not count (in memory only).
    pub told: Mutex<HashSet<(ChannelId, MemberId)>>,
}
