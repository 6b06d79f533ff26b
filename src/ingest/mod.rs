//! The single writer of members' input: changes arrive in gateway order, get an arrival
//! sequence number, and are committed in batches (one transaction per batch). A failed commit
//! is retried with back-off, never dropped. Others can wait for everything submitted so far to
//! be durable (`flush`) or pause the writer while they reconcile (`hold`).

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;

use tokio::sync::{mpsc, oneshot};

use crate::domain::live::Change;
use crate::store::{SequencedChange, Store};

/// Most changes committed in one transaction.
const MAX_BATCH: usize = 2_000;

/// Hands out strictly increasing sequence numbers close to the wall clock (microseconds), so
/// they keep growing across restarts.
#[derive(Debug, Default)]
pub struct SeqClock {
    last: AtomicI64,
}

impl SeqClock {
    pub fn next(&self) -> i64 {
        let now = chrono::Utc::now().timestamp_micros();
        let mut last = self.last.load(Ordering::Relaxed);
        loop {
            let next = now.max(last + 1);
            match self
                .last
                .compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return next,
                Err(seen) => last = seen,
            }
        }
    }
}

enum Message {
    Change(Change, Instant),
    Flush(oneshot::Sender<()>),
    Hold {
        reached: oneshot::Sender<()>,
        release: oneshot::Receiver<()>,
    },
    Stop(oneshot::Sender<()>),
}

/// Counters about the writer, for logs and metrics.
#[derive(Debug)]
pub struct IngestCounters {
    pub changes: AtomicU64,
    /// Reaction changes (votes) committed.
    pub marks: AtomicU64,
    pub batches: AtomicU64,
    pub commit_failures: AtomicU64,
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
            latency_micros: Mutex::new(
                Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("a 1 µs to 1 h histogram"),
            ),
        }
    }
}

impl IngestCounters {
    fn record_latencies(&self, arrivals: impl Iterator<Item = Instant>) {
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
            p50_us = micros(0.5),
            p99_us = micros(0.99),
            max_us = micros(1.0),
            "ingest summary"
        );
    }
}

/// Handle to the writer task; cheap to clone.
#[derive(Clone)]
pub struct Ingest {
    tx: mpsc::UnboundedSender<Message>,
    pub clock: Arc<SeqClock>,
    pub counters: Arc<IngestCounters>,
}

/// While held, the writer applies nothing; dropping the guard lets it continue.
pub struct HoldGuard {
    _release: oneshot::Sender<()>,
}

/// A hold that has been queued but maybe not reached yet.
pub struct PendingHold {
    wait: oneshot::Receiver<()>,
    guard: HoldGuard,
}

impl PendingHold {
    /// Waits until the writer has committed everything before the hold and paused.
    pub async fn reached(self) -> HoldGuard {
        let _ = self.wait.await;
        self.guard
    }
}

impl Ingest {
    /// Starts the writer on the current runtime.
    pub fn spawn(store: Store) -> Ingest {
        let (tx, rx) = mpsc::unbounded_channel();
        let ingest = Ingest {
            tx,
            clock: Arc::default(),
            counters: Arc::default(),
        };
        tokio::spawn(run_writer(
            store,
            rx,
            ingest.clock.clone(),
            ingest.counters.clone(),
        ));
        ingest
    }

    /// Queues a change that arrived at `arrived`; it is committed after everything queued
    /// before it.
    pub fn submit(&self, change: Change, arrived: Instant) {
        let _ = self.tx.send(Message::Change(change, arrived));
    }

    /// Waits until every change submitted before this call is committed.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Message::Flush(done)).is_ok() {
            let _ = wait.await;
        }
    }

    /// Asks the writer to pause after committing everything queued so far. The request is
    /// queued at once, so changes submitted after this call wait until the guard is dropped.
    pub fn hold(&self) -> PendingHold {
        let (reached, wait) = oneshot::channel();
        let (release_tx, release) = oneshot::channel();
        let _ = self.tx.send(Message::Hold { reached, release });
        PendingHold {
            wait,
            guard: HoldGuard {
                _release: release_tx,
            },
        }
    }

    /// Commits what is queued and ends the writer.
    pub async fn stop(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Message::Stop(done)).is_ok() {
            let _ = wait.await;
        }
    }
}

async fn run_writer(
    store: Store,
    mut rx: mpsc::UnboundedReceiver<Message>,
    clock: Arc<SeqClock>,
    counters: Arc<IngestCounters>,
) {
    let mut batch: Vec<SequencedChange> = Vec::new();
    let mut arrivals: Vec<Instant> = Vec::new();
    let mut flushed: Vec<oneshot::Sender<()>> = Vec::new();
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        let mut after_commit = None;
        while let Some(message) = next.take() {
            match message {
                Message::Change(change, arrived) => {
                    batch.push(SequencedChange {
                        seq: clock.next(),
                        change,
                    });
                    arrivals.push(arrived);
                }
                Message::Flush(done) => flushed.push(done),
                other => {
                    after_commit = Some(other);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = rx.try_recv().ok();
            }
        }
        commit(&store, &mut batch, &counters).await;
        counters.record_latencies(arrivals.drain(..));
        for done in flushed.drain(..) {
            let _ = done.send(());
        }
        match after_commit {
            Some(Message::Hold { reached, release }) => {
                let _ = reached.send(());
                let _ = release.await;
            }
            Some(Message::Stop(done)) => {
                counters.log_summary();
                let _ = done.send(());
                return;
            }
            _ => {}
        }
    }
}

/// Commits `batch`, retrying with back-off until the database takes it.
async fn commit(store: &Store, batch: &mut Vec<SequencedChange>, counters: &IngestCounters) {
    if batch.is_empty() {
        return;
    }
    let mut pause = Duration::from_millis(50);
    loop {
        match store.apply_changes(batch).await {
            Ok(()) => break,
            Err(error) => {
                counters.commit_failures.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(%error, changes = batch.len(), retry_in_ms = pause.as_millis() as u64, "could not record changes; retrying");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
        }
    }
    counters
        .changes
        .fetch_add(batch.len() as u64, Ordering::Relaxed);
    let marks = batch
        .iter()
        .filter(|c| {
            matches!(
                c.change,
                Change::MarkAdded { .. } | Change::MarkRemoved { .. }
            )
        })
        .count();
    counters.marks.fetch_add(marks as u64, Ordering::Relaxed);
    counters.batches.fetch_add(1, Ordering::Relaxed);
    batch.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_numbers_strictly_increase() {
        let clock = SeqClock::default();
        let mut last = clock.next();
        for _ in 0..10_000 {
            let next = clock.next();
            assert!(next > last);
            last = next;
        }
    }
}
