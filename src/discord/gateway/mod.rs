//! What comes in from Discord: the gateway connection (`connection`), the routing of each event
//! in arrival order (`events`), and what happens after every READY (`ready`).

pub mod connection;
pub mod events;
pub mod ready;
