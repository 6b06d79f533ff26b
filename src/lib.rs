//! retrobot: a Discord bot that runs team health-check retrospectives (vote on statements with
//! reactions, answer open questions in threads, get a summary). See `README.md`.

pub mod chart;
pub mod cli;
pub mod config;
pub mod discord;
pub mod domain;
pub mod i18n;
pub mod ingest;
pub mod invite;
pub mod logging;
pub mod ops;
pub mod scheduler;
pub mod store;
