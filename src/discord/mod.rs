//! The Discord adapter: the only place that uses serenity. Read it top-down:
//!
//! 1. `run` starts everything; `bot` is the state every part shares.
//! 2. `gateway` is what comes in: the connection, the routing of each event in arrival order,
//!    and what happens after READY.
//! 3. `participation` is how members take part: `reactions` (👍/👎 and thread replies) or
//!    `buttons` (anonymous buttons and forms). It is the one place that chooses between them.
//! 4. `commands` is `/retro …`: each subcommand defined next to its handler.
//! 5. `flows` is the life cycle: start, post, reconcile, remind, close, the scheduler's jobs,
//!    cleanup after a failed start, and the leases that keep work single.
//! 6. `render` turns domain values into messages; `rest` is the only HTTP to Discord.
//! 7. `server` is one server's view: its settings in force and the templates it can use.
//!
//! One 👍 travels: `gateway::events` → `participation::reactions::events` (a domain change)
//! → the writer in `crate::ingest` → `crate::store`; at close `flows::close` reconciles,
//! tallies (`crate::domain::tally`) and posts what `render::summary` made of it.

pub mod access;
pub mod bot;
pub mod commands;
pub mod flows;
pub mod gateway;
pub mod health;
pub mod ids;
pub mod language;
pub mod participation;
pub mod people;
pub mod permissions;
pub mod render;
pub mod rest;
pub mod run;
pub mod server;
pub mod stats;
pub mod words;

pub use bot::Bot;
pub use run::run;
