//! The writer's memory bound: how many changes may wait in memory, and which retros lost
//! changes when more arrived than that (remembered in a bounded set, then persisted as
//! "re-read from Discord" once the database takes writes again).

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::domain::retro::RetroId;

/// How much the writer may hold in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IngestLimits {
    /// Most changes waiting in memory (queued or in the batch being committed). A change is a
    /// few hundred bytes (a reply up to ~4 KB), so the default 100,000 is tens of MB at most;
    /// at 1,000 votes a second it lasts about 100 s of database outage.
    pub max_queued: usize,
    /// Most retros remembered as having lost changes; past that every active retro is
    /// flagged instead.
    pub max_flagged: usize,
}

impl Default for IngestLimits {
    fn default() -> Self {
        IngestLimits {
            max_queued: 100_000,
            max_flagged: 10_000,
        }
    }
}

/// The retros whose changes were dropped, not yet persisted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub retros: BTreeSet<RetroId>,
    /// More retros lost changes than the set may hold: flag every active retro.
    pub every_active: bool,
}

impl Dropped {
    pub fn is_empty(&self) -> bool {
        self.retros.is_empty() && !self.every_active
    }
}

/// Shared between the submitters and the writer.
#[derive(Debug)]
pub(super) struct Overflow {
    limits: IngestLimits,
    queued: AtomicUsize,
    dropped: Mutex<Dropped>,
}

impl Overflow {
    pub fn new(limits: IngestLimits) -> Overflow {
        Overflow {
            limits,
            queued: AtomicUsize::new(0),
            dropped: Mutex::default(),
        }
    }

    /// Reserves room for one change; `false` (and `retro` remembered) when the queue is full.
    pub fn admit(&self, retro: RetroId) -> bool {
        let admitted = self
            .queued
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |queued| {
                (queued < self.limits.max_queued).then_some(queued + 1)
            })
            .is_ok();
        if !admitted {
            self.remember(retro);
        }
        admitted
    }

    /// `count` changes left memory (committed or rejected).
    pub fn release(&self, count: usize) {
        self.queued.fetch_sub(count, Ordering::AcqRel);
    }

    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::Acquire)
    }

    fn remember(&self, retro: RetroId) {
        let mut dropped = self.dropped.lock().expect("dropped retros lock");
        if dropped.every_active || dropped.retros.contains(&retro) {
            return;
        }
        if dropped.retros.len() < self.limits.max_flagged {
            dropped.retros.insert(retro);
        } else {
            dropped.retros.clear();
            dropped.every_active = true;
        }
    }

    /// Takes what was remembered, to persist it.
    pub fn take_dropped(&self) -> Dropped {
        std::mem::take(&mut *self.dropped.lock().expect("dropped retros lock"))
    }

    /// Puts back what could not be persisted.
    pub fn restore_dropped(&self, back: Dropped) {
        if back.every_active {
            let mut dropped = self.dropped.lock().expect("dropped retros lock");
            dropped.retros.clear();
            dropped.every_active = true;
            return;
        }
        for retro in back.retros {
            self.remember(retro);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_never_holds_more_than_its_bound_and_remembers_who_lost_changes() {
        let overflow = Overflow::new(IngestLimits {
            max_queued: 3,
            max_flagged: 2,
        });
        assert!((0..3).all(|_| overflow.admit(RetroId(1))));
        assert!(!overflow.admit(RetroId(7)));
        assert!(!overflow.admit(RetroId(7)));
        assert_eq!(overflow.queued(), 3);
        overflow.release(1);
        assert!(overflow.admit(RetroId(1)));
        let dropped = overflow.take_dropped();
        assert_eq!(dropped.retros, BTreeSet::from([RetroId(7)]));
        assert!(!dropped.every_active);
        assert!(overflow.take_dropped().is_empty());
    }

    #[test]
    fn too_many_retros_flag_every_active_one() {
        let overflow = Overflow::new(IngestLimits {
            max_queued: 0,
            max_flagged: 2,
        });
        for retro in 1..=3 {
            assert!(!overflow.admit(RetroId(retro)));
        }
        let dropped = overflow.take_dropped();
        assert!(dropped.every_active && dropped.retros.is_empty());
        overflow.restore_dropped(dropped);
        assert!(overflow.take_dropped().every_active);
    }
}
