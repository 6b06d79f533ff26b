//! The summary of an anonymous retro: the same model as a named one, built from keyed ballots
//! and answers, with no author on any answer and the split of small groups hidden.

use std::collections::HashMap;

use super::super::retro::Retro;
use super::super::summary::{build_summary, Reply, Summary};
use super::{split_visible, tally_ballots, Ballot, MemberKey};
use crate::domain::ids::{ChannelId, MemberId, MessageId};

/// An anonymous answer to a question, as the store keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub question: usize,
    /// Only used to count distinct answerers.
    pub author: MemberKey,
    pub content: String,
    /// The bot's message carrying it in the question's thread, once posted.
    pub message_id: Option<MessageId>,
}

/// Builds the summary of anonymous `retro`. Statements with fewer than `min_voters` voters (but
/// some) get `split_hidden`; replies have no author id or name.
pub fn build_anonymous_summary(
    retro: &Retro,
    ballots: &[Ballot],
    answers: &[Answer],
    thread_ids: &[Option<ChannelId>],
    min_voters: u32,
) -> Summary {
    let statement_count = retro.template.statements.len();
    let tally = tally_ballots(&retro.template.scale, statement_count, ballots);
    let mut authors: HashMap<MemberKey, MemberId> = HashMap::new();
    let replies: Vec<Reply> = answers
        .iter()
        .map(|answer| {
            let next = MemberId(authors.len() as u64 + 1);
            let author = *authors.entry(answer.author).or_insert(next);
            Reply {
                // Posted answers in thread order; any not yet posted go last.
                message_id: answer.message_id.unwrap_or(MessageId(u64::MAX)),
                question: answer.question,
                author_id: author,
                author_name: String::new(),
                content: answer.content.clone(),
            }
        })
        .collect();
    let mut summary = build_summary(retro, &[], replies, thread_ids);
    for (statement, counted) in summary.statements.iter_mut().zip(tally.statements) {
        statement.split_hidden = !split_visible(counted.participants(), min_voters);
        statement.tally = counted;
    }
    for reply in summary
        .questions
        .iter_mut()
        .flat_map(|q| q.replies.iter_mut())
    {
        reply.author_id = MemberId(0);
    }
    summary.voters = tally.voters;
    summary.anonymous = true;
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::anonymous::{member_key, RetroSecret};
    use crate::domain::ids::{ChannelId, MemberId, MessageId};
    use crate::domain::retro::{RetroId, RetroStatus};

    #[test]
    fn counts_only_and_small_groups_hidden() {
        let retro = Retro {
            id: RetroId(4),
            status: RetroStatus::Closing,
            participation: crate::domain::retro::Participation::Anonymous,
            ..crate::domain::retro::sample_retro()
        };
        let secret = RetroSecret::from_bytes([3; 32]);
        let key = |member| member_key(&secret, retro.id, MemberId(member));
        let ballot = |position, member, option| Ballot {
            position,
            key: key(member),
            option,
        };
        let ballots = [
            ballot(0, 1, 0),
            ballot(0, 2, 1),
            ballot(0, 3, 1),
            ballot(1, 1, 1),
            ballot(1, 2, 1),
        ];
        let answer = |question, member, content: &str, message_id: Option<u64>| Answer {
            question,
            author: key(member),
            content: content.into(),
            message_id: message_id.map(MessageId),
        };
        let answers = [
            answer(0, 1, "later", Some(30)),
            answer(0, 2, "earlier", Some(20)),
            answer(1, 1, "pending", None),
        ];
        let s = build_anonymous_summary(&retro, &ballots, &answers, &[Some(ChannelId(9)); 4], 3);
        assert!(s.anonymous);
        assert_eq!(s.statements[0].tally.counts, vec![1, 2]);
        assert!(!s.statements[0].split_hidden, "3 voters: shown");
        assert_eq!(s.statements[1].tally.participants(), 2);
        assert!(s.statements[1].split_hidden, "2 voters: hidden");
        assert!(
            !s.statements[2].split_hidden,
            "nobody voted: nothing to hide"
        );
        assert_eq!(s.voters, 3);
        assert_eq!(s.repliers, 2);
        let first: Vec<&str> = s.questions[0]
            .replies
            .iter()
            .map(|r| r.content.as_str())
            .collect();
        assert_eq!(first, ["earlier", "later"]);
        for reply in s.questions.iter().flat_map(|q| &q.replies) {
            assert_eq!(
                (reply.author_id, reply.author_name.as_str()),
                (MemberId(0), "")
            );
        }
    }
}
