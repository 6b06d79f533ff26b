//! Action items agreed in a check-in: their text, owner and due date, the checks on what a
//! member types, and when one is overdue.

use chrono::{DateTime, NaiveDate, Utc};

use super::retro::RetroId;
use crate::domain::ids::{ChannelId, MemberId};

/// Longest action text accepted (it is listed in summaries and headers).
pub const MAX_ACTION_CHARS: usize = 300;

/// An action item as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// Database id, shown to members (`/retro action done id`).
    pub id: i64,
    /// The check-in it was recorded on.
    pub retro: RetroId,
    pub channel_id: ChannelId,
    pub text: String,
    pub owner_id: Option<MemberId>,
    pub due: Option<NaiveDate>,
    pub created_by: MemberId,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

impl Action {
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// Open and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_done() && self.due.is_some_and(|due| due < today)
    }

    /// `#4 Fix the flaky deploy — owner <@1> · due 2026-12-01 (overdue)`.
    pub fn describe(&self, today: NaiveDate) -> String {
        let mut line = format!(
            "`#{}` {}",
            self.id,
            crate::domain::member_text::inline(&self.text)
        );
        let mut details = Vec::new();
        if let Some(owner) = self.owner_id {
            details.push(format!("owner <@{owner}>"));
        }
        if let Some(due) = self.due {
            let overdue = if self.is_overdue(today) {
                " **(overdue)**"
            } else {
                ""
            };
            details.push(format!("due {due}{overdue}"));
        }
        if self.is_done() {
            details.push("done ✅".to_string());
        }
        if !details.is_empty() {
            line.push_str(" — ");
            line.push_str(&details.join(" · "));
        }
        line
    }
}

/// What is wrong with an action a member typed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionInputError {
    #[error("The action text is empty. Describe what should be done.")]
    EmptyText,
    #[error("The action text is {0} characters long; at most {MAX_ACTION_CHARS} are allowed.")]
    TooLong(usize),
    #[error("`{0}` is not a date. Give the due date as YYYY-MM-DD, for example 2026-12-24.")]
    BadDate(String),
    #[error("The due date {0} is in the past. Pick today or a later day.")]
    PastDate(NaiveDate),
}

/// Checks an action's text; returns it trimmed.
pub fn validate_text(text: &str) -> Result<String, ActionInputError> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 {
        return Err(ActionInputError::EmptyText);
    }
    if chars > MAX_ACTION_CHARS {
        return Err(ActionInputError::TooLong(chars));
    }
    Ok(text.to_string())
}

/// Parses a due date (`YYYY-MM-DD`); it may not be before `today`.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, ActionInputError> {
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| ActionInputError::BadDate(text.to_string()))?;
    if date < today {
        return Err(ActionInputError::PastDate(date));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn action(due: Option<&str>, done: bool) -> Action {
        Action {
            id: 4,
            retro: RetroId(2),
            channel_id: ChannelId(9),
            text: "Automate the release".into(),
            owner_id: Some(MemberId(77)),
            due: due.map(day),
            created_by: MemberId(1),
            created_at: Utc::now(),
            done_at: done.then(Utc::now),
        }
    }

    #[test]
    fn overdue_means_open_and_due_before_today() {
        let today = day("2026-11-22");
        assert!(action(Some("2026-11-21"), false).is_overdue(today));
        assert!(!action(Some("2026-11-22"), false).is_overdue(today));
        assert!(!action(Some("2026-11-21"), true).is_overdue(today));
        assert!(!action(None, false).is_overdue(today));
        assert_eq!(
            action(Some("2026-11-21"), false).describe(today),
            "`#4` Automate the release — owner <@77> · due 2026-11-21 **(overdue)**"
        );
        assert_eq!(
            action(None, true).describe(today),
            "`#4` Automate the release — owner <@77> · done ✅"
        );
    }

    #[test]
    fn input_is_checked_with_clear_messages() {
        let today = day("2026-11-22");
        assert_eq!(parse_due(" 2026-12-01 ", today), Ok(day("2026-12-01")));
        assert_eq!(parse_due("2026-11-22", today), Ok(today));
        assert_eq!(
            parse_due("next friday", today),
            Err(ActionInputError::BadDate("next friday".into()))
        );
        assert_eq!(
            parse_due("2026-02-30", today),
            Err(ActionInputError::BadDate("2026-02-30".into()))
        );
        assert!(parse_due("2026-11-01", today)
            .unwrap_err()
            .to_string()
            .contains("in the past"));
        assert_eq!(validate_text("  ship it "), Ok("ship it".into()));
        assert_eq!(validate_text("   "), Err(ActionInputError::EmptyText));
        assert_eq!(
            validate_text(&"x".repeat(301)),
            Err(ActionInputError::TooLong(301))
        );
    }
}
