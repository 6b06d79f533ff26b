//! Named retros: members vote by reacting to each statement and answer by replying in each
//! question's thread, under their own names. `events` turns gateway events into marks and
//! replies, `live` routes posted items, `reconcile` re-reads Discord, `summary` adds it up,
//! `render` draws the statements and questions.

pub mod answers;
pub mod events;
pub mod live;
pub mod reconcile;
pub mod render;
pub mod replies;
pub mod summary;
