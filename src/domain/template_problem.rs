//! What can be wrong with a template's field, as data: the `Display` is the English of
//! template files and `retrobot check-config`; the Discord layer words it for members.

/// What is wrong with one field of a template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateProblem {
    #[error("is missing")]
    Missing,
    #[error("is empty")]
    Empty,
    #[error("is {chars} characters long; at most {max} are allowed")]
    TooLong { chars: usize, max: usize },
    #[error("`{0}` must be 1 to 32 characters of lowercase letters, digits and '-'")]
    BadKey(String),
    #[error("needs 1 to {max} statements, found {found}")]
    StatementCount { found: usize, max: usize },
    #[error("at most {max} questions, found {found}")]
    QuestionCount { found: usize, max: usize },
    #[error("repeats an earlier entry")]
    Repeated,
    #[error("needs 2 to 5 options, found {0}")]
    ScaleCount(usize),
    #[error("must be one emoji")]
    NotOneEmoji,
    #[error("{0} is used twice")]
    EmojiTwice(String),
    #[error("must be a number from 0 to 1")]
    WeightOutOfRange,
    #[error("`{0}` is already used by another template")]
    KeyTaken(String),
    /// A scale line typed in the template form without emoji, label and weight.
    #[error("needs an emoji, a label and a weight, e.g. `🟢 good 1`")]
    ScaleLineIncomplete,
    /// A scale line typed in the template form whose weight is not a number.
    #[error("weight must be a number from 0 to 1, found `{0}`")]
    WeightNotANumber(String),
    /// A file's own problem (TOML syntax, translations), in the words of the file's checks.
    #[error("{0}")]
    InFile(String),
}
