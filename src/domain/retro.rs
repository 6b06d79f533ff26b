//! The retro itself: its life cycle (posting → open → closing → closed, or failed), who may
//! close it, and the checks on a start request that need no I/O.

use chrono::{DateTime, Utc};

use super::template::Template;
use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId};

/// Longest title accepted for a retro (it goes into an embed title after the template name).
pub const MAX_TITLE_CHARS: usize = 100;

/// Database id of a retro.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RetroId(pub i64);

impl std::fmt::Display for RetroId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where a retro is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetroStatus {
    /// Its messages and threads are being posted.
    Posting,
    /// Members can vote and reply.
    Open,
    /// Claimed for closing: locked, being reconciled and summarised.
    Closing,
    /// Summary posted; never changes again.
    Closed,
    /// Posting failed; whatever was posted has been removed.
    Failed,
    /// Closing failed for good (the bot lost the channel or its access): "could not close",
    /// with the reason kept. Its channel is free; its data stays exportable.
    Abandoned,
}

impl RetroStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RetroStatus::Posting => "posting",
            RetroStatus::Open => "open",
            RetroStatus::Closing => "closing",
            RetroStatus::Closed => "closed",
            RetroStatus::Failed => "failed",
            RetroStatus::Abandoned => "could_not_close",
        }
    }

    pub fn parse(text: &str) -> Option<RetroStatus> {
        Some(match text {
            "posting" => RetroStatus::Posting,
            "open" => RetroStatus::Open,
            "closing" => RetroStatus::Closing,
            "closed" => RetroStatus::Closed,
            "failed" => RetroStatus::Failed,
            "could_not_close" => RetroStatus::Abandoned,
            _ => return None,
        })
    }

    /// Whether votes and replies are recorded in this state.
    pub fn accepts_input(self) -> bool {
        matches!(self, RetroStatus::Posting | RetroStatus::Open)
    }

    /// Whether the retro still occupies its channel (only one at a time per channel).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            RetroStatus::Posting | RetroStatus::Open | RetroStatus::Closing
        )
    }

    /// The transitions the life cycle allows.
    pub fn can_become(self, next: RetroStatus) -> bool {
        use RetroStatus::*;
        matches!(
            (self, next),
            (Posting, Open)
                | (Posting, Failed)
                | (Open, Closing)
                | (Closing, Closed)
                | (Closing, Abandoned)
        )
    }
}

/// What kind of item a template entry became.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Statement,
    Question,
}

/// A retro as stored: its template snapshot and where it lives in Discord.
#[derive(Clone, Debug, PartialEq)]
pub struct Retro {
    pub id: RetroId,
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    /// The template as it was when the retro started (later edits do not change it).
    pub template: Template,
    pub title: Option<String>,
    pub facilitator_id: MemberId,
    pub status: RetroStatus,
    pub created_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
    pub header_message_id: Option<MessageId>,
    /// How members take part (chosen at start; never switched on a running retro).
    pub participation: Participation,
    /// The small-group threshold an anonymous retro started with (`None`: started before it
    /// was recorded; the configured one applies). See [`crate::domain::anonymous::min_voters_of`].
    pub anonymous_min_voters: Option<u32>,
}

/// How members take part in a retro. Each way has its own folder in the Discord adapter, and
/// `discord::participation` is the one place that chooses between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Participation {
    /// Votes are reactions, answers are replies in the question threads; both carry names.
    #[default]
    Named,
    /// Votes by buttons and answers by a form, keyed by a hash instead of the member.
    Anonymous,
}

impl Participation {
    /// Named, or anonymous when `anonymous` is set (as commands and the store say it).
    pub fn from_anonymous(anonymous: bool) -> Participation {
        if anonymous {
            Participation::Anonymous
        } else {
            Participation::Named
        }
    }

    /// Whether nothing may link a vote or an answer to a member.
    pub fn is_anonymous(self) -> bool {
        self == Participation::Anonymous
    }
}

impl Retro {
    /// `Template name — title`, or just the template name.
    pub fn display_name(&self) -> String {
        match &self.title {
            Some(title) => format!("{} — {}", self.template.name, title),
            None => self.template.name.clone(),
        }
    }
}

/// Someone asking to close a retro, with what the close rule needs to know about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closer {
    pub user_id: MemberId,
    pub has_manage_server: bool,
    pub has_facilitator_role: bool,
}

/// Why someone may close a retro.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseRight {
    Facilitator,
    ManageServer,
    FacilitatorRole,
}

/// The facilitator, a member with Manage Server, or one with the facilitator role may close.
pub fn close_right(retro: &Retro, closer: Closer) -> Option<CloseRight> {
    if closer.user_id == retro.facilitator_id {
        Some(CloseRight::Facilitator)
    } else if closer.has_manage_server {
        Some(CloseRight::ManageServer)
    } else if closer.has_facilitator_role {
        Some(CloseRight::FacilitatorRole)
    } else {
        None
    }
}

/// A title longer than Discord shows; the message is the operator-facing English form (members
/// get it worded in their language by the Discord layer).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The title is {chars} characters long; Discord shows at most {MAX_TITLE_CHARS} here. Please shorten it.")]
pub struct TitleTooLong {
    pub chars: usize,
}

/// Checks a title given to `/retro start`; returns the trimmed title (`None` when blank).
pub fn validate_title(title: Option<&str>) -> Result<Option<String>, TitleTooLong> {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(TitleTooLong { chars });
    }
    Ok(Some(title.to_string()))
}

/// A retro for unit tests: the built-in template in guild 1, channel 2, facilitator 10, open,
/// named; tests change the fields they care about with `..sample_retro()`.
#[cfg(test)]
pub(crate) fn sample_retro() -> Retro {
    Retro {
        id: RetroId(1),
        guild_id: GuildId(1),
        channel_id: ChannelId(2),
        template: crate::domain::template::TemplateCatalog::builtin()
            .get(crate::domain::template::DEFAULT_TEMPLATE_KEY)
            .expect("the built-in template")
            .clone(),
        title: None,
        facilitator_id: MemberId(10),
        status: RetroStatus::Open,
        created_at: Utc::now(),
        closes_at: None,
        header_message_id: None,
        participation: Participation::Named,
        anonymous_min_voters: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retro() -> Retro {
        Retro {
            title: Some("Sprint 14".into()),
            ..sample_retro()
        }
    }

    #[test]
    fn who_may_close() {
        let r = retro();
        let someone = Closer {
            user_id: MemberId(11),
            has_manage_server: false,
            has_facilitator_role: false,
        };
        assert_eq!(close_right(&r, someone), None);
        assert_eq!(
            close_right(
                &r,
                Closer {
                    user_id: MemberId(10),
                    ..someone
                }
            ),
            Some(CloseRight::Facilitator)
        );
        assert_eq!(
            close_right(
                &r,
                Closer {
                    has_manage_server: true,
                    ..someone
                }
            ),
            Some(CloseRight::ManageServer)
        );
        assert_eq!(
            close_right(
                &r,
                Closer {
                    has_facilitator_role: true,
                    ..someone
                }
            ),
            Some(CloseRight::FacilitatorRole)
        );
    }

    #[test]
    fn life_cycle_only_moves_forward() {
        use RetroStatus::*;
        assert!(Posting.can_become(Open));
        assert!(Open.can_become(Closing));
        assert!(!Closed.can_become(Open));
        assert!(!Open.can_become(Closed));
        assert!(!Failed.can_become(Open));
        for s in [Posting, Open, Closing, Closed, Failed] {
            assert_eq!(RetroStatus::parse(s.as_str()), Some(s));
        }
        assert!(Open.accepts_input() && !Closing.accepts_input() && !Closed.accepts_input());
    }

    #[test]
    fn titles() {
        assert_eq!(validate_title(None), Ok(None));
        assert_eq!(validate_title(Some("  ")), Ok(None));
        assert_eq!(validate_title(Some(" Q3 ")), Ok(Some("Q3".into())));
        assert!(validate_title(Some(&"x".repeat(101)))
            .unwrap_err()
            .to_string()
            .contains("101 characters"));
        assert_eq!(
            retro().display_name(),
            "Amazon \"Customer Obsession\" Health Check — Sprint 14"
        );
    }
}
