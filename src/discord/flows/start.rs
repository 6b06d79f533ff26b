//! Starting a retro, whoever asks (`/retro start` or a schedule): create it (one per channel),
//! post it, open it. A failed post is removed and the retro marked failed, never left looking
//! open — except a scheduled check-in whose post failed transiently (Discord's 5xx, a dropped
//! connection) within the schedule's grace: it stays `posting` and is resumed (nothing posted
//! twice) by the scheduler's next pass.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::cleanup::remove_posts;
use super::post::{post_retro, PostError};
use super::work::{self, WorkGuard};
use crate::discord::bot::Bot;
use crate::domain::ids::{ChannelId, GuildId, MemberId, RoleId};
use crate::domain::retro::{Participation, Retro, RetroStatus};
use crate::domain::schedule::ScheduleId;
use crate::domain::template::Template;
use crate::store::{NewRetro, StoreError};

/// What a retro is started with.
#[derive(Clone, Debug)]
pub struct StartRequest {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub template: Template,
    pub title: Option<String>,
    pub facilitator_id: MemberId,
    /// By Discord's clock when known (an interaction's id), so every post is newer.
    pub created_at: DateTime<Utc>,
    pub duration: Option<std::time::Duration>,
    /// The schedule occurrence this check-in is for.
    pub occurrence: Option<(ScheduleId, DateTime<Utc>)>,
    /// The role whose members are expected to take part.
    pub team_role_id: Option<RoleId>,
    /// How members take part.
    pub participation: Participation,
    /// The server's settings at the start, kept by the retro: whether to remind before it
    /// closes, and the smallest group whose anonymous split is shown.
    pub reminders: bool,
    pub anonymous_min_voters: u32,
}

/// Why a retro did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The channel already has a retro (`None` if it vanished meanwhile).
    #[error("the channel already has an active retro")]
    ChannelBusy(Option<Box<Retro>>),
    /// A check-in for this schedule occurrence was already started (by another process).
    #[error("a check-in for this occurrence was already started")]
    OccurrenceTaken,
    #[error("the database failed: {0}")]
    Store(#[from] StoreError),
    /// Posting failed; what was posted was removed except `leftovers` posts.
    #[error("{error}")]
    Post { error: PostError, leftovers: usize },
    /// Posting failed transiently; the check-in stays `posting` and is resumed later.
    #[error("posting failed for now ({0}); it will be resumed")]
    WillResume(PostError),
}

/// Creates, posts and opens a retro.
pub async fn start_retro(bot: &Arc<Bot>, request: StartRequest) -> Result<Retro, StartError> {
    let closes_at = request
        .duration
        .and_then(|d| chrono::Duration::from_std(d).ok())
        .map(|d| request.created_at + d);
    let new = NewRetro {
        guild_id: request.guild_id,
        channel_id: request.channel_id,
        // The copy in the server's language, which the retro keeps.
        template: request
            .template
            .in_language(bot.languages.of(request.guild_id).tag()),
        title: request.title,
        facilitator_id: request.facilitator_id,
        created_at: request.created_at,
        closes_at,
        remind_at: closes_at.filter(|_| request.reminders).and_then(|closes| {
            crate::domain::schedule::reminder_at(
                request.created_at,
                closes,
                bot.config.reminder_before,
            )
        }),
        occurrence: request.occurrence,
        team_role_id: request.team_role_id,
        lease: Some((work::instance(bot), work::lease_end(Utc::now()))),
        participation: request.participation,
    };
    let created = bot
        .store
        .create_retro_keeping(&new, request.anonymous_min_voters)
        .await;
    let retro = match created {
        Ok(retro) => retro,
        Err(StoreError::OccurrenceTaken) => return Err(StartError::OccurrenceTaken),
        Err(StoreError::ChannelBusy(_)) => {
            let busy = bot.store.active_retro_in_channel(new.channel_id).await?;
            return Err(StartError::ChannelBusy(busy.map(Box::new)));
        }
        Err(e) => return Err(e.into()),
    };
    let _guard = WorkGuard::take(bot, retro.id);
    post_and_open(bot, &retro, new.occurrence.is_some()).await?;
    if retro.closes_at.is_some() {
        bot.schedule_changed.notify_one();
    }
    tracing::info!(retro = %retro.id, template = %retro.template.key, participation = ?retro.participation, "retro started");
    Ok(bot.store.retro(retro.id).await?.unwrap_or(retro))
}

/// Whether a failed post of `retro` should be resumed later instead of removed: a scheduled
/// check-in (`scheduled`) that failed transiently, still within the schedule's grace.
fn resume_later(bot: &Bot, retro: &Retro, scheduled: bool, error: &PostError) -> bool {
    scheduled && error.is_transient() && Utc::now() < retro.created_at + bot.config.missed_grace
}

/// Posts what is missing of a retro in `posting` and opens it; on failure removes its posts and
/// marks it failed (unless a scheduled check-in's post can be resumed later).
async fn post_and_open(bot: &Arc<Bot>, retro: &Retro, scheduled: bool) -> Result<(), StartError> {
    if let Err(error) = post_retro(bot, retro).await {
        if resume_later(bot, retro, scheduled, &error) {
            tracing::warn!(retro = %retro.id, %error, "posting a check-in failed for now; it will be resumed");
            bot.schedule_changed.notify_one();
            return Err(StartError::WillResume(error));
        }
        tracing::warn!(retro = %retro.id, %error, "posting a retro failed; removing what was posted");
        let leftovers = remove_posts(bot, retro).await;
        if let Err(db) = bot.store.mark_failed(retro.id, &error.to_string()).await {
            tracing::error!(retro = %retro.id, error = %db, "could not mark a retro as failed");
        }
        return Err(StartError::Post { error, leftovers });
    }
    match bot
        .store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
    {
        Ok(true) => Ok(()),
        outcome => {
            tracing::error!(retro = %retro.id, ?outcome, "could not open a posted retro");
            let leftovers = remove_posts(bot, retro).await;
            let _ = bot.store.mark_failed(retro.id, "could not be opened").await;
            let error =
                PostError::Store(StoreError::Corrupt("the retro could not be opened".into()));
            Err(StartError::Post { error, leftovers })
        }
    }
}

/// Retros left in `posting` by a crash or a transient failure: post what is missing (nothing
/// is posted twice) and open them, or remove their posts if that fails.
pub async fn finish_interrupted_posts(bot: &Arc<Bot>, own_ok: bool) {
    let Ok(stuck) = bot.my_retros(RetroStatus::Posting).await else {
        return;
    };
    for retro in stuck {
        finish_interrupted_post(bot, &retro, own_ok).await;
    }
}

/// Resumes posting one retro left in `posting` (see [`finish_interrupted_posts`]).
pub async fn finish_interrupted_post(bot: &Arc<Bot>, retro: &Retro, own_ok: bool) {
    let _guard = match work::take_over(bot, retro.id, RetroStatus::Posting, own_ok).await {
        Ok(Some(guard)) => guard,
        Ok(None) => return,
        Err(e) => {
            return tracing::warn!(retro = %retro.id, error = %e, "cannot take over an interrupted post")
        }
    };
    let occurrence = match bot.store.retro_occurrence(retro.id).await {
        Ok(occurrence) => occurrence,
        Err(e) => {
            return tracing::warn!(retro = %retro.id, error = %e, "cannot read an interrupted post")
        }
    };
    match post_and_open(bot, retro, occurrence.is_some()).await {
        Ok(()) => {
            tracing::info!(retro = %retro.id, "resumed posting an interrupted retro");
            if retro.closes_at.is_some() {
                bot.schedule_changed.notify_one();
            }
        }
        Err(StartError::WillResume(_)) => {}
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not resume an interrupted retro");
            if let Some((schedule, at)) = occurrence {
                let detail = e.to_string();
                if let Err(e) = bot
                    .store
                    .record_occurrence(schedule, at, "failed", &detail)
                    .await
                {
                    tracing::warn!(%schedule, error = %e, "cannot record a failed occurrence");
                }
            }
        }
    }
}
