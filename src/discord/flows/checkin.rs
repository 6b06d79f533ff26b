//! Scheduled check-ins: a due schedule skips what was missed beyond grace, starts the check-in
//! of its latest occurrence within grace (with the template copy it keeps and its server's
//! settings as they are now), then moves on.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::start::{start_retro, StartError, StartRequest};
use crate::discord::bot::Bot;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::schedule::{plan_due, Schedule};
use crate::domain::settings::ServerSettings;
use crate::domain::template::Template;

/// Skipped occurrences recorded one by one after downtime (older ones are only counted).
const RECORDED_SKIPS: usize = 20;

/// Handles one due schedule: skip what was missed beyond grace, start the check-in of the
/// latest occurrence within grace, then move the schedule on. The check-in's retro row (unique
/// per occurrence) is the claim, and it is made before the schedule moves on: a crash in
/// between makes the next run find the check-in started, never lose or repeat it.
pub async fn fire_schedule(bot: &Arc<Bot>, schedule: &Schedule, now: DateTime<Utc>) {
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

/// Starts the check-in of `occurrence` with the server's settings as they are now.
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
        Err(StartError::OccurrenceTaken | StartError::WillResume(_)) => return,
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
