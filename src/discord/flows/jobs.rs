//! What the scheduler loop drives: retros whose duration ended, reminders before a close,
//! scheduled check-ins and digests whose occurrence is due, and closes that need another attempt.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::close::{close_expired, finish_interrupted_closes};
use super::remind::post_reminder;
use super::start::{start_retro, StartError, StartRequest};
use crate::discord::bot::Bot;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::ids::GuildId;
use crate::domain::retro::RetroStatus;
use crate::domain::schedule::{plan_due, Schedule};
use crate::domain::settings::ServerSettings;
use crate::domain::template::Template;
use crate::store::StoreError;

/// How long to wait before retrying a close that failed (Discord or database trouble).
const CLOSE_RETRY: chrono::Duration = chrono::Duration::seconds(30);
/// How soon to try again when the database could not be read.
const DB_RETRY: chrono::Duration = chrono::Duration::seconds(5);
/// Skipped occurrences recorded one by one after downtime (older ones are only counted).
const RECORDED_SKIPS: usize = 20;

/// The scheduler's jobs for this bot.
pub struct DueWork(pub Arc<Bot>);

impl crate::scheduler::Jobs for DueWork {
    async fn next_due(&self) -> Option<DateTime<Utc>> {
        let bot = &self.0;
        if !*bot.ready.borrow() {
            return None;
        }
        match next_due(bot).await {
            Ok(next) => next,
            Err(e) => {
                bot.stats.database_error();
                tracing::warn!(error = %e, "cannot plan the next job; retrying soon");
                Some(Utc::now() + DB_RETRY)
            }
        }
    }

    async fn run_due(&self, now: DateTime<Utc>, lag: chrono::Duration) {
        let bot = &self.0;
        let lag_ms = lag.num_milliseconds().max(0) as u64;
        bot.stats
            .scheduler_lag_ms
            .store(lag_ms, std::sync::atomic::Ordering::Relaxed);
        // Closes first: a check-in whose duration equals its schedule's interval frees the
        // channel for the next one.
        close_expired(bot, now).await;
        remind_due(bot, now).await;
        fire_due(bot, now).await;
        super::digest::post_due_digests(bot, now).await;
        finish_interrupted_closes(bot, false).await;
        super::start::finish_interrupted_posts(bot, false).await;
    }
}

/// The earliest close, reminder, occurrence or close retry of the guilds this process serves.
async fn next_due(bot: &Bot) -> Result<Option<DateTime<Utc>>, StoreError> {
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
    if stuck > 0 {
        candidates.push(Utc::now() + CLOSE_RETRY);
    }
    Ok(candidates.into_iter().min())
}

async fn remind_due(bot: &Arc<Bot>, now: DateTime<Utc>) {
    let due = match bot.store.due_reminders(now).await {
        Ok(due) => due,
        Err(e) => return tracing::warn!(error = %e, "cannot read due reminders"),
    };
    for reminder in due.into_iter().filter(|r| bot.owns(r.retro.guild_id)) {
        match bot.store.claim_reminder(reminder.retro.id).await {
            Ok(true) => {
                if let Err(e) = post_reminder(bot, &reminder).await {
                    tracing::warn!(retro = %reminder.retro.id, error = %e, "could not post a reminder");
                }
            }
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(retro = %reminder.retro.id, error = %e, "cannot claim a reminder")
            }
        }
    }
}

async fn fire_due(bot: &Arc<Bot>, now: DateTime<Utc>) {
    let due = match bot.store.due_schedules(now).await {
        Ok(due) => due,
        Err(e) => return tracing::warn!(error = %e, "cannot read due schedules"),
    };
    for schedule in due.into_iter().filter(|s| bot.owns(s.guild_id)) {
        fire_schedule(bot, &schedule, now).await;
    }
}

/// Handles one due schedule: skip what was missed beyond grace, start the check-in of the
/// latest occurrence within grace, then move the schedule on. The check-in's retro row (unique
/// per occurrence) is the claim, and it is made before the schedule moves on: a crash in
/// between makes the next run find the check-in started, never lose or repeat it.
async fn fire_schedule(bot: &Arc<Bot>, schedule: &Schedule, now: DateTime<Utc>) {
    let Some(current) = schedule.next_at else {
        return;
    };
    let plan = plan_due(schedule, now, bot.config.missed_grace);
    if !plan.skipped.is_empty() {
        tracing::warn!(
            schedule = %schedule.id,
            skipped = plan.skipped.len(),
            first = %plan.skipped[0],
            last = %plan.skipped[plan.skipped.len() - 1],
            "occurrences missed while offline, beyond the grace window, are skipped"
        );
    }
    for missed in plan.skipped.iter().rev().take(RECORDED_SKIPS) {
        let detail = "missed while the bot was offline, beyond the grace window";
        if let Err(e) = bot
            .store
            .record_occurrence(schedule.id, *missed, "skipped", detail)
            .await
        {
            tracing::warn!(schedule = %schedule.id, error = %e, "cannot record a skipped occurrence");
        }
    }
    if let Some(occurrence) = plan.fire {
        start_checkin(bot, schedule, occurrence, now).await;
    }
    match bot
        .store
        .advance_schedule(schedule.id, current, plan.next_at)
        .await
    {
        Ok(true) => {
            tracing::debug!(schedule = %schedule.id, next = ?plan.next_at, "schedule moved on")
        }
        Ok(false) => {
            tracing::debug!(schedule = %schedule.id, "another process moved the schedule on")
        }
        Err(e) => {
            tracing::warn!(schedule = %schedule.id, error = %e, "cannot move a schedule on; will retry")
        }
    }
}

/// The template a schedule's check-ins use: the copy it keeps, else (schedules made before
/// copies were kept) the template of that key its server can use now.
async fn template_of(bot: &Bot, schedule: &Schedule) -> Option<Template> {
    if let Some(template) = &schedule.template {
        return Some(template.clone());
    }
    match catalog_of(bot, Some(schedule.guild_id)).await {
        Ok(catalog) => catalog.get(&schedule.template_key).map(|(t, _)| t.clone()),
        Err(e) => {
            tracing::warn!(schedule = %schedule.id, error = %e, "cannot read the server's templates");
            bot.config.templates.get(&schedule.template_key).cloned()
        }
    }
}

async fn start_checkin(
    bot: &Arc<Bot>,
    schedule: &Schedule,
    occurrence: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    let settings = match settings_of(bot, schedule.guild_id).await {
        Ok(settings) => settings,
        Err(e) => {
            // The occurrence is due now: start it with the operator's defaults.
            tracing::warn!(schedule = %schedule.id, error = %e, "cannot read the server's settings; using the defaults");
            ServerSettings::default().resolve(&bot.config.setting_defaults())
        }
    };
    let Some(template) = template_of(bot, schedule).await else {
        let detail = format!("the template `{}` no longer exists", schedule.template_key);
        tracing::warn!(schedule = %schedule.id, %detail, "scheduled check-in not started");
        let _ = bot
            .store
            .record_occurrence(schedule.id, occurrence, "failed", &detail)
            .await;
        return;
    };
    let request = StartRequest {
        guild_id: schedule.guild_id,
        channel_id: schedule.channel_id,
        template,
        title: schedule.title.clone(),
        facilitator_id: schedule.creator_id,
        created_at: now,
        duration: schedule.duration.to_std().ok(),
        occurrence: Some((schedule.id, occurrence)),
        team_role_id: schedule.team_role_id,
        participation: schedule.participation,
        reminders: settings.reminders.value,
        anonymous_min_voters: settings.anonymous_min_voters.value,
    };
    let detail = match start_retro(bot, request).await {
        Ok(retro) => {
            tracing::info!(schedule = %schedule.id, retro = %retro.id, %occurrence, "scheduled check-in started");
            return;
        }
        Err(StartError::OccurrenceTaken) => return,
        Err(StartError::ChannelBusy(_)) => "the channel still had an open retro".to_string(),
        Err(e) => e.to_string(),
    };
    tracing::warn!(schedule = %schedule.id, %occurrence, %detail, "scheduled check-in not started");
    if let Err(e) = bot
        .store
        .record_occurrence(schedule.id, occurrence, "failed", &detail)
        .await
    {
        tracing::warn!(schedule = %schedule.id, error = %e, "cannot record a failed occurrence");
    }
}
