//! Anonymous check-ins: the keyed hash that stands in for a member, the button vote rules
//! (another button switches, the same one again retracts, one vote per member and statement),
//! tallies of anonymous ballots, and the small-group threshold of the summary.
//!
//! A member is never stored: their votes and answers are keyed by
//! `HMAC-SHA256(retro secret, retro id ‖ member id)`. The secret is random per retro and is
//! destroyed when the retro closes; without it nobody (not even with the database) can compute
//! whose key is whose.

pub mod ids;
pub mod routes;
pub mod summary;

use std::collections::HashMap;
use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::retro::RetroId;
use super::tally::{tally, Tally};
use super::template::Scale;
use super::vote::Mark;
use crate::domain::ids::MemberId;

/// Fewest voters a statement needs before the summary shows its split, unless configured.
pub const DEFAULT_MIN_VOTERS: u32 = 3;
/// The smallest threshold that may be configured: with one voter the split *is* their vote.
pub const MIN_MIN_VOTERS: u32 = 2;

/// Bytes in a retro secret and in a member key.
pub const KEY_BYTES: usize = 32;

/// The random per-retro secret of an anonymous retro. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct RetroSecret([u8; KEY_BYTES]);

impl RetroSecret {
    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> RetroSecret {
        RetroSecret(bytes)
    }

    /// The secret as stored (lowercase hex).
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    pub fn from_hex(text: &str) -> Option<RetroSecret> {
        from_hex(text).map(RetroSecret)
    }
}

impl fmt::Debug for RetroSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RetroSecret(<redacted>)")
    }
}

/// What stands in for a member in one anonymous retro: a keyed hash of the member and the retro.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberKey([u8; KEY_BYTES]);

impl MemberKey {
    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> MemberKey {
        MemberKey(bytes)
    }

    /// The key as stored (lowercase hex).
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    pub fn from_hex(text: &str) -> Option<MemberKey> {
        from_hex(text).map(MemberKey)
    }
}

impl fmt::Debug for MemberKey {
    /// Only a prefix: enough to tell keys apart in a test failure, useless for anything else.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MemberKey({}…)", &self.to_hex()[..8])
    }
}

/// The key of `member` in retro `retro`. Deterministic for one secret (so a member can change
/// their vote), unrelated across retros and secrets.
pub fn member_key(secret: &RetroSecret, retro: RetroId, member: MemberId) -> MemberKey {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&secret.0).expect("HMAC accepts keys of any length");
    mac.update(b"retrobot member key v1");
    mac.update(&retro.0.to_be_bytes());
    mac.update(&member.get().to_be_bytes());
    MemberKey(mac.finalize().into_bytes().into())
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<[u8; KEY_BYTES]> {
    let text = text.as_bytes();
    if text.len() != KEY_BYTES * 2 {
        return None;
    }
    let mut out = [0u8; KEY_BYTES];
    for (i, pair) in text.chunks(2).enumerate() {
        let hex = std::str::from_utf8(pair).ok()?;
        out[i] = u8::from_str_radix(hex, 16).ok()?;
    }
    Some(out)
}

/// What a click on a vote button did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickOutcome {
    /// A first vote for this option.
    Voted(usize),
    /// The vote moved from one option to another.
    Switched { from: usize, to: usize },
    /// The same option clicked again: the vote is taken back.
    Retracted(usize),
}

impl ClickOutcome {
    /// The member's vote after the click.
    pub fn current(self) -> Option<usize> {
        match self {
            ClickOutcome::Voted(option) | ClickOutcome::Switched { to: option, .. } => Some(option),
            ClickOutcome::Retracted(_) => None,
        }
    }
}

/// The rule of the vote buttons: given the member's current vote on a statement and the
/// option they clicked, what happens.
pub fn click(current: Option<usize>, clicked: usize) -> ClickOutcome {
    match current {
        None => ClickOutcome::Voted(clicked),
        Some(option) if option == clicked => ClickOutcome::Retracted(clicked),
        Some(from) => ClickOutcome::Switched { from, to: clicked },
    }
}

/// One member's current vote on one statement of an anonymous retro.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub position: usize,
    pub key: MemberKey,
    pub option: usize,
}

/// Tallies anonymous ballots like reactions: each key counts once per statement, and distinct
/// keys are the voters. (The keys only need to be told apart, so each becomes a small number.)
pub fn tally_ballots(scale: &Scale, statement_count: usize, ballots: &[Ballot]) -> Tally {
    let mut numbers: HashMap<MemberKey, MemberId> = HashMap::new();
    let marks: Vec<Mark> = ballots
        .iter()
        .map(|ballot| {
            let next = MemberId(numbers.len() as u64);
            Mark {
                position: ballot.position,
                voter: *numbers.entry(ballot.key).or_insert(next),
                option: ballot.option,
                seq: 0,
            }
        })
        .collect();
    tally(scale, statement_count, &marks)
}

/// Whether the split of a statement with `participants` voters may be shown: nobody voted
/// (nothing to reveal), or at least `min_voters` did.
pub fn split_visible(participants: u32, min_voters: u32) -> bool {
    participants == 0 || participants >= min_voters
}

/// Checks a configured small-group threshold.
pub fn validate_min_voters(value: u32) -> Result<u32, String> {
    if value < MIN_MIN_VOTERS {
        return Err(format!(
            "must be at least {MIN_MIN_VOTERS}: with fewer voters a split shows how each of them voted (got {value})"
        ));
    }
    Ok(value)
}

/// The small-group threshold that applies to `retro`: the one it started with, so lowering the
/// configured one later never reveals a split its summary hid; `configured` only for retros
/// started before the threshold was recorded. Summary and exports both use this.
pub fn min_voters_of(retro: &super::retro::Retro, configured: u32) -> u32 {
    retro
        .anonymous_min_voters
        .unwrap_or(configured)
        .max(MIN_MIN_VOTERS)
}

#[cfg(test)]
mod tests;
