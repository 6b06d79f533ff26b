//! Closes that cannot succeed: when Discord refuses a close for good (the channel was deleted,
//! the bot's access revoked, the bot removed from the server), the close is tried
//! [`PERMANENT_ATTEMPTS`] times in all, then the retro ends as "could not close" with the reason:
//! its channel is free for a new retro, its votes and replies stay in the database (exportable
//! with `/retro export`), and its facilitator is told in the channel when the bot can still
//! post there (a DM would need another permission scope), else in the log.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use serenity::all::{ChannelId, CreateAllowedMentions, CreateMessage, Nonce, UserId};

use crate::discord::bot::Bot;
use crate::discord::language;
use crate::domain::retro::Retro;
use crate::tr;

/// How many closes that Discord refused for good are tried before giving up.
pub const PERMANENT_ATTEMPTS: u32 = 3;
/// The pause between two attempts of a close that Discord refused for good (a permission
/// being fixed meanwhile gets a chance; the invalid requests stay few).
pub const PERMANENT_PAUSE: Duration = Duration::from_secs(10);

/// Whether a close of `retro` that Discord refused for good may be tried again now.
pub fn may_retry_close(bot: &Bot, retro: &Retro) -> bool {
    bot.close_failures
        .lock()
        .expect("close failures lock")
        .get(&retro.id)
        .is_none_or(|(_, last)| last.elapsed() >= PERMANENT_PAUSE)
}

/// Forgets the failures counted for `retro` once its close went through.
pub fn close_succeeded(bot: &Bot, retro: &Retro) {
    bot.close_failures
        .lock()
        .expect("close failures lock")
        .remove(&retro.id);
}

/// Handles a failed close of `retro` (`error`, which no retry cures if `permanent`): a
/// transient failure is retried later; a permanent one is counted, and the retro ends as "could
/// not close" at the last attempt.
pub async fn close_failed(bot: &Bot, retro: &Retro, error: &str, permanent: bool) {
    if !permanent {
        tracing::warn!(retro = %retro.id, error = %error, "close failed; will retry");
        return;
    }
    let attempts = {
        let mut failures = bot.close_failures.lock().expect("close failures lock");
        let (count, last) = failures.entry(retro.id).or_insert((0, Instant::now()));
        *count += 1;
        *last = Instant::now();
        *count
    };
    if attempts < PERMANENT_ATTEMPTS {
        tracing::warn!(retro = %retro.id, error = %error, attempts, "Discord refused the close; will try again");
        return;
    }
    let reason = error;
    match bot.store.abandon_close(retro.id, reason).await {
        Ok(true) => {}
        Ok(false) => return,
        Err(e) => {
            return tracing::error!(retro = %retro.id, error = %e, "could not record a close given up; will retry")
        }
    }
    close_succeeded(bot, retro);
    bot.stats.retros_abandoned.fetch_add(1, Ordering::Relaxed);
    tracing::error!(
        retro = %retro.id,
        guild = %retro.guild_id,
        channel = %retro.channel_id,
        facilitator = %retro.facilitator_id,
        %reason,
        attempts,
        "retro could not be closed; its channel is free and its data stays exportable"
    );
    tell_facilitator(bot, retro, reason).await;
}

/// Tells the facilitator in the retro's channel, if the bot can still post there.
async fn tell_facilitator(bot: &Bot, retro: &Retro, reason: &str) {
    let facilitator = UserId::from(retro.facilitator_id);
    // The reason is Discord's (or the database's) own words, quoted as they came.
    let text = tr!(
        language::of_retro(retro),
        "give-up-notice",
        facilitator = format!("<@{facilitator}>"),
        title = plain(&retro.display_name()),
        reason = plain(reason),
        id = retro.id.0.to_string(),
    );
    let body = CreateMessage::new()
        .content(text)
        .allowed_mentions(CreateAllowedMentions::new().users([facilitator]))
        .nonce(Nonce::String(format!("r{}x", retro.id.0)))
        .enforce_nonce(true);
    if let Err(e) = bot
        .rest
        .create_message(ChannelId::from(retro.channel_id), &body)
        .await
    {
        tracing::warn!(retro = %retro.id, error = %e, "could not tell the facilitator in the channel; the log above says why the retro could not be closed");
    }
}

/// Longest piece of member or Discord text quoted in the notice.
const QUOTED_CHARS: usize = 300;

/// `text` shortened and with Discord's markdown characters escaped, so a title can neither
/// format the notice nor plant a link in it.
fn plain(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == QUOTED_CHARS {
            out.push('…');
            break;
        }
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '~'
                | '`'
                | '|'
                | '>'
                | '['
                | ']'
                | '('
                | ')'
                | '#'
                | '-'
                | '<'
                | '@'
                | ':'
        ) {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn quoted_text_cannot_format_or_link() {
        assert_eq!(
            plain("[a](http://x) **b**"),
            "\\[a\\]\\(http\\://x\\) \\*\\*b\\*\\*"
        );
        assert_eq!(plain("line\nbreak"), "line break");
        let long = "x".repeat(5_000);
        assert_eq!(plain(&long).chars().count(), super::QUOTED_CHARS + 1);
    }
}
