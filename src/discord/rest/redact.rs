//! What the bot may say about a failed request: interaction and webhook tokens travel in URL
//! paths (`/interactions/{id}/{token}/…`, `/webhooks/{id}/{token}/…`), and transport errors
//! quote the URL, so every transport error's text passes through [`redact_tokens`]; and how
//! long to wait on a 429, whatever the peer sent ([`retry_after_pause`]).

use std::time::Duration;

/// What replaces a token in error texts.
const REDACTED: &str = "[redacted]";

/// Path segments whose next-but-one segment is a token.
const TOKEN_PARENTS: [&str; 2] = ["/interactions/", "/webhooks/"];

/// `text` with the token segment after every `/interactions/{id}/` and `/webhooks/{id}/`
/// replaced by `[redacted]`.
pub fn redact_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, parent)) = TOKEN_PARENTS
        .iter()
        .filter_map(|p| rest.find(p).map(|at| (at, *p)))
        .min_by_key(|(at, _)| *at)
    {
        let after_parent = at + parent.len();
        out.push_str(&rest[..after_parent]);
        rest = &rest[after_parent..];
        let id_end = segment_end(rest);
        out.push_str(&rest[..id_end]);
        rest = &rest[id_end..];
        if let Some(after_slash) = rest.strip_prefix('/') {
            let token_end = segment_end(after_slash);
            out.push('/');
            if token_end > 0 {
                out.push_str(REDACTED);
            }
            rest = &after_slash[token_end..];
        }
    }
    out.push_str(rest);
    out
}

/// Where a URL path segment ends: at `/`, a query, a fragment, or anything that cannot be
/// part of a URL in an error text.
fn segment_end(text: &str) -> usize {
    text.find(|c: char| {
        matches!(c, '/' | '?' | '#' | ')' | '"' | '\'' | '>' | ',') || c.is_whitespace()
    })
    .unwrap_or(text.len())
}

/// Pause when Discord (or no answer at all) gives no usable `retry_after`.
const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

/// How long to wait before retrying a 429 that said `seconds`: missing or NaN waits a second,
/// negative or zero retries at once; `None` when the wait is longer than `longest` (infinite
/// included), which the caller treats as a failure. Never panics.
pub fn retry_after_pause(seconds: Option<f64>, longest: Duration) -> Option<Duration> {
    let Some(seconds) = seconds.filter(|s| !s.is_nan()) else {
        return Some(DEFAULT_PAUSE.min(longest));
    };
    if seconds <= 0.0 {
        return Some(Duration::ZERO);
    }
    if seconds > longest.as_secs_f64() {
        return None;
    }
    Duration::try_from_secs_f64(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA";

    #[test]
    fn interaction_and_webhook_tokens_are_redacted() {
        let texts = [
            format!("error sending request for url (http://127.0.0.1:9/api/v10/interactions/123/{TOKEN}/callback)"),
            format!("https://discord.com/api/v10/webhooks/987/{TOKEN}/messages/@original?wait=true"),
            format!("https://discord.com/api/v10/webhooks/987/{TOKEN}"),
            format!("\"/api/v10/webhooks/987/{TOKEN}\" and /interactions/5/{TOKEN} twice"),
        ];
        for text in &texts {
            let redacted = redact_tokens(text);
            assert!(!redacted.contains(TOKEN), "{redacted}");
            assert!(redacted.contains("[redacted]"), "{redacted}");
        }
        assert_eq!(
            redact_tokens(&texts[0]),
            "error sending request for url (http://127.0.0.1:9/api/v10/interactions/123/[redacted]/callback)"
        );
        assert_eq!(
            redact_tokens(&texts[1]),
            "https://discord.com/api/v10/webhooks/987/[redacted]/messages/@original?wait=true"
        );
    }

    #[tokio::test]
    async fn a_real_transport_error_does_not_show_the_token() {
        let url = format!("http://127.0.0.1:1/api/v10/interactions/123/{TOKEN}/callback");
        let error = reqwest::Client::new().post(&url).send().await.unwrap_err();
        assert!(
            format!("{error:?}").contains(TOKEN),
            "reqwest quotes the URL"
        );
        let ours = super::super::RestError::transport(&error);
        assert!(!ours.to_string().contains(TOKEN), "{ours}");
        assert!(!format!("{ours:?}").contains(TOKEN), "{ours:?}");
    }

    #[test]
    fn other_texts_are_unchanged() {
        for text in [
            "",
            "connection refused",
            "https://discord.com/api/v10/channels/1/messages",
            "/webhooks/",
            "/webhooks/123",
            "/interactions/123/",
        ] {
            assert_eq!(redact_tokens(text), text);
        }
    }

    #[test]
    fn any_retry_after_gives_a_bounded_pause_or_a_failure() {
        let longest = Duration::from_secs(60);
        assert_eq!(
            retry_after_pause(None, longest),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            retry_after_pause(Some(f64::NAN), longest),
            Some(Duration::from_secs(1))
        );
        assert_eq!(retry_after_pause(Some(-3.0), longest), Some(Duration::ZERO));
        assert_eq!(
            retry_after_pause(Some(f64::NEG_INFINITY), longest),
            Some(Duration::ZERO)
        );
        assert_eq!(
            retry_after_pause(Some(0.25), longest),
            Some(Duration::from_millis(250))
        );
        assert_eq!(retry_after_pause(Some(60.0), longest), Some(longest));
        assert_eq!(retry_after_pause(Some(60.5), longest), None);
        assert_eq!(retry_after_pause(Some(1e300), longest), None);
        assert_eq!(retry_after_pause(Some(f64::INFINITY), longest), None);
        assert_eq!(retry_after_pause(Some(f64::MAX), longest), None);
        assert_eq!(
            retry_after_pause(Some(f64::MIN_POSITIVE), longest),
            Some(Duration::ZERO)
        );
    }
}
