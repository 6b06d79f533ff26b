//! Reconciling every open retro of this process with Discord, side by side, so votes and
//! replies made while the bot was offline (or missed in a gap) count. Runs after every READY;
//! a close reconciles its own retro again before the tally. A reconciled retro's flag "to be
//! re-read" (set when a full writer queue dropped its input) is cleared.

use std::sync::Arc;

use tokio::task::JoinSet;

use crate::discord::bot::Bot;
use crate::discord::participation;
use crate::domain::retro::RetroStatus;

/// Reconciles every open retro; returns how many were reconciled (the others are logged and
/// reconciled again by their close).
pub async fn reconcile_open_retros(bot: &Arc<Bot>) -> usize {
    let open = bot.my_retros(RetroStatus::Open).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot list open retros to reconcile");
        Vec::new()
    });
    let mut jobs = JoinSet::new();
    for retro in open {
        let bot = bot.clone();
        jobs.spawn(async move {
            let read_from = chrono::Utc::now();
            let outcome = participation::reconcile(&bot, &retro).await;
            if outcome.is_ok() {
                if let Err(e) = bot.store.clear_reread(retro.id, read_from).await {
                    tracing::warn!(retro = %retro.id, error = %e, "cannot clear a re-read flag");
                }
            }
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
    reconciled
}
