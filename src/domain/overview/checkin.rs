//! A closed check-in as the overview reads it (the retro, when it closed, the votes cast) and
//! its results, by the same rules as the summary: newest mark wins for reactions, and an
//! anonymous check-in's small groups keep their split hidden.

use chrono::{DateTime, Utc};

use super::super::anonymous::summary::build_anonymous_summary;
use super::super::anonymous::Ballot;
use super::super::ids::ChannelId;
use super::super::retro::Retro;
use super::super::trend::CheckInResult;
use super::super::vote::Mark;

/// The votes of a closed check-in as stored.
#[derive(Clone, Debug, PartialEq)]
pub enum CastVotes {
    /// A named check-in: every member's reactions (the newest counts).
    Reactions(Vec<Mark>),
    /// An anonymous check-in: one sealed ballot per member and statement.
    Ballots(Vec<Ballot>),
}

/// One closed check-in of a team.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedCheckIn {
    pub retro: Retro,
    pub closed_at: DateTime<Utc>,
    pub votes: CastVotes,
}

impl ClosedCheckIn {
    /// The team (channel) it ran in.
    pub fn channel(&self) -> ChannelId {
        self.retro.channel_id
    }
}

/// The results of `check_in`. An anonymous one is summarised like its summary was (splits of
/// statements with fewer than `min_voters` voters hidden: no counts, no agreement); its sealed
/// ballots cannot be grouped by member any more, so the most participants on one statement is
/// what is known of how many voted.
pub fn check_in_result(check_in: &ClosedCheckIn, min_voters: u32) -> CheckInResult {
    let retro = &check_in.retro;
    match &check_in.votes {
        CastVotes::Reactions(marks) => CheckInResult::from_marks(retro, check_in.closed_at, marks),
        CastVotes::Ballots(ballots) => {
            let summary = build_anonymous_summary(retro, ballots, &[], &[], min_voters);
            let mut result = CheckInResult::from_summary(retro.id, check_in.closed_at, &summary);
            result.voters = result
                .statements
                .iter()
                .map(|s| s.participants)
                .max()
                .unwrap_or(0);
            result
        }
    }
}
