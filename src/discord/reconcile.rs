//! Reconciliation with Discord: reactions and thread replies are listed from Discord and the
//! store is made to match, so votes and replies made while the bot was offline (or missed in a
//! gap) count, and nothing counts twice. Runs after every READY and before a retro is tallied.

use std::sync::Arc;

use serenity::all::{ChannelId, MessageId, MessageType, UserId};
use tokio::task::JoinSet;

use super::events::reply_from_message;
use super::permissions::invite_url;
use super::rest::RestError;
use super::{closing, commands, Bot};
use crate::domain::retro::{ItemKind, Retro, RetroStatus};
use crate::ingest::PendingHold;
use crate::store::StoreError;

/// What a reconciliation changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReconcileReport {
    pub marks_added: usize,
    pub marks_removed: usize,
    pub replies_written: usize,
    pub replies_removed: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ReconcileError {
    #[error(transparent)]
    Discord(#[from] RestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// After READY: registers the commands, cleans up retros whose posting was interrupted,
/// reconciles every open retro (the writer is held meanwhile, so events that arrive are applied
/// afterwards, on top), resumes interrupted closings, then reports ready.
pub async fn after_ready(bot: &Arc<Bot>, hold: PendingHold) {
    let guard = hold.reached().await;
    let first_ready = !*bot.ready.borrow();
    if first_ready {
        if let Some(app) = bot.rest.application_id() {
            tracing::info!(url = %invite_url(app), "invite the bot with this URL");
        }
        if let Err(e) = bot.rest.set_global_commands(&commands::definitions()).await {
            tracing::error!(error = %e, "could not register the slash commands");
        }
        super::starting::resume_interrupted(bot, true).await;
    }
    let open = bot.my_retros(RetroStatus::Open).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot list open retros to reconcile");
        Vec::new()
    });
    let mut jobs = JoinSet::new();
    for retro in open {
        let bot = bot.clone();
        jobs.spawn(async move {
            let outcome = reconcile_retro(&bot, &retro).await;
            (retro.id, outcome)
        });
    }
    let mut reconciled = 0;
    while let Some(Ok((retro, outcome))) = jobs.join_next().await {
        match outcome {
            Ok(report) => {
                reconciled += 1;
                tracing::info!(%retro, ?report, "reconciled with Discord");
            }
            Err(e) => {
                tracing::warn!(%retro, error = %e, "could not reconcile; the close will try again")
            }
        }
    }
    drop(guard);
    if first_ready {
        closing::resume_interrupted(bot, true).await;
    }
    // Ready first, then wake the scheduler: it plans nothing before the bot is ready.
    bot.ready.send_replace(true);
    bot.schedule_changed.notify_one();
    tracing::info!(reconciled, "retrobot ready");
}

/// Makes the store's reactions and replies of `retro` match what Discord shows.
pub async fn reconcile_retro(
    bot: &Arc<Bot>,
    retro: &Retro,
) -> Result<ReconcileReport, ReconcileError> {
    if retro.anonymous {
        return super::anonymous::reconcile(bot, retro).await;
    }
    let items = bot.store.items(retro.id).await?;
    let mut jobs: JoinSet<Result<ReconcileReport, ReconcileError>> = JoinSet::new();
    for item in items {
        let (bot, retro) = (bot.clone(), retro.clone());
        match (item.kind, item.message_id, item.thread_id) {
            (ItemKind::Statement, Some(message), _) => {
                jobs.spawn(async move {
                    reconcile_statement(&bot, &retro, item.position, MessageId::new(message)).await
                });
            }
            (ItemKind::Question, _, Some(thread)) => {
                jobs.spawn(async move {
                    reconcile_thread(&bot, &retro, item.position, ChannelId::new(thread)).await
                });
            }
            _ => {}
        }
    }
    let mut report = ReconcileReport::default();
    while let Some(joined) = jobs.join_next().await {
        let part =
            joined.map_err(|e| StoreError::Corrupt(format!("reconcile task failed: {e}")))??;
        report.marks_added += part.marks_added;
        report.marks_removed += part.marks_removed;
        report.replies_written += part.replies_written;
        report.replies_removed += part.replies_removed;
    }
    Ok(report)
}

async fn reconcile_statement(
    bot: &Bot,
    retro: &Retro,
    position: usize,
    message: MessageId,
) -> Result<ReconcileReport, ReconcileError> {
    let channel = ChannelId::new(retro.channel_id);
    let mut present = Vec::new();
    let mut names = Vec::new();
    for (option, choice) in retro.template.scale.options.iter().enumerate() {
        let mut after: Option<UserId> = None;
        loop {
            let page = match bot
                .rest
                .reaction_users(channel, message, &choice.emoji, after)
                .await
            {
                Ok(page) => page,
                // The statement message was deleted: there is nothing left to list, keep what
                // was recorded.
                Err(e) if e.is_not_found() => return Ok(ReconcileReport::default()),
                Err(e) => return Err(e.into()),
            };
            after = page.last().map(|u| u.id);
            let full = page.len() >= 100;
            names.extend(
                page.iter()
                    .filter(|u| !u.bot && u.id.get() != bot.user_id())
                    .map(|u| {
                        (
                            u.id.get(),
                            u.global_name.clone().unwrap_or_else(|| u.name.clone()),
                        )
                    }),
            );
            present.extend(
                page.into_iter()
                    .filter(|u| !u.bot && u.id.get() != bot.user_id())
                    .map(|u| (u.id.get(), option)),
            );
            if !full {
                break;
            }
        }
    }
    let clock = bot.ingest.clock.clone();
    let (added, removed) = bot
        .store
        .reconcile_marks(retro.id, position, &present, &mut || clock.next())
        .await?;
    // Votes found only by listing get the listed (global) name; a known name is kept.
    bot.store.record_voter_names(retro.id, &names).await?;
    Ok(ReconcileReport {
        marks_added: added,
        marks_removed: removed,
        ..Default::default()
    })
}

async fn reconcile_thread(
    bot: &Bot,
    retro: &Retro,
    question: usize,
    thread: ChannelId,
) -> Result<ReconcileReport, ReconcileError> {
    let mut replies = Vec::new();
    // Every message in the thread has a larger id than the thread itself.
    let mut after = MessageId::new(thread.get());
    loop {
        let page = match bot.rest.messages_after(thread, after).await {
            Ok(page) => page,
            Err(e) if e.is_not_found() => return Ok(ReconcileReport::default()),
            Err(e) => return Err(e.into()),
        };
        let full = page.len() >= 100;
        if let Some(last) = page.last() {
            after = last.id;
        }
        replies.extend(
            page.iter()
                .filter(|m| !m.author.bot && m.author.id.get() != bot.user_id())
                .filter(|m| matches!(m.kind, MessageType::Regular | MessageType::InlineReply))
                .map(|m| reply_from_message(m, question)),
        );
        if !full {
            break;
        }
    }
    let now = chrono::Utc::now().timestamp_micros();
    let (written, removed) = bot
        .store
        .reconcile_replies(retro.id, question, &replies, now)
        .await?;
    Ok(ReconcileReport {
        replies_written: written,
        replies_removed: removed,
        ..Default::default()
    })
}
