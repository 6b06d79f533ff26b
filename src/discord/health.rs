//! What the operators' endpoint reports about this bot: gateway shards connected, database
//! reachable and writable, the scheduler alive, and the counters behind `/metrics`.

use std::sync::atomic::Ordering;
use std::time::Duration;

use serenity::all::ConnectionStage;

use super::bot::Bot;
use crate::domain::retro::RetroStatus;
use crate::ops::{Probe, Snapshot};

impl Bot {
    /// Whether every gateway shard of this process is connected.
    pub async fn gateway_connected(&self) -> bool {
        let Some(manager) = self.gateway.shard_manager() else {
            return false;
        };
        let runners = manager.runners.lock().await;
        !runners.is_empty()
            && runners
                .values()
                .all(|r| r.stage == ConnectionStage::Connected)
    }
}

impl Probe for Bot {
    async fn snapshot(&self) -> Snapshot {
        let ping = tokio::time::timeout(Duration::from_secs(2), self.store.ping()).await;
        let database_reachable = matches!(ping, Ok(Ok(())));
        if !database_reachable {
            self.stats.database_error();
        }
        let open =
            tokio::time::timeout(Duration::from_secs(2), self.my_retros(RetroStatus::Open)).await;
        let retros_open = match open {
            Ok(Ok(open)) => open.len() as i64,
            _ => -1,
        };
        let rest = &self.rest.counters;
        Snapshot {
            gateway_connected: self.gateway_connected().await,
            database_reachable,
            ready: *self.ready.borrow(),
            events_handled: self.stats.events.load(Ordering::Relaxed),
            votes_recorded: self.ingest.counters.marks.load(Ordering::Relaxed),
            retros_open,
            scheduler_lag_seconds: self.stats.scheduler_lag_ms.load(Ordering::Relaxed) as f64
                / 1000.0,
            discord_requests: rest.requests.load(Ordering::Relaxed),
            discord_errors: rest.errors.load(Ordering::Relaxed),
            discord_rate_limited: rest.rate_limited.load(Ordering::Relaxed),
            database_errors: self.stats.database_errors.load(Ordering::Relaxed)
                + self.ingest.counters.commit_failures.load(Ordering::Relaxed),
            discord_retried: rest.retried.load(Ordering::Relaxed),
            discord_invalid_requests_10m: rest.invalid.in_window(),
            ingest_rejected: self.ingest.counters.rejected.load(Ordering::Relaxed),
            ingest_dropped: self.ingest.counters.dropped.load(Ordering::Relaxed),
            job_panics: self.stats.job_panics.load(Ordering::Relaxed),
            retros_abandoned: self.stats.retros_abandoned.load(Ordering::Relaxed),
        }
    }

    /// A database that cannot be written, a scheduler that stopped or went silent.
    async fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        problems.extend(crate::ops::database_write_problem(&self.store).await);
        if *self.ready.borrow() {
            problems.extend(self.heartbeat.problem(chrono::Utc::now()));
        }
        problems
    }
}
