//! What comes in from Discord: the gateway connection (`connection`), what the bot may know of
//! it (`state`), why Discord refused it (`refusals`), the routing of each event in arrival
//! order (`events`), and what happens after every READY (`ready`).

pub mod connection;
pub mod events;
pub mod ready;
pub mod refusals;
pub mod state;
