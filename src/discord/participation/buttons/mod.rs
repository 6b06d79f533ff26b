//! Anonymous check-ins on Discord: vote buttons and the answer modal (routed here, in gateway
//! order, before any other interaction handling), answers posted into threads without their
//! author, direct thread messages refused, the debounced "N have voted" edits, and the hooks
//! that posting, reconciling and closing call for anonymous retros.
//!
//! Nothing here logs a member id: spans and log lines name the retro and the interaction only.

mod answers;
mod count_editor;
pub mod counts;
mod direct;
mod lanes;
mod origin;
pub mod render;
mod reply;
pub mod state;
mod votes;

use std::collections::HashSet;
use std::sync::Arc;

use serenity::all::Interaction;

use super::report::{ReconcileError, ReconcileReport};
use crate::discord::bot::Bot;
use crate::domain::anonymous::ids::AnonymousComponent;
use crate::domain::anonymous::routes::AnonymousRoute;
use crate::domain::anonymous::summary::build_anonymous_summary;
use crate::domain::ids::ChannelId;
use crate::domain::retro::{ItemKind, Retro, RetroId};
use crate::domain::summary::Summary;
use crate::store::{RetroItem, StoreError};

pub use answers::submitted_text;
pub use direct::refuse_direct_message;
pub use reply::{log_failure, Ack};

/// Starts the background work (the count editor); call once the bot exists.
pub fn start(bot: &Arc<Bot>) {
    count_editor::spawn(bot.clone());
}

/// Takes the interactions of anonymous retros (their buttons and the answer modal) and handles
/// them; returns every other interaction untouched. Called in gateway order, so one member's
/// clicks are applied in the order they made them.
pub fn intercept(bot: &Arc<Bot>, interaction: Interaction) -> Option<Interaction> {
    let interaction = origin::refuse_foreign(bot, interaction)?;
    match interaction {
        Interaction::Component(click) => match AnonymousComponent::parse(&click.data.custom_id) {
            Some(AnonymousComponent::Vote {
                retro,
                position,
                option,
            }) => {
                votes::on_click(bot, click, retro, position, option);
                None
            }
            Some(AnonymousComponent::Answer { retro, question }) => {
                answers::on_button(bot, click, retro, question);
                None
            }
            None => Some(Interaction::Component(click)),
        },
        Interaction::Modal(submit) => match AnonymousComponent::parse(&submit.data.custom_id) {
            Some(AnonymousComponent::Answer { retro, question }) => {
                answers::on_submit(bot, submit, retro, question);
                None
            }
            _ => Some(Interaction::Modal(submit)),
        },
        other => Some(other),
    }
}

/// Routes an anonymous retro's clicks (with its secret, in memory) and its threads already in
/// `items`; used when posting starts and for open retros at start-up.
pub async fn go_live(bot: &Bot, retro: &Retro, items: &[RetroItem]) -> Result<(), StoreError> {
    let Some(secret) = bot.store.retro_secret(retro.id).await? else {
        return Err(StoreError::Corrupt(format!(
            "anonymous retro {} has no secret",
            retro.id
        )));
    };
    let route = AnonymousRoute {
        guild: retro.guild_id,
        channel: retro.channel_id,
        secret,
        scale: Arc::new(retro.template.scale.clone()),
        statements: retro.template.statements.len(),
        questions: retro.template.questions.len(),
    };
    let mut live = bot.live.write().expect("live index lock");
    live.anonymous.add(retro.id, route);
    for item in items.iter().filter(|i| i.kind == ItemKind::Question) {
        if let Some(thread) = item.thread_id {
            live.anonymous.add_thread(retro.id, item.position, thread);
        }
    }
    Ok(())
}

/// Reconciling an anonymous retro: there are no reactions or typed replies to read; instead
/// every answer Discord does not show yet (a crash or a Discord error between saving and
/// posting) is posted, edited or removed. Discord errors are logged, not fatal: the answers
/// are in the store and count either way.
pub async fn reconcile(bot: &Bot, retro: &Retro) -> Result<ReconcileReport, ReconcileError> {
    let (written, removed) = answers::sync_pending(bot, retro).await?;
    Ok(ReconcileReport {
        replies_written: written,
        replies_removed: removed,
        ..Default::default()
    })
}

/// Routes question `position`'s thread as soon as it exists (typed messages there are refused).
pub fn thread_opened(bot: &Bot, retro: &Retro, position: usize, thread: ChannelId) {
    bot.live
        .write()
        .expect("live index lock")
        .anonymous
        .add_thread(retro.id, position, thread);
}

/// The summary model of an anonymous retro whose question threads are `threads` (counts only,
/// small groups hidden).
pub async fn summarise(
    bot: &Bot,
    retro: &Retro,
    threads: &[Option<ChannelId>],
) -> Result<Summary, StoreError> {
    let ballots = bot.store.anonymous_ballots(retro.id).await?;
    let answers = bot.store.anonymous_answers(retro.id).await?;
    Ok(build_anonymous_summary(
        retro,
        &ballots,
        &answers,
        threads,
        // The threshold the retro started with; the configured one for older retros.
        crate::domain::anonymous::min_voters_of(retro, bot.config.anonymous_min_voters),
    ))
}

/// Once the summary is computed: erases the secret and re-keys every vote and answer at random
/// (in the store), and forgets the retro's members' lanes (in memory).
pub async fn seal(bot: &Bot, retro: RetroId) -> Result<(), StoreError> {
    bot.live.write().expect("live index lock").remove(retro);
    bot.anonymous.lanes.forget(retro);
    let threads: HashSet<ChannelId> = bot
        .store
        .items(retro)
        .await?
        .iter()
        .filter_map(|i| i.thread_id)
        .collect();
    bot.anonymous
        .told
        .lock()
        .expect("told lock")
        .retain(|(thread, _)| !threads.contains(thread));
    bot.store.seal_anonymous(retro).await
}

/// After the close: shows the statements and questions as closed (buttons disabled, final
/// counts), paced like every other edit.
pub async fn show_closed(bot: &Bot, retro: &Retro) {
    match bot.store.items(retro.id).await {
        Ok(items) => bot.anonymous.counts.refresh_all(retro, &items),
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not list a closed retro's posts")
        }
    }
}
