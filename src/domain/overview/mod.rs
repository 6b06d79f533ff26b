//! The organisation overview: for every team (channel) its latest closed check-in of one
//! template, per statement the agreement, the trend since the team's previous check-in,
//! participants and when; the heatmap drawn from it; and the server-scope export of the
//! aggregates of the sharing channels over time. Numbers only: no member, no reply text.
//! Which channels appear (visible to the caller, or sharing) is decided by the caller.

mod checkin;
mod heatmap;
mod model;
mod server_export;
mod sharing;

#[cfg(test)]
mod tests;

pub use checkin::{check_in_result, CastVotes, ClosedCheckIn};
pub use heatmap::{HeatCell, HeatmapData, HeatmapRow};
pub use model::{build_overview, Overview, TeamCell, TeamRow};
pub use server_export::{server_export, NotOffered, ServerExport, SharedStatement};
pub use sharing::{ChannelSharing, Digest, DigestId};
