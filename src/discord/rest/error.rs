//! Errors of Discord REST calls, with Discord's own error codes kept for clear messages,
//! and the counters the operator can read.

use std::sync::atomic::AtomicU64;

use serde::Deserialize;

use crate::i18n::Language;
use crate::tr;

#[derive(Debug, Clone, thiserror::Error)]
pub enum RestError {
    /// Discord answered with an error status (`code` is Discord's JSON error code, 0 if none).
    #[error("Discord answered {status}: {message} (code {code})")]
    Discord {
        status: u16,
        code: i64,
        message: String,
    },
    #[error("Discord kept rate-limiting the request after {0} retries")]
    RateLimited(u32),
    #[error("could not reach Discord: {0}")]
    Transport(String),
    #[error("could not read Discord's answer: {0}")]
    Decode(String),
}

impl RestError {
    /// A transport failure, its text with interaction and webhook tokens redacted.
    pub fn transport(error: impl std::fmt::Display) -> RestError {
        RestError::Transport(super::redact::redact_tokens(&error.to_string()))
    }

    /// Discord's "Missing Permissions" or "Missing Access".
    pub fn is_missing_permission(&self) -> bool {
        matches!(
            self,
            RestError::Discord {
                code: 50001 | 50013,
                ..
            }
        )
    }

    /// A failure that may pass if the call is tried again: Discord's 5xx, a timeout or a
    /// dropped connection.
    pub fn is_transient(&self) -> bool {
        match self {
            RestError::Transport(_) => true,
            RestError::Discord { status, .. } => super::retry::is_transient_status(*status),
            _ => false,
        }
    }

    /// A failure that no retry will cure for this channel: the bot lost access (403, Missing
    /// Access), the channel or server is gone (404 Unknown Channel / Unknown Guild), or the bot
    /// was removed.
    pub fn is_permanent(&self) -> bool {
        matches!(
            self,
            RestError::Discord {
                status: 403 | 404,
                ..
            } | RestError::Discord {
                code: 10003 | 10004 | 50001 | 50013,
                ..
            }
        )
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, RestError::Discord { status: 404, .. })
    }

    /// The failure in words for a member in `lang` (`Display` stays English, for logs).
    /// Discord's own message is quoted as Discord wrote it.
    pub fn describe(&self, lang: Language) -> String {
        match self {
            RestError::Discord {
                status,
                code,
                message,
            } => tr!(
                lang,
                "rest-discord",
                status = status.to_string(),
                message = message,
                code = code.to_string()
            ),
            RestError::RateLimited(retries) => tr!(lang, "rest-rate-limited", retries = *retries),
            RestError::Transport(error) => tr!(lang, "rest-unreachable", error = error),
            RestError::Decode(error) => tr!(lang, "rest-unreadable", error = error),
        }
    }
}

impl From<serenity::Error> for RestError {
    fn from(error: serenity::Error) -> Self {
        match error {
            serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response)) => {
                RestError::Discord {
                    status: response.status_code.as_u16(),
                    code: response.error.code as i64,
                    message: response.error.message,
                }
            }
            serenity::Error::Http(serenity::http::HttpError::Request(e)) => RestError::transport(e),
            serenity::Error::Json(e) => RestError::Decode(e.to_string()),
            other => RestError::transport(other),
        }
    }
}

#[derive(Deserialize)]
pub(super) struct ErrorBody {
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub retry_after: Option<f64>,
}

/// Counters the operator can read (429s, errors, retries and invalid requests seen).
#[derive(Debug, Default)]
pub struct RestCounters {
    pub requests: AtomicU64,
    pub rate_limited: AtomicU64,
    pub errors: AtomicU64,
    /// Transient failures retried.
    pub retried: AtomicU64,
    /// 401, 403 and 429 answers in the last 10 minutes (Discord bans at 10,000).
    pub invalid: super::invalid::InvalidRequests,
}
