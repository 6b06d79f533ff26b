//! Vote rules: which reactions count, and which of a member's reactions is their vote.
//!
//! Each reaction a member has on a statement message is a *mark* with an arrival sequence
//! number. A member's vote is the scale option of their newest mark; removing that mark falls
//! back to the next newest one still present, and removing all of them retracts the vote.

use super::template::Scale;
use crate::domain::ids::MemberId;

/// One reaction a member currently has on a statement, with its arrival order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The statement's position in the template.
    pub position: usize,
    pub voter: MemberId,
    /// The index of the reaction's emoji on the retro's scale.
    pub option: usize,
    /// Larger is newer.
    pub seq: i64,
}

/// Who reacted, as far as the vote rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reactor {
    pub user_id: MemberId,
    pub is_bot: bool,
}

impl Reactor {
    /// User `user_id` (a bot when `flagged_bot`) as seen by retrobot, whose own id is `our_id`:
    /// retrobot counts as a bot too.
    pub fn new(user_id: MemberId, flagged_bot: bool, our_id: MemberId) -> Reactor {
        Reactor {
            user_id,
            is_bot: !super::member::is_member_input(user_id, flagged_bot, our_id),
        }
    }
}

/// The scale option a reaction stands for, or `None` when it must not count: a bot (including
/// retrobot itself) reacted, or the emoji is not on the scale.
pub fn counted_option(scale: &Scale, reactor: Reactor, emoji: &str) -> Option<usize> {
    if reactor.is_bot {
        return None;
    }
    scale.option_of(emoji)
}

/// A member's vote given all of their marks on one statement: the newest wins.
pub fn current_vote<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> Option<usize> {
    marks.into_iter().max_by_key(|m| m.seq).map(|m| m.option)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(option: usize, seq: i64) -> Mark {
        Mark {
            position: 0,
            voter: MemberId(7),
            option,
            seq,
        }
    }

    #[test]
    fn newest_mark_wins_and_removal_falls_back() {
        let up_then_down = [mark(0, 1), mark(1, 2)];
        assert_eq!(current_vote(&up_then_down), Some(1));
        // 👎 removed: 👍 is still there, so it counts again.
        assert_eq!(current_vote(&up_then_down[..1]), Some(0));
        // Both removed: retracted.
        assert_eq!(current_vote(&[]), None);
        let down_then_up = [mark(1, 5), mark(0, 9)];
        assert_eq!(current_vote(&down_then_up), Some(0));
    }

    #[test]
    fn bots_and_foreign_emoji_never_count() {
        let scale = Scale::thumbs();
        let member = Reactor {
            user_id: MemberId(1),
            is_bot: false,
        };
        let bot = Reactor {
            user_id: MemberId(2),
            is_bot: true,
        };
        assert_eq!(counted_option(&scale, member, "👍"), Some(0));
        assert_eq!(counted_option(&scale, member, "👎"), Some(1));
        assert_eq!(counted_option(&scale, member, "🎉"), None);
        assert_eq!(counted_option(&scale, bot, "👍"), None);
    }
}
