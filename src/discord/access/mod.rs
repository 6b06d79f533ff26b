//! Who may see what: each server's permission data (roles, channels and their overwrites,
//! threads), cached from gateway events (`cache`) and converted from serenity's types
//! (`convert`), and the one question every command asks of it (`viewer`): may this member
//! see that channel? Manage Server and the facilitator role give rights to act, never the
//! right to see a channel Discord hides from the member.

pub mod cache;
mod convert;
pub mod viewer;

pub use cache::AccessCache;
pub use viewer::{not_found, not_found_in, viewer, viewer_of, Viewer};
