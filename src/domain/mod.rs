//! The pure core of retrobot: templates, the retro state machine, vote rules, tallies, the
//! summary model, trends and history, action items, exports and duration parsing. Nothing
//! here talks to Discord, a database or a clock.

pub mod action;
pub mod anonymous;
pub mod duration;
pub mod export;
pub mod ids;
pub mod live;
pub mod overview;
pub mod recurrence;
pub mod report;
pub mod retro;
pub mod schedule;
pub mod summary;
pub mod tally;
pub mod template;
pub mod text;
pub mod trend;
pub mod vote;
