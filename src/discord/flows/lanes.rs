//! Background work in lanes: one lane per key (a server), so a server's jobs run one after
//! another while different servers' jobs run side by side, at most `width` at once. A lane
//! that is still busy is skipped (its work is found due again later); a job that panics is
//! logged and counted and its lane freed, so nothing stops the others.

use std::collections::HashSet;
use std::fmt::Debug;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{Notify, Semaphore};

/// Lanes of background work keyed by `K`.
pub struct Lanes<K> {
    busy: Arc<Mutex<HashSet<K>>>,
    slots: Arc<Semaphore>,
    panics: Arc<AtomicU64>,
    /// Notified whenever a job ends (the scheduler looks again).
    done: Arc<Notify>,
}

impl<K: Hash + Eq + Clone + Debug + Send + 'static> Lanes<K> {
    /// Lanes running at most `width` jobs at once, counting panics in `panics` and notifying
    /// `done` when a job ends.
    pub fn new(width: usize, panics: Arc<AtomicU64>, done: Arc<Notify>) -> Lanes<K> {
        Lanes {
            busy: Arc::default(),
            slots: Arc::new(Semaphore::new(width)),
            panics,
            done,
        }
    }

    /// Whether `key`'s lane is working now.
    pub fn is_busy(&self, key: &K) -> bool {
        self.busy.lock().expect("lanes lock").contains(key)
    }

    /// Starts `job` in `key`'s lane unless that lane is busy; returns whether it started.
    pub fn start<F>(&self, key: K, job: F) -> bool
    where
        F: Future<Output = ()> + Send + 'static,
    {
        if !self.busy.lock().expect("lanes lock").insert(key.clone()) {
            return false;
        }
        let (busy, slots, panics, done) = (
            self.busy.clone(),
            self.slots.clone(),
            self.panics.clone(),
            self.done.clone(),
        );
        tokio::spawn(async move {
            let worker = tokio::spawn(async move {
                let _slot = slots.acquire_owned().await;
                job.await
            });
            if let Err(e) = worker.await {
                if e.is_panic() {
                    panics.fetch_add(1, Ordering::Relaxed);
                    tracing::error!(lane = ?key, error = %e, "a scheduled job panicked; the others go on");
                }
            }
            busy.lock().expect("lanes lock").remove(&key);
            done.notify_one();
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn a_slow_lane_delays_nobody_and_a_panic_is_counted() {
        let panics = Arc::new(AtomicU64::new(0));
        let lanes: Lanes<u32> = Lanes::new(2, panics.clone(), Arc::new(Notify::new()));
        let finished = Arc::new(Mutex::new(Vec::new()));
        let log = finished.clone();
        assert!(lanes.start(1, async move {
            tokio::time::sleep(Duration::from_secs(600)).await;
            log.lock().unwrap().push(1);
        }));
        assert!(!lanes.start(1, async {}), "a busy lane is skipped");
        assert!(lanes.start(2, async { panic!("a job that panics") }));
        let log = finished.clone();
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert!(lanes.start(3, async move { log.lock().unwrap().push(3) }));
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(
            *finished.lock().unwrap(),
            vec![3],
            "server 3 ran beside the slow one"
        );
        assert_eq!(panics.load(Ordering::Relaxed), 1);
        assert!(!lanes.is_busy(&2), "a panicked lane is freed");
        assert!(lanes.start(2, async {}), "and takes work again");
        tokio::time::sleep(Duration::from_secs(600)).await;
        assert_eq!(*finished.lock().unwrap(), vec![3, 1]);
        assert!(!lanes.is_busy(&1));
    }
}
