//! Discord's invalid-request budget: an IP that sends 10,000 requests answered 401, 403 or 429
//! within 10 minutes is banned for a while (every server of the bot goes dark). The bot counts
//! its own in a sliding 10-minute window and backs off non-essential work once the count
//! reaches a safe share (20 %) of the limit.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Discord's limit of invalid requests per window.
pub const DISCORD_LIMIT: u64 = 10_000;
/// The share of the limit the bot allows itself before backing off: 2,000 per 10 minutes.
pub const SAFE_BUDGET: u64 = DISCORD_LIMIT / 5;
/// The window Discord counts in.
const WINDOW: Duration = Duration::from_secs(600);

/// Invalid requests (401, 403, 429) sent in the last 10 minutes, counted per second.
#[derive(Debug, Default)]
pub struct InvalidRequests {
    seconds: Mutex<VecDeque<(Instant, u64)>>,
}

impl InvalidRequests {
    /// Whether `status` counts against Discord's budget.
    pub fn counts(status: u16) -> bool {
        matches!(status, 401 | 403 | 429)
    }

    /// One more invalid request, now.
    pub fn record(&self) {
        self.record_at(Instant::now());
    }

    fn record_at(&self, now: Instant) {
        let mut seconds = self.seconds.lock().expect("invalid-request window lock");
        match seconds.back_mut() {
            Some((start, count)) if now.duration_since(*start) < Duration::from_secs(1) => {
                *count += 1
            }
            _ => seconds.push_back((now, 1)),
        }
        Self::forget_old(&mut seconds, now);
    }

    /// How many were sent in the last 10 minutes.
    pub fn in_window(&self) -> u64 {
        self.in_window_at(Instant::now())
    }

    fn in_window_at(&self, now: Instant) -> u64 {
        let mut seconds = self.seconds.lock().expect("invalid-request window lock");
        Self::forget_old(&mut seconds, now);
        seconds.iter().map(|(_, count)| count).sum()
    }

    /// Whether non-essential work (retries of failed work, periodic re-reads) should wait.
    pub fn over_budget(&self) -> bool {
        self.in_window() >= SAFE_BUDGET
    }

    fn forget_old(seconds: &mut VecDeque<(Instant, u64)>, now: Instant) {
        while seconds
            .front()
            .is_some_and(|(start, _)| now.duration_since(*start) >= WINDOW)
        {
            seconds.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_slide_out_after_ten_minutes() {
        let window = InvalidRequests::default();
        let start = Instant::now();
        for i in 0..30 {
            window.record_at(start + Duration::from_millis(100 * i));
        }
        assert_eq!(window.in_window_at(start + Duration::from_secs(5)), 30);
        window.record_at(start + Duration::from_secs(300));
        assert_eq!(window.in_window_at(start + Duration::from_secs(599)), 31);
        assert_eq!(window.in_window_at(start + Duration::from_secs(604)), 1);
        assert_eq!(window.in_window_at(start + Duration::from_secs(900)), 0);
    }

    #[test]
    fn the_budget_is_a_fifth_of_discords_limit() {
        let window = InvalidRequests::default();
        assert!(!window.over_budget());
        let now = Instant::now();
        window.seconds.lock().unwrap().push_back((now, SAFE_BUDGET));
        assert!(window.over_budget());
        assert!(!InvalidRequests::counts(404) && InvalidRequests::counts(403));
    }
}
