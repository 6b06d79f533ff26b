//! The adapter's counters: gateway events handled, database errors met, how late the
//! scheduler ran, jobs that panicked and closes given up. `health` reads them for `/metrics`.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters kept by the adapter.
#[derive(Debug, Default)]
pub struct Stats {
    pub events: AtomicU64,
    pub database_errors: AtomicU64,
    /// How late the scheduler ran its last job, in milliseconds.
    pub scheduler_lag_ms: AtomicU64,
    /// Scheduled jobs that panicked (logged; the scheduler went on).
    pub job_panics: std::sync::Arc<AtomicU64>,
    /// Retros ended as "could not close".
    pub retros_abandoned: AtomicU64,
}

impl Stats {
    pub fn database_error(&self) {
        self.database_errors.fetch_add(1, Ordering::Relaxed);
    }
}
