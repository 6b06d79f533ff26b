//! Closing a retro: claim it (so it is closed once, by one closer), stop taking input, wait for
//! queued input to be durable, reconcile with Discord, tally, save the rendered summary, post
//! it part by part (recording each part, so a restart continues instead of repeating), lock.
//! A close that fails for good (the channel deleted, the bot's access revoked, the bot removed)
//! is tried a few times, then ends as "could not close" (`give_up`).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, MessageId, Nonce};

use super::give_up::{close_failed, close_succeeded};
use super::looking_back;
use super::post_chart::post_with_chart;
use super::work::{self, WorkGuard};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::participation::{self, report::ReconcileError};
use crate::discord::render::{self, RenderedMessage};
use crate::discord::rest::RestError;
use crate::domain::retro::{Retro, RetroStatus};
use crate::store::StoreError;

/// Why a close did not complete.
#[derive(Debug, thiserror::Error)]
pub enum CloseError {
    #[error("the retro is not open (it is {0})")]
    NotOpen(&'static str),
    #[error("the retro is already being closed")]
    InProgress,
    #[error("could not count the votes on Discord: {0}")]
    Reconcile(#[from] ReconcileError),
    #[error("Discord refused the summary: {0}")]
    Post(#[from] RestError),
    #[error("database error: {0}")]
    Store(#[from] StoreError),
}

/// Closes an open retro; returns the id of the summary's first message.
pub async fn close_retro(bot: &Arc<Bot>, retro: &Retro) -> Result<MessageId, CloseError> {
    let guard = WorkGuard::take(bot, retro.id).ok_or(CloseError::InProgress)?;
    let until = work::lease_end(Utc::now());
    if !bot
        .store
        .claim_close(retro.id, &work::instance(bot), until)
        .await?
    {
        let now = bot
            .store
            .retro(retro.id)
            .await?
            .map_or(RetroStatus::Closed, |r| r.status);
        return Err(CloseError::NotOpen(now.as_str()));
    }
    bot.live.write().expect("live index lock").remove(retro.id);
    // Everything that arrived before the claim is committed before the tally.
    bot.ingest.flush().await;
    finish_claimed(bot, retro, &guard).await
}

/// Completes a close that was claimed but not finished (a crash, a Discord or database
/// failure), once its lease is free (at start-up also this instance's own).
pub async fn finish_close(
    bot: &Arc<Bot>,
    retro: &Retro,
    at_startup: bool,
) -> Result<MessageId, CloseError> {
    let guard = work::take_over(bot, retro.id, RetroStatus::Closing, at_startup)
        .await?
        .ok_or(CloseError::InProgress)?;
    finish_claimed(bot, retro, &guard).await
}

/// Reconciles and renders once (saving the summary), then posts the parts not yet posted, then
/// locks the retro.
async fn finish_claimed(
    bot: &Arc<Bot>,
    retro: &Retro,
    _guard: &WorkGuard<'_>,
) -> Result<MessageId, CloseError> {
    let (saved, posted) = bot.store.summary_progress(retro.id).await?;
    let parts: Vec<RenderedMessage> = match saved.and_then(|json| serde_json::from_str(&json).ok())
    {
        Some(parts) => parts,
        None => {
            let read_from = Utc::now();
            let report = participation::reconcile(bot, retro).await?;
            tracing::info!(retro = %retro.id, ?report, "reconciled before closing");
            // Whatever a full writer queue dropped was just read again from Discord.
            bot.store.clear_reread(retro.id, read_from).await?;
            let summary = participation::summarise(bot, retro).await?;
            let extras = looking_back::summary_extras(bot, retro, &summary, Utc::now()).await?;
            let parts = render::summary::summary_with(&summary, &extras);
            let json =
                serde_json::to_string(&parts).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            bot.store.save_summary(retro.id, &json).await?;
            parts
        }
    };
    // The summary is computed: for anonymous retros nothing may link a vote to a member now.
    participation::seal(bot, retro).await?;
    let channel = ChannelId::from(retro.channel_id);
    let mut first = posted.first().copied().map(MessageId::from);
    for (index, part) in parts.iter().enumerate().skip(posted.len()) {
        // The nonce makes a repeated post (after a lost answer or a crash) return the first.
        let nonce = Nonce::String(format!("r{}p{index}", retro.id.0));
        let body = part.to_create_message().nonce(nonce).enforce_nonce(true);
        let message = post_with_chart(bot, channel, part, body).await?;
        bot.store
            .record_summary_part(retro.id, message.id.domain())
            .await?;
        work::renew(bot, retro.id, RetroStatus::Closing).await;
        first.get_or_insert(message.id);
    }
    bot.store
        .transition(retro.id, RetroStatus::Closing, RetroStatus::Closed)
        .await?;
    tracing::info!(retro = %retro.id, parts = parts.len(), "retro closed");
    participation::after_close(bot, retro).await;
    Ok(first.unwrap_or(MessageId::new(1)))
}

impl CloseError {
    /// Whether no retry will cure it: Discord refused for good (the channel or server is gone,
    /// the bot lost its access).
    pub fn is_permanent(&self) -> bool {
        match self {
            CloseError::Post(e) | CloseError::Reconcile(ReconcileError::Discord(e)) => {
                e.is_permanent()
            }
            _ => false,
        }
    }
}

/// Finishes closings interrupted by a crash or a Discord failure.
pub async fn finish_interrupted_closes(bot: &Arc<Bot>, at_startup: bool) {
    let Ok(closing) = bot.my_retros(RetroStatus::Closing).await else {
        return;
    };
    for retro in closing {
        finish_interrupted_close(bot, &retro, at_startup).await;
    }
}

/// Finishes one closing interrupted by a crash or a Discord failure (or gives it up).
pub async fn finish_interrupted_close(bot: &Arc<Bot>, retro: &Retro, at_startup: bool) {
    bot.live.write().expect("live index lock").remove(retro.id);
    match finish_close(bot, retro, at_startup).await {
        Ok(_) => {
            close_succeeded(bot, retro);
            tracing::info!(retro = %retro.id, "finished an interrupted close")
        }
        Err(CloseError::InProgress) => {
            tracing::debug!(retro = %retro.id, "an interrupted close is being finished elsewhere")
        }
        Err(e) => close_failed(bot, retro, &e.to_string(), e.is_permanent()).await,
    }
}

/// Closes `retro` if its duration ended at or before `now`.
pub async fn close_if_expired(bot: &Arc<Bot>, retro: &Retro, now: DateTime<Utc>) {
    if retro.closes_at.is_none_or(|at| at > now) {
        return;
    }
    match close_retro(bot, retro).await {
        Ok(_) => {
            close_succeeded(bot, retro);
            tracing::info!(retro = %retro.id, "closed at the end of its duration")
        }
        Err(CloseError::NotOpen(_) | CloseError::InProgress) => {}
        Err(e) => close_failed(bot, retro, &e.to_string(), e.is_permanent()).await,
    }
}
