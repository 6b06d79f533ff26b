//! When a failed Discord call is tried again: 5xx answers, timeouts and dropped connections are
//! transient and retried after a capped exponential back-off with full jitter; anything else
//! (4xx) is final. Only calls that are safe to repeat are retried ([`Repeat`]): messages carry
//! a nonce with `enforce_nonce`, edits, deletions and reads change nothing twice; creating a
//! thread is not, so its caller finds the thread before creating it again.

use std::time::Duration;

/// How many times a transient failure is retried before the caller sees it.
pub const MAX_TRANSIENT_RETRIES: u32 = 4;
/// The first back-off and the longest one.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const LONGEST_BACKOFF: Duration = Duration::from_secs(8);

/// Whether a call may be sent again after a transient failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    /// Sending it twice has the effect of sending it once.
    Safe,
    /// A repeat could act twice (a lost answer hides whether the first one acted).
    Never,
}

/// Whether an HTTP status is a transient failure of Discord (or of a proxy in front of it).
pub fn is_transient_status(status: u16) -> bool {
    matches!(status, 500 | 502 | 503 | 504 | 520..=529)
}

/// The pause before retry number `attempt` (1-based): a random share ("full jitter") of
/// `FIRST_BACKOFF · 2^(attempt-1)`, capped at `LONGEST_BACKOFF`, and never zero.
pub fn backoff(attempt: u32) -> Duration {
    let ceiling = FIRST_BACKOFF
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(LONGEST_BACKOFF);
    let share = getrandom::u64().unwrap_or(u64::MAX / 2) as f64 / u64::MAX as f64;
    ceiling.mul_f64(share).max(Duration::from_millis(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        for attempt in 1..40 {
            let pause = backoff(attempt);
            assert!(pause >= Duration::from_millis(10));
            assert!(pause <= LONGEST_BACKOFF, "{attempt}: {pause:?}");
        }
        let firsts: Vec<Duration> = (0..50).map(|_| backoff(1)).collect();
        assert!(firsts.iter().all(|p| *p <= FIRST_BACKOFF));
        assert!(
            firsts.iter().any(|p| *p != firsts[0]),
            "jitter varies the pause"
        );
    }

    #[test]
    fn only_server_side_failures_are_transient() {
        for status in [500, 502, 503, 504, 522] {
            assert!(is_transient_status(status), "{status}");
        }
        for status in [400, 401, 403, 404, 405, 429, 501] {
            assert!(!is_transient_status(status), "{status}");
        }
    }
}
