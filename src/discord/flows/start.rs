//! Starting a retro, whoever asks (`/retro start` or a schedule): create it (one per channel),
//! post it, open it. A failed post is removed and the retro marked failed, never left looking
//! open.

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
        remind_at: closes_at.and_then(|closes| {
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
    let retro = match bot.store.create_retro(&new).await {
        Ok(retro) => retro,
        Err(StoreError::OccurrenceTaken) => return Err(StartError::OccurrenceTaken),
        Err(StoreError::ChannelBusy(_)) => {
            let busy = bot.store.active_retro_in_channel(new.channel_id).await?;
            return Err(StartError::ChannelBusy(busy.map(Box::new)));
        }
        Err(e) => return Err(e.into()),
    };
    let _guard = WorkGuard::take(bot, retro.id);
    post_and_open(bot, &retro).await?;
    if retro.closes_at.is_some() {
        bot.schedule_changed.notify_one();
    }
    tracing::info!(retro = %retro.id, template = %retro.template.key, participation = ?retro.participation, "retro started");
    Ok(bot.store.retro(retro.id).await?.unwrap_or(retro))
}

/// Posts what is missing of a retro in `posting` and opens it; on failure removes its posts and
/// marks it failed.
async fn post_and_open(bot: &Arc<Bot>, retro: &Retro) -> Result<(), StartError> {
    if let Err(error) = post_retro(bot, retro).await {
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

/// Retros left in `posting` by a crash: post what is missing (nothing is posted twice) and open
/// them, or remove their posts if that fails.
pub async fn finish_interrupted_posts(bot: &Arc<Bot>, at_startup: bool) {
    let Ok(stuck) = bot.my_retros(RetroStatus::Posting).await else {
        return;
    };
    for retro in stuck {
        let _guard = match work::take_over(bot, retro.id, RetroStatus::Posting, at_startup).await {
            Ok(Some(guard)) => guard,
            Ok(None) => continue,
            Err(e) => {
                tracing::warn!(retro = %retro.id, error = %e, "cannot take over an interrupted post");
                continue;
            }
        };
        match post_and_open(bot, &retro).await {
            Ok(()) => {
                tracing::info!(retro = %retro.id, "resumed posting a retro interrupted by a restart");
                if retro.closes_at.is_some() {
                    bot.schedule_changed.notify_one();
                }
            }
            Err(e) => {
                tracing::warn!(retro = %retro.id, error = %e, "could not resume an interrupted retro")
            }
        }
    }
}
