//! What happens after every READY: the first time, the commands are registered and retros whose
//! posting was interrupted are finished or removed; every time, every open retro is reconciled
//! with Discord (the writer is held meanwhile, so events that arrive are applied afterwards, on
//! top); the first time, interrupted closings are finished; then the bot reports ready.

use std::sync::Arc;

use super::refusals::missing_commands_scope;
use crate::discord::bot::Bot;
use crate::discord::commands;
use crate::discord::flows::{close, digest, reconcile, start};
use crate::discord::permissions::invite_url;
use crate::ingest::PendingHold;

/// Runs once the writer reached `hold` (everything queued before READY is committed).
pub async fn after_ready(bot: &Arc<Bot>, hold: PendingHold) {
    let guard = hold.reached().await;
    let first_ready = !*bot.ready.borrow();
    if first_ready {
        if let Some(app) = bot.rest.application_id() {
            tracing::info!(url = %invite_url(app), "invite the bot with this URL");
        }
        if let Err(e) = bot.rest.set_global_commands(&commands::registered()).await {
            let invite = bot
                .rest
                .application_id()
                .map(invite_url)
                .unwrap_or_default();
            match missing_commands_scope(&e, &invite) {
                Some(line) => tracing::error!("{line}"),
                None => tracing::error!(error = %e, "could not register the slash commands"),
            }
        }
        start::finish_interrupted_posts(bot, true).await;
        digest::repost_unposted(bot).await;
    }
    let reconciled = reconcile::reconcile_open_retros(bot).await;
    drop(guard);
    if first_ready {
        close::finish_interrupted_closes(bot, true).await;
    }
    // Ready first, then wake the scheduler: it plans nothing before the bot is ready.
    bot.ready.send_replace(true);
    bot.schedule_changed.notify_one();
    tracing::info!(reconciled, "retrobot ready");
}
