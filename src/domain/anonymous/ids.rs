//! The custom ids of the buttons and the modal of an anonymous retro. They name the retro and
//! the item, never a member: `retro:<id>:vote:<statement>:<option>` on a statement's buttons,
//! `retro:<id>:answer:<question>` on a question's Answer button and on its modal.

use super::super::retro::RetroId;

/// The custom id of the text input inside the answer modal.
pub const ANSWER_INPUT: &str = "answer";

/// What a button or modal of an anonymous retro stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnonymousComponent {
    /// A vote button: statement `position`, scale option `option`.
    Vote {
        retro: RetroId,
        position: usize,
        option: usize,
    },
    /// The Answer button of question `question` (and the modal it opens).
    Answer { retro: RetroId, question: usize },
}

impl AnonymousComponent {
    pub fn retro(self) -> RetroId {
        match self {
            AnonymousComponent::Vote { retro, .. } | AnonymousComponent::Answer { retro, .. } => {
                retro
            }
        }
    }

    /// The custom id (at most 100 characters, as Discord requires).
    pub fn custom_id(self) -> String {
        match self {
            AnonymousComponent::Vote {
                retro,
                position,
                option,
            } => format!("retro:{}:vote:{position}:{option}", retro.0),
            AnonymousComponent::Answer { retro, question } => {
                format!("retro:{}:answer:{question}", retro.0)
            }
        }
    }

    /// Parses a custom id; `None` for anything that is not one of ours.
    pub fn parse(custom_id: &str) -> Option<AnonymousComponent> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        let number = |text: &str| -> Option<usize> {
            (!text.starts_with('+'))
                .then(|| text.parse().ok())
                .flatten()
        };
        let retro_id = |text: &str| -> Option<RetroId> {
            let id: i64 = (!text.starts_with('+'))
                .then(|| text.parse().ok())
                .flatten()?;
            (id > 0).then_some(RetroId(id))
        };
        match parts.as_slice() {
            ["retro", retro, "vote", position, option] => Some(AnonymousComponent::Vote {
                retro: retro_id(retro)?,
                position: number(position)?,
                option: number(option)?,
            }),
            ["retro", retro, "answer", question] => Some(AnonymousComponent::Answer {
                retro: retro_id(retro)?,
                question: number(question)?,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_and_name_no_member() {
        let vote = AnonymousComponent::Vote {
            retro: RetroId(12),
            position: 2,
            option: 1,
        };
        assert_eq!(vote.custom_id(), "retro:12:vote:2:1");
        assert_eq!(AnonymousComponent::parse("retro:12:vote:2:1"), Some(vote));
        let answer = AnonymousComponent::Answer {
            retro: RetroId(7),
            question: 3,
        };
        assert_eq!(answer.custom_id(), "retro:7:answer:3");
        assert_eq!(AnonymousComponent::parse(&answer.custom_id()), Some(answer));
        let longest = AnonymousComponent::Vote {
            retro: RetroId(i64::MAX),
            position: usize::MAX,
            option: usize::MAX,
        };
        assert!(longest.custom_id().len() <= 100);
    }

    #[test]
    fn foreign_or_malformed_ids_are_not_ours() {
        for id in [
            "",
            "retro",
            "retro:x:vote:1:0",
            "retro:1:vote:1",
            "retro:1:vote:-1:0",
            "retro:1:vote:+1:0",
            "retro:0:vote:1:0",
            "retro:-4:answer:1",
            "retro:1:answer:1:2",
            "other:1:answer:1",
            "schedule:3:remove",
        ] {
            assert_eq!(AnonymousComponent::parse(id), None, "{id}");
        }
    }
}
