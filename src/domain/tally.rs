//! Tallies: from every member's marks to per-statement counts, shares and participation.

use std::collections::{HashMap, HashSet};

use super::template::Scale;
use super::vote::Mark;
use crate::domain::ids::MemberId;

/// The outcome of one statement: how many members chose each scale option.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementTally {
    /// One count per scale option, in scale order.
    pub counts: Vec<u32>,
}

impl StatementTally {
    /// Members who have a vote on this statement.
    pub fn participants(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The share of votes for `option` in percent, or `None` when nobody voted.
    pub fn share_percent(&self, option: usize) -> Option<f64> {
        let total = self.participants();
        (total > 0).then(|| f64::from(self.counts[option]) * 100.0 / f64::from(total))
    }

    /// Agreement in percent: the mean of the chosen options' weights, or `None` without votes.
    pub fn agreement_percent(&self, scale: &Scale) -> Option<f64> {
        let total = self.participants();
        (total > 0).then(|| {
            let weighted: f64 = self
                .counts
                .iter()
                .zip(&scale.options)
                .map(|(count, option)| f64::from(*count) * option.weight)
                .sum();
            weighted * 100.0 / f64::from(total)
        })
    }
}

/// The tally of a whole retro.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub statements: Vec<StatementTally>,
    /// Distinct members who voted on at least one statement.
    pub voters: u32,
}

/// One member's vote on one statement: the scale option of their newest mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Vote {
    /// The statement's position in the template.
    pub position: usize,
    pub voter: MemberId,
    /// The index of the chosen option on the retro's scale.
    pub option: usize,
}

/// Every member's vote per statement (their newest mark), ordered by statement, then member.
/// Marks for positions or options outside the template are ignored.
pub fn current_votes(scale: &Scale, statement_count: usize, marks: &[Mark]) -> Vec<Vote> {
    let mut votes: Vec<Vote> = newest(scale, statement_count, marks)
        .into_values()
        .map(|m| Vote {
            position: m.position,
            voter: m.voter,
            option: m.option,
        })
        .collect();
    votes.sort_unstable();
    votes
}

fn newest<'a>(
    scale: &Scale,
    statement_count: usize,
    marks: &'a [Mark],
) -> HashMap<(usize, MemberId), &'a Mark> {
    let mut newest: HashMap<(usize, MemberId), &Mark> = HashMap::with_capacity(marks.len());
    for mark in marks {
        if mark.position >= statement_count || mark.option >= scale.len() {
            continue;
        }
        newest
            .entry((mark.position, mark.voter))
            .and_modify(|kept| {
                if mark.seq > kept.seq {
                    *kept = mark;
                }
            })
            .or_insert(mark);
    }
    newest
}

/// Counts each member once per statement, with the option of their newest mark. Marks for
/// positions or options outside the template are ignored.
pub fn tally(scale: &Scale, statement_count: usize, marks: &[Mark]) -> Tally {
    let newest = newest(scale, statement_count, marks);
    let mut statements = vec![
        StatementTally {
            counts: vec![0; scale.len()]
        };
        statement_count
    ];
    let mut voters = HashSet::new();
    for mark in newest.values() {
        statements[mark.position].counts[mark.option] += 1;
        voters.insert(mark.voter);
    }
    Tally {
        statements,
        voters: voters.len() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::MemberId;

    fn m(position: usize, voter: u64, option: usize, seq: i64) -> Mark {
        Mark {
            position,
            voter: MemberId(voter),
            option,
            seq,
        }
    }

    #[test]
    fn counts_each_member_once_with_their_newest_mark() {
        let marks = [
            m(0, 1, 0, 1),
            m(0, 1, 1, 2), // member 1 switched to 👎
            m(0, 2, 0, 3),
            m(1, 2, 1, 4),
            m(0, 3, 1, 9),
            m(0, 3, 0, 5), // older 👍 still present, 👎 is newer
            m(7, 4, 0, 1), // unknown statement: ignored
        ];
        let t = tally(&Scale::thumbs(), 3, &marks);
        assert_eq!(t.statements[0].counts, vec![1, 2]);
        assert_eq!(t.statements[1].counts, vec![0, 1]);
        assert_eq!(t.statements[2].counts, vec![0, 0]);
        assert_eq!(t.voters, 3);
        assert_eq!(t.statements[0].participants(), 3);
    }

    fn traffic_light() -> Scale {
        let option = |emoji: &str, label: &str, weight| crate::domain::template::ScaleOption {
            emoji: emoji.into(),
            label: label.into(),
            weight,
        };
        Scale {
            options: vec![
                option("🟢", "awesome", 1.0),
                option("🟡", "some problems", 0.5),
                option("🔴", "really bad", 0.0),
            ],
        }
    }

    #[test]
    fn three_option_scale_counts_weights_and_ties() {
        let scale = traffic_light();
        let marks = [
            m(0, 1, 0, 1),
            m(0, 2, 1, 2),
            m(0, 3, 2, 3),
            m(0, 3, 1, 4), // member 3 moved from 🔴 to 🟡
            m(0, 4, 2, 5),
            m(1, 1, 1, 6),
            m(1, 2, 1, 7),
            m(0, 5, 3, 8), // not an option on this scale: ignored
        ];
        let t = tally(&scale, 2, &marks);
        // A tie: two 🟡 against one 🟢 and one 🔴.
        assert_eq!(t.statements[0].counts, vec![1, 2, 1]);
        assert_eq!(t.statements[0].agreement_percent(&scale), Some(50.0));
        assert_eq!(t.statements[0].share_percent(1), Some(50.0));
        assert_eq!(t.statements[1].counts, vec![0, 2, 0]);
        assert_eq!(t.statements[1].agreement_percent(&scale), Some(50.0));
        assert_eq!(t.voters, 4);
        let votes = current_votes(&scale, 2, &marks);
        assert_eq!(votes.len(), 6);
        assert_eq!(
            votes[2],
            Vote {
                position: 0,
                voter: MemberId(3),
                option: 1
            }
        );
        assert!(votes.windows(2).all(|w| w[0] < w[1]), "sorted: {votes:?}");
    }

    #[test]
    fn an_empty_check_in_has_no_agreement_and_no_votes() {
        let scale = traffic_light();
        let t = tally(&scale, 3, &[]);
        assert_eq!(t.voters, 0);
        assert!(t.statements.iter().all(|s| s.counts == vec![0, 0, 0]));
        assert!(t
            .statements
            .iter()
            .all(|s| s.agreement_percent(&scale).is_none()));
        assert!(current_votes(&scale, 3, &[]).is_empty());
    }

    #[test]
    fn shares_and_agreement() {
        let s = StatementTally { counts: vec![3, 1] };
        assert_eq!(s.share_percent(0), Some(75.0));
        assert_eq!(s.agreement_percent(&Scale::thumbs()), Some(75.0));
        let empty = StatementTally { counts: vec![0, 0] };
        assert_eq!(empty.share_percent(0), None);
        assert_eq!(empty.agreement_percent(&Scale::thumbs()), None);
    }
}
