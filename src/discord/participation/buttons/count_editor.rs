//! The task that edits anonymous statements' "N have voted" lines: each queued message once,
//! with the count as it is when the edit goes out, and at most one edit per channel every
//! `EDIT_GAP`, counted from the end of the previous edit.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::Instant;

use super::counts::Target;
use super::render;
use crate::discord::bot::Bot;
use crate::domain::ids::ChannelId;

/// Least time between the end of one edit in a channel and the start of the next (Discord
/// allows about five per five seconds).
const EDIT_GAP: Duration = Duration::from_millis(1_100);

/// Starts the editing task (once).
pub fn spawn(bot: Arc<Bot>) {
    let rx = bot.anonymous.counts.take_receiver();
    if let Some(rx) = rx {
        tokio::spawn(run(bot, rx));
    }
}

fn enqueue(pending: &mut VecDeque<Target>, target: Target) {
    if !pending.contains(&target) {
        pending.push_back(target);
    }
}

async fn run(bot: Arc<Bot>, mut rx: mpsc::UnboundedReceiver<Target>) {
    let mut pending: VecDeque<Target> = VecDeque::new();
    let mut ready_at: HashMap<ChannelId, Instant> = HashMap::new();
    loop {
        while let Ok(target) = rx.try_recv() {
            enqueue(&mut pending, target);
        }
        if pending.is_empty() {
            match rx.recv().await {
                Some(target) => enqueue(&mut pending, target),
                None => return,
            }
            continue;
        }
        let now = Instant::now();
        let ready = |t: &Target| ready_at.get(&t.channel()).is_none_or(|at| *at <= now);
        let Some(index) = pending.iter().position(ready) else {
            let wake = pending
                .iter()
                .filter_map(|t| ready_at.get(&t.channel()))
                .min()
                .copied()
                .unwrap_or(now);
            tokio::select! {
                _ = tokio::time::sleep_until(wake) => {}
                got = rx.recv() => match got {
                    Some(target) => enqueue(&mut pending, target),
                    None => return,
                },
            }
            continue;
        };
        let target = pending.remove(index).expect("a found index");
        ready_at.retain(|_, at| *at > now);
        refresh(&bot, target).await;
        // Counted from the end of the edit, so two edits never reach Discord closer together.
        ready_at.insert(target.channel(), Instant::now() + EDIT_GAP);
    }
}

/// Edits one message to show the current count (or the closed state).
async fn refresh(bot: &Bot, target: Target) {
    let retro_id = match target {
        Target::Statement { retro, .. } | Target::Question { retro, .. } => retro,
    };
    let retro = match bot.store.retro(retro_id).await {
        Ok(Some(retro)) => retro,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(retro = %retro_id, error = %e, "could not read a retro to refresh its counts");
            return;
        }
    };
    let open = retro.status.accepts_input();
    let outcome = match target {
        Target::Statement {
            position,
            channel,
            message,
            ..
        } => {
            let voters = match bot.store.anonymous_voter_count(retro.id, position).await {
                Ok(voters) => voters,
                Err(e) => {
                    tracing::warn!(retro = %retro.id, error = %e, "could not count votes");
                    return;
                }
            };
            let edit = render::statement_edit(&retro, position, voters, open);
            bot.rest
                .edit_message(channel.into(), message.into(), &edit)
                .await
        }
        Target::Question {
            question,
            channel,
            message,
            ..
        } => {
            if open {
                return;
            }
            let edit = render::question_closed(&retro, question);
            bot.rest
                .edit_message(channel.into(), message.into(), &edit)
                .await
        }
    };
    if let Err(e) = outcome {
        tracing::warn!(retro = %retro.id, error = %e, "could not update an anonymous retro's message");
    }
}
