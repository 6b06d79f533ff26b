//! What members of anonymous check-ins did, as the bot confirmed it to them: the stand-in only
//! sees button clicks, so the expected votes and answers are kept here. A click whose answer
//! never came (the bot was down, the answer was lost) leaves that member's vote unknown until
//! a later confirmed click tells it again.

use std::collections::HashMap;
use std::sync::Mutex;

/// A member's vote (option index) or answer, `None` when unknown.
type Slot<T> = Option<Option<T>>;

#[derive(Default)]
pub struct Ledger {
    votes: Mutex<HashMap<(u64, u64, usize), Slot<usize>>>,
    answers: Mutex<HashMap<(u64, u64, usize), Slot<String>>>,
}

/// The expected outcome of one statement: votes per option, and members whose vote is unknown.
#[derive(Clone, Debug, Default)]
pub struct ExpectedVotes {
    pub counts: Vec<usize>,
    pub unknown: usize,
}

/// The expected answers of one question, and members whose answer is unknown.
#[derive(Clone, Debug, Default)]
pub struct ExpectedAnswers {
    pub texts: Vec<String>,
    pub unknown: usize,
}

impl Ledger {
    /// The member's vote on `statement` of the retro `header` is now `vote` (`None` retracted),
    /// or unknown when `vote` is `None`.
    pub fn set_vote(&self, header: u64, member: u64, statement: usize, vote: Slot<usize>) {
        let mut votes = self.votes.lock().unwrap_or_else(|e| e.into_inner());
        votes.insert((header, member, statement), vote);
    }

    pub fn set_answer(&self, header: u64, member: u64, question: usize, answer: Slot<String>) {
        let mut answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers.insert((header, member, question), answer);
    }

    /// (member, statement) pairs of the retro whose vote is unknown.
    pub fn unknown_votes(&self, header: u64) -> Vec<(u64, usize)> {
        let votes = self.votes.lock().unwrap_or_else(|e| e.into_inner());
        votes
            .iter()
            .filter(|((h, _, _), v)| *h == header && v.is_none())
            .map(|((_, m, s), _)| (*m, *s))
            .collect()
    }

    pub fn unknown_answers(&self, header: u64) -> Vec<(u64, usize)> {
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        answers
            .iter()
            .filter(|((h, _, _), v)| *h == header && v.is_none())
            .map(|((_, m, q), _)| (*m, *q))
            .collect()
    }

    pub fn expected_votes(&self, header: u64, statement: usize, options: usize) -> ExpectedVotes {
        let votes = self.votes.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = ExpectedVotes {
            counts: vec![0; options],
            unknown: 0,
        };
        for ((h, _, s), vote) in votes.iter() {
            if *h != header || *s != statement {
                continue;
            }
            match vote {
                None => out.unknown += 1,
                Some(Some(option)) => out.counts[*option] += 1,
                Some(None) => {}
            }
        }
        out
    }

    pub fn expected_answers(&self, header: u64, question: usize) -> ExpectedAnswers {
        let answers = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = ExpectedAnswers::default();
        for ((h, _, q), answer) in answers.iter() {
            if *h != header || *q != question {
                continue;
            }
            match answer {
                None => out.unknown += 1,
                Some(Some(text)) => out.texts.push(text.clone()),
                Some(None) => {}
            }
        }
        out
    }
}
