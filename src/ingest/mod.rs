//! The single writer of members' input: changes arrive in gateway order, get an arrival
//! sequence number, and are committed in batches (one transaction per batch).
//!
//! - A transient failure (connection, lock, read-only or full database) is retried with
//!   back-off until the database takes the batch.
//! - A change the database rejects for good is isolated by halving the batch: it is logged
//!   (ids only) and counted in `rejected`, and the rest of the batch is committed.
//! - Memory is bounded ([`IngestLimits`]): past `max_queued` waiting changes, new ones are
//!   dropped, counted in `dropped`, and their retros remembered; once the database takes
//!   writes again those retros are flagged in the store (`retros_needing_reread`) so the bot
//!   re-reads them from Discord.
//!
//! Others can wait for everything submitted so far to be durable (`flush`) or pause the writer
//! while they reconcile (`hold`).

mod counters;
mod overflow;

use std::ops::Range;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use crate::domain::live::Change;
use crate::domain::retro::RetroStatus;
use crate::store::{SequencedChange, Store};
pub use counters::IngestCounters;
use overflow::Overflow;
pub use overflow::{Dropped, IngestLimits};

/// Most changes committed in one transaction.
const MAX_BATCH: usize = 2_000;
/// First and longest pause before retrying a transient failure.
const FIRST_PAUSE: Duration = Duration::from_millis(50);
const LONGEST_PAUSE: Duration = Duration::from_secs(5);

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

/// Handle to the writer task; cheap to clone.
#[derive(Clone)]
pub struct Ingest {
    tx: mpsc::UnboundedSender<Message>,
    pub clock: Arc<SeqClock>,
    pub counters: Arc<IngestCounters>,
    overflow: Arc<Overflow>,
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
    /// Starts the writer on the current runtime, with the default memory bound.
    pub fn spawn(store: Store) -> Ingest {
        Ingest::spawn_with_limits(store, IngestLimits::default())
    }

    /// Starts the writer on the current runtime, holding at most `limits` in memory.
    pub fn spawn_with_limits(store: Store, limits: IngestLimits) -> Ingest {
        let (tx, rx) = mpsc::unbounded_channel();
        let ingest = Ingest {
            tx,
            clock: Arc::default(),
            counters: Arc::default(),
            overflow: Arc::new(Overflow::new(limits)),
        };
        let writer = Writer {
            store,
            clock: ingest.clock.clone(),
            counters: ingest.counters.clone(),
            overflow: ingest.overflow.clone(),
        };
        tokio::spawn(writer.run(rx));
        ingest
    }

    /// Queues a change that arrived at `arrived`; it is committed after everything queued
    /// before it. When the queue is full the change is dropped and its retro flagged to be
    /// re-read from Discord.
    pub fn submit(&self, change: Change, arrived: Instant) {
        if !self.overflow.admit(change.retro()) {
            self.counters.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if self.tx.send(Message::Change(change, arrived)).is_err() {
            self.overflow.release(1);
        }
    }

    /// How many changes wait in memory now (never more than `max_queued`).
    pub fn queued(&self) -> usize {
        self.overflow.queued()
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

/// The writer task's state.
struct Writer {
    store: Store,
    clock: Arc<SeqClock>,
    counters: Arc<IngestCounters>,
    overflow: Arc<Overflow>,
}

impl Writer {
    async fn run(self, mut rx: mpsc::UnboundedReceiver<Message>) {
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
                            seq: self.clock.next(),
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
            self.commit(&batch).await;
            self.overflow.release(batch.len());
            batch.clear();
            self.counters.record_latencies(arrivals.drain(..));
            self.persist_dropped().await;
            for done in flushed.drain(..) {
                let _ = done.send(());
            }
            match after_commit {
                Some(Message::Hold { reached, release }) => {
                    let _ = reached.send(());
                    let _ = release.await;
                }
                Some(Message::Stop(done)) => {
                    self.counters.log_summary();
                    let _ = done.send(());
                    return;
                }
                _ => {}
            }
        }
    }

    /// Commits `batch`: transient failures are retried with back-off until the database takes
    /// it; a permanent failure splits the failing part in halves until the change the database
    /// rejects is alone, and that change is skipped (logged with ids only, counted).
    async fn commit(&self, batch: &[SequencedChange]) {
        // Parts still to commit, the next one last; always in arrival order.
        let mut parts: Vec<Range<usize>> = Vec::new();
        if !batch.is_empty() {
            parts.push(0..batch.len());
        }
        let mut pause = FIRST_PAUSE;
        while let Some(part) = parts.pop() {
            let changes = &batch[part.clone()];
            let error = match self.store.apply_changes(changes).await {
                Ok(()) => {
                    self.count_committed(changes);
                    pause = FIRST_PAUSE;
                    continue;
                }
                Err(error) => error,
            };
            if error.is_transient() {
                self.counters
                    .commit_failures
                    .fetch_add(1, Ordering::Relaxed);
                tracing::warn!(%error, changes = changes.len(), retry_in_ms = pause.as_millis() as u64, "could not record changes; retrying");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
                parts.push(part);
            } else if let [rejected] = changes {
                self.counters.rejected.fetch_add(1, Ordering::Relaxed);
                tracing::error!(
                    retro = %rejected.change.retro(),
                    change = rejected.change.kind(),
                    seq = rejected.seq,
                    %error,
                    "the database rejected a change; it is skipped"
                );
            } else {
                self.counters
                    .commit_failures
                    .fetch_add(1, Ordering::Relaxed);
                let middle = part.start + part.len() / 2;
                parts.push(middle..part.end);
                parts.push(part.start..middle);
            }
        }
    }

    fn count_committed(&self, changes: &[SequencedChange]) {
        let marks = changes
            .iter()
            .filter(|c| {
                matches!(
                    c.change,
                    Change::MarkAdded { .. } | Change::MarkRemoved { .. }
                )
            })
            .count();
        let counters = &self.counters;
        counters
            .changes
            .fetch_add(changes.len() as u64, Ordering::Relaxed);
        counters.marks.fetch_add(marks as u64, Ordering::Relaxed);
        counters.batches.fetch_add(1, Ordering::Relaxed);
    }

    /// Flags the retros whose changes were dropped (the database took a commit, so it is back);
    /// kept in memory for the next try if it fails.
    async fn persist_dropped(&self) {
        let mut dropped = self.overflow.take_dropped();
        if dropped.is_empty() {
            return;
        }
        let flagged = async {
            if dropped.every_active {
                for status in [
                    RetroStatus::Posting,
                    RetroStatus::Open,
                    RetroStatus::Closing,
                ] {
                    let active = self.store.retros_with_status(status).await?;
                    dropped.retros.extend(active.iter().map(|r| r.id));
                }
            }
            self.store
                .flag_retros_for_reread(&dropped.retros, chrono::Utc::now())
                .await
        };
        match flagged.await {
            Ok(()) => tracing::warn!(
                retros = dropped.retros.len(),
                "changes were dropped while the database was away; their retros are flagged to be re-read from Discord"
            ),
            Err(error) => {
                tracing::warn!(%error, "could not flag retros to be re-read; trying again after the next commit");
                self.overflow.restore_dropped(dropped);
            }
        }
    }
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
