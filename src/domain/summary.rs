//! The summary model: everything a closed retro's summary shows, computed from the retro, the
//! members' marks and the replies. Rendering it into Discord messages happens elsewhere.

use std::collections::HashSet;

use super::retro::Retro;
use super::tally::{tally, StatementTally};
use super::template::Scale;
use super::vote::Mark;
use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId};

/// One written answer in a question's thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub message_id: MessageId,
    /// The question's position in the template.
    pub question: usize,
    pub author_id: MemberId,
    pub author_name: String,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementSummary {
    pub text: String,
    pub tally: StatementTally,
    /// An anonymous retro's statement with too few voters to show its split without
    /// revealing who voted what: only the number of voters may be shown.
    pub split_hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSummary {
    pub text: String,
    pub thread_id: Option<ChannelId>,
    /// In the order they were written.
    pub replies: Vec<Reply>,
}

/// What the summary of a retro says.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub heading: String,
    pub guild_id: GuildId,
    pub facilitator_id: MemberId,
    pub scale: Scale,
    pub statements: Vec<StatementSummary>,
    pub questions: Vec<QuestionSummary>,
    /// Members who voted on at least one statement.
    pub voters: u32,
    /// Members who wrote at least one reply.
    pub repliers: u32,
    /// Counts only: replies carry no author, small groups' splits are hidden.
    pub anonymous: bool,
    /// The language tag of the retro's posts (its template copy's).
    pub language: String,
}

/// Builds the summary of `retro`. `thread_ids[i]` is the thread of question `i`; replies are
/// sorted by message id (Discord ids grow with time).
pub fn build_summary(
    retro: &Retro,
    marks: &[Mark],
    mut replies: Vec<Reply>,
    thread_ids: &[Option<ChannelId>],
) -> Summary {
    let template = &retro.template;
    let tally = tally(&template.scale, template.statements.len(), marks);
    replies.sort_by_key(|r| r.message_id);
    let repliers = replies
        .iter()
        .map(|r| r.author_id)
        .collect::<HashSet<_>>()
        .len() as u32;
    let mut questions: Vec<QuestionSummary> = template
        .questions
        .iter()
        .enumerate()
        .map(|(i, text)| QuestionSummary {
            text: text.clone(),
            thread_id: thread_ids.get(i).copied().flatten(),
            replies: Vec::new(),
        })
        .collect();
    for reply in replies {
        if let Some(question) = questions.get_mut(reply.question) {
            question.replies.push(reply);
        }
    }
    Summary {
        heading: retro.display_name(),
        guild_id: retro.guild_id,
        facilitator_id: retro.facilitator_id,
        scale: template.scale.clone(),
        statements: template
            .statements
            .iter()
            .zip(tally.statements)
            .map(|(text, tally)| StatementSummary {
                text: text.clone(),
                tally,
                split_hidden: false,
            })
            .collect(),
        questions,
        voters: tally.voters,
        repliers,
        anonymous: false,
        language: template.language.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChannelId, MemberId, MessageId};
    use crate::domain::retro::{RetroId, RetroStatus};

    #[test]
    fn summary_groups_replies_by_question_in_order() {
        let retro = Retro {
            id: RetroId(3),
            status: RetroStatus::Closing,
            ..crate::domain::retro::sample_retro()
        };
        let reply = |id, question, author: u64| Reply {
            message_id: MessageId(id),
            question,
            author_id: MemberId(author),
            author_name: format!("m{author}"),
            content: format!("answer {id}"),
        };
        let marks = [Mark {
            position: 2,
            voter: MemberId(8),
            option: 1,
            seq: 1,
        }];
        let s = build_summary(
            &retro,
            &marks,
            vec![
                reply(30, 1, 8),
                reply(20, 1, 9),
                reply(25, 3, 8),
                reply(99, 9, 8),
            ],
            &[
                Some(ChannelId(100)),
                Some(ChannelId(101)),
                None,
                Some(ChannelId(103)),
            ],
        );
        assert_eq!(s.statements[2].tally.counts, vec![0, 1]);
        assert_eq!(s.voters, 1);
        assert_eq!(s.repliers, 2);
        let ids: Vec<MessageId> = s.questions[1]
            .replies
            .iter()
            .map(|r| r.message_id)
            .collect();
        assert_eq!(ids, vec![MessageId(20), MessageId(30)]);
        assert_eq!(s.questions[3].replies.len(), 1);
        assert_eq!(s.questions[1].thread_id, Some(ChannelId(101)));
        assert_eq!(s.questions[2].thread_id, None);
    }
}
