//! The pure core of retrobot: templates, the retro state machine, vote rules, tallies, the
//! summary model, trends and history, action items, exports and duration parsing. Nothing
//! here talks to Discord, a database or a clock.

pub mod access;
pub mod action;
pub mod anonymous;
pub mod duration;
pub mod export;
pub mod ids;
pub mod live;
pub mod member;
pub mod member_text;
pub mod overview;
pub mod recurrence;
pub mod report;
pub mod retro;
pub mod schedule;
pub mod server_catalog;
pub mod settings;
pub mod summary;
pub mod tally;
pub mod template;
pub mod template_problem;
pub mod template_text;
pub mod template_translation;
pub mod text;
pub mod toml_location;
pub mod trend;
pub mod vote;
