//! Consent and digests: whether a team's channel lets its aggregates leave it, and the
//! recurring posts of the sharing channels' overview into a hub channel.

use chrono::{DateTime, Utc};

use super::super::ids::{ChannelId, GuildId, MemberId};
use super::super::recurrence::Recurrence;

/// A channel's choice about sharing its aggregates (digests, the server-scope export).
/// Channels that never chose do not share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelSharing {
    pub guild: GuildId,
    pub channel: ChannelId,
    pub sharing: bool,
    /// Who chose last, and when.
    pub changed_by: MemberId,
    pub changed_at: DateTime<Utc>,
}

/// Database id of a digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DigestId(pub i64);

impl std::fmt::Display for DigestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A recurring post of the sharing channels' overview into a hub channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Digest {
    pub id: DigestId,
    pub guild: GuildId,
    /// Where it is posted.
    pub hub: ChannelId,
    pub recurrence: Recurrence,
    /// The template it shows; `None`: the most used one at the time of posting.
    pub template_key: Option<String>,
    pub creator: MemberId,
    pub paused: bool,
    /// The next occurrence not yet handled, as a UTC instant (None: never fires again).
    pub next_at: Option<DateTime<Utc>>,
}

impl Digest {
    /// What to do now that it is due: the same rule as scheduled check-ins (the latest due
    /// occurrence fires if within `grace`, older ones are skipped).
    pub fn plan(
        &self,
        now: DateTime<Utc>,
        grace: chrono::Duration,
    ) -> super::super::schedule::DuePlan {
        super::super::schedule::plan_occurrences(&self.recurrence, self.next_at, now, grace)
    }
}
