//! The one background loop: sleep until the next due instant (or until something changes),
//! run what is due, repeat; stop cleanly on shutdown. What is due is decided by a [`Jobs`]
//! implementation, so the loop knows nothing about Discord. The loop beats a
//! [`SchedulerHeartbeat`] every time it wakes (at least once a minute), and [`spawn_watched`]
//! marks the heartbeat stopped if the loop ends or panics, so `/healthz` reports it.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{watch, Notify};

use crate::ops::SchedulerHeartbeat;

/// Longest sleep without looking again (guards against clock jumps, and lets periodic work
/// such as re-reading flagged retros run once a minute).
const MAX_SLEEP: Duration = Duration::from_secs(60);
/// Shortest pause between two runs: jobs still working on what is due (in the background) do
/// not make the loop spin.
const MIN_PAUSE: Duration = Duration::from_secs(1);
/// How long the loop may stay silent before `/healthz` calls it stopped.
pub const LONGEST_SILENCE: Duration = Duration::from_secs(180);

/// Where the scheduler gets the time from; tests use [`TokioClock`] with paused time so that no
/// test waits for real minutes.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Wall-clock time that advances with tokio's clock (which tests can pause and advance).
pub struct TokioClock {
    wall: DateTime<Utc>,
    instant: tokio::time::Instant,
}

impl TokioClock {
    pub fn starting_at(wall: DateTime<Utc>) -> TokioClock {
        TokioClock {
            wall,
            instant: tokio::time::Instant::now(),
        }
    }
}

impl Clock for TokioClock {
    fn now(&self) -> DateTime<Utc> {
        self.wall + chrono::Duration::from_std(self.instant.elapsed()).unwrap_or_default()
    }
}

/// The work the scheduler drives.
pub trait Jobs: Send + Sync + 'static {
    /// The next instant something is due, if anything is.
    fn next_due(&self) -> impl Future<Output = Option<DateTime<Utc>>> + Send;
    /// Does everything due at or before `now`; `lag` is how late the loop woke up for the
    /// earliest of it.
    fn run_due(&self, now: DateTime<Utc>, lag: chrono::Duration)
        -> impl Future<Output = ()> + Send;
}

/// Runs the loop on its own task, marking `heartbeat` stopped (and logging why) when the loop
/// ends other than by `stop`, or panics.
pub fn spawn_watched<J: Jobs, C: Clock>(
    jobs: J,
    clock: C,
    changed: Arc<Notify>,
    stop: watch::Receiver<bool>,
    heartbeat: Arc<SchedulerHeartbeat>,
) -> tokio::task::JoinHandle<()> {
    let stopping = stop.clone();
    let inner = tokio::spawn(run(jobs, clock, changed, stop, heartbeat.clone()));
    tokio::spawn(async move {
        let outcome = inner.await;
        heartbeat.stopped();
        match outcome {
            Err(e) if e.is_panic() => tracing::error!(error = %e, "the scheduler panicked"),
            _ if !*stopping.borrow() => tracing::error!("the scheduler stopped"),
            _ => {}
        }
    })
}

/// Runs until `stop` becomes true.
pub async fn run<J: Jobs, C: Clock>(
    jobs: J,
    clock: C,
    changed: Arc<Notify>,
    mut stop: watch::Receiver<bool>,
    heartbeat: Arc<SchedulerHeartbeat>,
) {
    loop {
        if *stop.borrow() {
            return;
        }
        let now = clock.now();
        heartbeat.beat(now);
        let sleep = match jobs.next_due().await {
            Some(due) if due <= now => {
                jobs.run_due(now, now - due).await;
                // Work still due (in progress, or failing) is looked at again after a pause,
                // whatever wakes the loop meanwhile.
                tokio::select! {
                    _ = tokio::time::sleep(MIN_PAUSE) => {}
                    _ = stop.changed() => return,
                }
                continue;
            }
            Some(due) => (due - now).to_std().unwrap_or_default().min(MAX_SLEEP),
            None => MAX_SLEEP,
        };
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = changed.notified() => {}
            _ = stop.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChannelId, GuildId, MemberId};
    use std::sync::Mutex;

    struct Recorder {
        due: Arc<Mutex<Vec<DateTime<Utc>>>>,
        ran: Arc<Mutex<Vec<DateTime<Utc>>>>,
    }

    impl Jobs for Recorder {
        async fn next_due(&self) -> Option<DateTime<Utc>> {
            self.due.lock().unwrap().first().copied()
        }

        async fn run_due(&self, now: DateTime<Utc>, _lag: chrono::Duration) {
            let mut due = self.due.lock().unwrap();
            let fired: Vec<_> = due.iter().copied().filter(|d| *d <= now).collect();
            due.retain(|d| *d > now);
            self.ran.lock().unwrap().extend(fired);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn sleeps_until_due_and_wakes_on_change() {
        let clock = TokioClock::starting_at(Utc::now());
        let start = clock.now();
        let ran = Arc::new(Mutex::new(Vec::new()));
        let first = start + chrono::Duration::seconds(60);
        let due = Arc::new(Mutex::new(vec![first]));
        let jobs = Recorder {
            due: due.clone(),
            ran: ran.clone(),
        };
        let changed = Arc::new(Notify::new());
        let (stop_tx, stop) = watch::channel(false);
        let heartbeat = Arc::new(SchedulerHeartbeat::new(LONGEST_SILENCE));
        let task = tokio::spawn(run(jobs, clock, changed.clone(), stop, heartbeat));
        tokio::time::sleep(Duration::from_secs(30)).await;
        assert!(ran.lock().unwrap().is_empty(), "nothing is due after 30 s");
        tokio::time::sleep(Duration::from_secs(31)).await;
        assert_eq!(*ran.lock().unwrap(), vec![first], "fired once, at 60 s");
        // Nothing is due now, so the loop sleeps its longest (300 s); a new job due at 71 s
        // wakes it through the notification and fires on time.
        let second = start + chrono::Duration::seconds(71);
        due.lock().unwrap().push(second);
        changed.notify_one();
        tokio::time::sleep(Duration::from_secs(11)).await;
        assert_eq!(
            *ran.lock().unwrap(),
            vec![first, second],
            "woken by the change"
        );
        stop_tx.send(true).unwrap();
        task.await.unwrap();
    }

    /// A weekly schedule driven through the real loop by a paused clock, across the start of
    /// daylight-saving time in Berlin: every Monday fires once, at 10:00 local time.
    struct Weekly {
        schedule: Mutex<crate::domain::schedule::Schedule>,
        fired: Arc<Mutex<Vec<DateTime<Utc>>>>,
    }

    impl Jobs for Weekly {
        async fn next_due(&self) -> Option<DateTime<Utc>> {
            self.schedule.lock().unwrap().next_at
        }

        async fn run_due(&self, now: DateTime<Utc>, _lag: chrono::Duration) {
            let mut schedule = self.schedule.lock().unwrap();
            let plan =
                crate::domain::schedule::plan_due(&schedule, now, chrono::Duration::hours(1));
            assert!(plan.skipped.is_empty(), "nothing is missed while running");
            self.fired.lock().unwrap().extend(plan.fire);
            schedule.next_at = plan.next_at;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_weekly_schedule_fires_once_a_week_at_local_time_across_dst() {
        use crate::domain::recurrence::Recurrence;
        use crate::domain::schedule::{Schedule, ScheduleId};
        use chrono::TimeZone;

        let start = Utc.with_ymd_and_hms(2026, 3, 16, 6, 0, 0).unwrap();
        let recurrence = Recurrence::parse("every monday 10:00", "Europe/Berlin", start).unwrap();
        let schedule = Schedule {
            id: ScheduleId(1),
            guild_id: GuildId(1),
            channel_id: ChannelId(2),
            creator_id: MemberId(3),
            next_at: recurrence.next_after(start),
            recurrence,
            template_key: "customer-obsession".into(),
            template: None,
            title: None,
            duration: chrono::Duration::hours(2),
            team_role_id: None,
            participation: crate::domain::retro::Participation::Named,
            paused: false,
        };
        let fired = Arc::new(Mutex::new(Vec::new()));
        let jobs = Weekly {
            schedule: Mutex::new(schedule),
            fired: fired.clone(),
        };
        let (stop_tx, stop) = watch::channel(false);
        let task = tokio::spawn(run(
            jobs,
            TokioClock::starting_at(start),
            Arc::new(Notify::new()),
            stop,
            Arc::new(SchedulerHeartbeat::new(LONGEST_SILENCE)),
        ));
        tokio::time::sleep(Duration::from_secs(36 * 86_400)).await;
        stop_tx.send(true).unwrap();
        task.await.unwrap();
        let utc = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
        let april = |d| Utc.with_ymd_and_hms(2026, 4, d, 8, 0, 0).unwrap();
        // 10:00 in Berlin is 09:00 UTC before 29 March and 08:00 UTC after it.
        assert_eq!(
            *fired.lock().unwrap(),
            vec![
                utc(16, 9),
                utc(23, 9),
                utc(30, 8),
                april(6),
                april(13),
                april(20)
            ]
        );
    }
}
