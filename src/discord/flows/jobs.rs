//! What the scheduler loop drives: retros whose duration ended, reminders before a close,
//! scheduled check-ins (`checkin`) and digests (`digest`) whose occurrence is due, closes and
//! posts that need another attempt, and (once a minute) re-reading retros whose input a full writer queue dropped. Each server's due
//! work runs in its own lane (`lanes`): servers side by side (at most [`PARALLEL_SERVERS`] at
//! once), one server's jobs in order, so one slow server delays nobody else, and a job that
//! panics is logged and counted while the rest goes on. Retries and re-reads wait while the
//! invalid-request count is over its budget (`rest::invalid`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};

use super::checkin::fire_schedule;
use super::close::{close_if_expired, finish_interrupted_close};
use super::give_up::may_retry_close;
use super::lanes::Lanes;
use super::remind::post_reminder;
use super::start::finish_interrupted_post;
use crate::discord::bot::Bot;
use crate::discord::participation;
use crate::domain::ids::GuildId;
use crate::domain::retro::{Retro, RetroStatus};
use crate::domain::schedule::Schedule;
use crate::store::{DueReminder, StoreError};

/// How long to wait before retrying a close or post that failed (Discord or database trouble).
const CLOSE_RETRY: chrono::Duration = chrono::Duration::seconds(15);
/// How soon to try again when the database could not be read.
const DB_RETRY: chrono::Duration = chrono::Duration::seconds(5);
/// Most servers whose work runs at the same time.
pub const PARALLEL_SERVERS: usize = 8;
/// How often retros flagged to be re-read are re-read while open.
const REREAD_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Which lane a job runs in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Lane {
    Server(GuildId),
    Reread,
    Digests,
}

/// The scheduler's jobs for this bot.
pub struct DueWork {
    bot: Arc<Bot>,
    lanes: Lanes<Lane>,
    last_reread: Mutex<Option<Instant>>,
    /// When unfinished closes and posts are tried next: set once per round, so the time stays
    /// put until it is reached (a time recomputed from "now" at every plan would never come).
    retry_at: Mutex<Option<DateTime<Utc>>>,
}

impl DueWork {
    pub fn new(bot: Arc<Bot>) -> DueWork {
        let panics = bot.stats.job_panics.clone();
        let lanes = Lanes::new(PARALLEL_SERVERS, panics, bot.schedule_changed.clone());
        DueWork {
            lanes,
            bot,
            last_reread: Mutex::new(None),
            retry_at: Mutex::new(None),
        }
    }
}

/// One server's due work, done in this order: closes first (a check-in whose duration equals
/// its schedule's interval frees the channel for the next one), reminders, check-ins, then
/// retries of interrupted closes and posts.
#[derive(Default)]
struct ServerWork {
    closes: Vec<Retro>,
    reminders: Vec<DueReminder>,
    schedules: Vec<Schedule>,
    unfinished_closes: Vec<Retro>,
    unfinished_posts: Vec<Retro>,
}

impl ServerWork {
    async fn run(self, bot: Arc<Bot>, now: DateTime<Utc>) {
        for retro in &self.closes {
            close_if_expired(&bot, retro, now).await;
        }
        for reminder in &self.reminders {
            remind(&bot, reminder).await;
        }
        for schedule in &self.schedules {
            fire_schedule(&bot, schedule, now).await;
        }
        // Own failed work is retried without waiting for its lease (this process's lease name
        // is its own), closes that Discord refused not before their pause is over.
        for retro in self
            .unfinished_closes
            .iter()
            .filter(|r| may_retry_close(&bot, r))
        {
            finish_interrupted_close(&bot, retro, true).await;
        }
        for retro in &self.unfinished_posts {
            finish_interrupted_post(&bot, retro, true).await;
        }
    }
}

impl crate::scheduler::Jobs for DueWork {
    async fn next_due(&self) -> Option<DateTime<Utc>> {
        let bot = &self.bot;
        if !*bot.ready.borrow() {
            return None;
        }
        match next_due(bot, &self.retry_at).await {
            Ok(next) => next,
            Err(e) => {
                bot.stats.database_error();
                tracing::warn!(error = %e, "cannot plan the next job; retrying soon");
                Some(Utc::now() + DB_RETRY)
            }
        }
    }

    async fn run_due(&self, now: DateTime<Utc>, lag: chrono::Duration) {
        let bot = &self.bot;
        let lag_ms = lag.num_milliseconds().max(0) as u64;
        bot.stats
            .scheduler_lag_ms
            .store(lag_ms, std::sync::atomic::Ordering::Relaxed);
        self.start_due_work(now).await;
        self.reread_when_due();
    }
}

impl DueWork {
    /// Gathers what is due per server and starts each server's lane (unless still busy).
    async fn start_due_work(&self, now: DateTime<Utc>) {
        let bot = &self.bot;
        let mut servers: BTreeMap<GuildId, ServerWork> = BTreeMap::new();
        fn due(servers: &mut BTreeMap<GuildId, ServerWork>, guild: GuildId) -> &mut ServerWork {
            servers.entry(guild).or_default()
        }
        match bot.my_retros(RetroStatus::Open).await {
            Ok(open) => open
                .into_iter()
                .filter(|r| r.closes_at.is_some_and(|at| at <= now))
                .for_each(|r| due(&mut servers, r.guild_id).closes.push(r)),
            Err(e) => tracing::warn!(error = %e, "cannot read the open retros"),
        }
        match bot.store.due_reminders(now).await {
            Ok(reminders) => reminders
                .into_iter()
                .filter(|r| bot.owns(r.retro.guild_id))
                .for_each(|r| due(&mut servers, r.retro.guild_id).reminders.push(r)),
            Err(e) => tracing::warn!(error = %e, "cannot read due reminders"),
        }
        match bot.store.due_schedules(now).await {
            Ok(schedules) => schedules
                .into_iter()
                .filter(|s| bot.owns(s.guild_id))
                .for_each(|s| due(&mut servers, s.guild_id).schedules.push(s)),
            Err(e) => tracing::warn!(error = %e, "cannot read due schedules"),
        }
        if bot.rest.counters.invalid.over_budget() {
            tracing::warn!(
                invalid = bot.rest.counters.invalid.in_window(),
                "many invalid Discord requests in the last 10 minutes; retries wait"
            );
        } else {
            // Tried now: the next round of retries is planned afresh.
            *self.retry_at.lock().expect("retry clock lock") = None;
            for retro in bot
                .my_retros(RetroStatus::Closing)
                .await
                .unwrap_or_default()
            {
                due(&mut servers, retro.guild_id)
                    .unfinished_closes
                    .push(retro);
            }
            for retro in bot
                .my_retros(RetroStatus::Posting)
                .await
                .unwrap_or_default()
            {
                due(&mut servers, retro.guild_id)
                    .unfinished_posts
                    .push(retro);
            }
        }
        for (guild, work) in servers {
            tracing::debug!(
                %guild,
                closes = work.closes.len(),
                reminders = work.reminders.len(),
                checkins = work.schedules.len(),
                unfinished_closes = work.unfinished_closes.len(),
                unfinished_posts = work.unfinished_posts.len(),
                busy = self.lanes.is_busy(&Lane::Server(guild)),
                "due work of a server"
            );
            self.lanes
                .start(Lane::Server(guild), work.run(bot.clone(), now));
        }
        let digests_bot = bot.clone();
        self.lanes.start(Lane::Digests, async move {
            super::digest::post_due_digests(&digests_bot, now).await
        });
    }

    /// Starts re-reading flagged retros if a minute passed since the last time.
    fn reread_when_due(&self) {
        let mut last = self.last_reread.lock().expect("reread clock lock");
        if last.is_some_and(|at| at.elapsed() < REREAD_EVERY) {
            return;
        }
        if self.bot.rest.counters.invalid.over_budget() {
            return;
        }
        *last = Some(Instant::now());
        self.lanes
            .start(Lane::Reread, reread_flagged(self.bot.clone()));
    }
}

/// Re-reads from Discord the open retros whose input a full writer queue dropped (the writer
/// paused meanwhile, so later events apply on top), and clears their flags; flags of retros no
/// longer open are cleared (their close re-read them).
async fn reread_flagged(bot: Arc<Bot>) {
    let flagged = match bot.store.retros_needing_reread().await {
        Ok(flagged) if flagged.is_empty() => return,
        Ok(flagged) => flagged,
        Err(e) => return tracing::warn!(error = %e, "cannot read the retros to re-read"),
    };
    for id in flagged {
        let read_from = Utc::now();
        let retro = match bot.store.retro(id).await {
            Ok(Some(retro)) if retro.status == RetroStatus::Open && bot.owns(retro.guild_id) => {
                retro
            }
            Ok(Some(retro)) if retro.status.is_active() || !bot.owns(retro.guild_id) => continue,
            Ok(_) => {
                let _ = bot.store.clear_reread(id, read_from).await;
                continue;
            }
            Err(e) => {
                tracing::warn!(retro = %id, error = %e, "cannot read a retro to re-read");
                continue;
            }
        };
        let guard = bot.ingest.hold().reached().await;
        let outcome = participation::reconcile(&bot, &retro).await;
        drop(guard);
        match outcome {
            Ok(report) => {
                tracing::info!(retro = %id, ?report, "re-read a retro whose input was dropped");
                if let Err(e) = bot.store.clear_reread(id, read_from).await {
                    tracing::warn!(retro = %id, error = %e, "cannot clear a re-read flag");
                }
            }
            Err(e) => tracing::warn!(retro = %id, error = %e, "could not re-read; will try again"),
        }
    }
}

/// The earliest close, reminder, occurrence or close retry of the guilds this process serves.
async fn next_due(
    bot: &Bot,
    retry_at: &Mutex<Option<DateTime<Utc>>>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let open = bot.my_retros(RetroStatus::Open).await?;
    let mut candidates: Vec<DateTime<Utc>> = open.iter().filter_map(|r| r.closes_at).collect();
    let mine = |(guild, at): (GuildId, DateTime<Utc>)| bot.owns(guild).then_some(at);
    candidates.extend(
        bot.store
            .upcoming_reminders()
            .await?
            .into_iter()
            .filter_map(mine),
    );
    candidates.extend(
        bot.store
            .upcoming_occurrences()
            .await?
            .into_iter()
            .filter_map(mine),
    );
    candidates.extend(
        bot.store
            .upcoming_digests()
            .await?
            .into_iter()
            .filter_map(mine),
    );
    let stuck = bot.my_retros(RetroStatus::Closing).await?.len()
        + bot.my_retros(RetroStatus::Posting).await?.len();
    let mut retry_at = retry_at.lock().expect("retry clock lock");
    if stuck > 0 {
        candidates.push(*retry_at.get_or_insert_with(|| Utc::now() + CLOSE_RETRY));
    } else {
        *retry_at = None;
    }
    Ok(candidates.into_iter().min())
}

/// Posts a due reminder; it counts as sent once posted. Its messages carry nonces, so posting
/// it again (after a crash before it was marked sent, or by a second process with the same
/// shards) returns the same messages; a transient failure leaves it due for the next pass, a
/// permanent one (no access to the channel) gives it up.
async fn remind(bot: &Arc<Bot>, reminder: &DueReminder) {
    let retro = reminder.retro.id;
    match post_reminder(bot, reminder).await {
        Ok(()) => {}
        Err(e) if e.is_permanent() => {
            tracing::warn!(%retro, error = %e, "Discord refused the reminder for good; it is given up");
        }
        Err(e) => {
            return tracing::warn!(%retro, error = %e, "could not post a reminder; it stays due")
        }
    }
    if let Err(e) = bot.store.claim_reminder(retro).await {
        tracing::warn!(%retro, error = %e, "cannot mark a posted reminder sent");
    }
}
