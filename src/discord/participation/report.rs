//! What reconciling a retro with Discord changed, and why it could fail: the same for every
//! way of taking part.

use crate::discord::rest::RestError;
use crate::store::StoreError;

/// What a reconciliation changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReconcileReport {
    pub marks_added: usize,
    pub marks_removed: usize,
    pub replies_written: usize,
    pub replies_removed: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ReconcileError {
    #[error(transparent)]
    Discord(#[from] RestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl std::ops::AddAssign for ReconcileReport {
    fn add_assign(&mut self, part: ReconcileReport) {
        self.marks_added += part.marks_added;
        self.marks_removed += part.marks_removed;
        self.replies_written += part.replies_written;
        self.replies_removed += part.replies_removed;
    }
}
