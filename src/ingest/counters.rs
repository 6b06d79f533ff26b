//! What the vote writer counts, for logs and metrics.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;

/// Counters about the writer, for logs and metrics.
#[derive(Debug)]
pub struct IngestCounters {
    pub changes: AtomicU64,
    /// Reaction changes (votes) committed.
    pub marks: AtomicU64,
    pub batches: AtomicU64,
    /// Commits that failed (transient failures retried, or batches split to find a bad change).
    pub commit_failures: AtomicU64,
    /// Changes the database rejected for good (skipped; the rest of their batch committed).
    pub rejected: AtomicU64,
    /// Changes dropped from memory because the queue was full (their retros are flagged to be
    /// re-read from Discord).
    pub dropped: AtomicU64,
    /// Microseconds from a change's arrival from the gateway to its commit.
    latency_micros: Mutex<Histogram<u64>>,
}

impl Default for IngestCounters {
    fn default() -> Self {
        IngestCounters {
            changes: AtomicU64::new(0),
            marks: AtomicU64::new(0),
            batches: AtomicU64::new(0),
            commit_failures: AtomicU64::new(0),
            rejected: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            latency_micros: Mutex::new(
                Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("a 1 µs to 1 h histogram"),
            ),
        }
    }
}

impl IngestCounters {
    pub(super) fn record_latencies(&self, arrivals: impl Iterator<Item = Instant>) {
        let now = Instant::now();
        let mut histogram = self.latency_micros.lock().expect("latency histogram lock");
        for arrived in arrivals {
            histogram.saturating_record(now.duration_since(arrived).as_micros() as u64);
        }
    }

    /// The given quantile (0..=1) of arrival-to-commit latency, if anything was committed.
    pub fn latency_quantile(&self, quantile: f64) -> Option<Duration> {
        let histogram = self.latency_micros.lock().expect("latency histogram lock");
        (!histogram.is_empty())
            .then(|| Duration::from_micros(histogram.value_at_quantile(quantile)))
    }

    /// Logs what the writer did (at shutdown).
    pub fn log_summary(&self) {
        let micros = |q| self.latency_quantile(q).map_or(0, |d| d.as_micros() as u64);
        tracing::info!(
            changes = self.changes.load(Ordering::Relaxed),
            batches = self.batches.load(Ordering::Relaxed),
            commit_failures = self.commit_failures.load(Ordering::Relaxed),
            rejected = self.rejected.load(Ordering::Relaxed),
            dropped = self.dropped.load(Ordering::Relaxed),
            p50_us = micros(0.5),
            p99_us = micros(0.99),
            max_us = micros(1.0),
            "ingest summary"
        );
    }
}
