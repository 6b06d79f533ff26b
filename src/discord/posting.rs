//! Posting a retro: the header, one message per statement with the scale's reactions, one
//! public thread per open question. Independent calls overlap (reactions on a statement while
//! the next one is posted, threads while reactions are added). Every id is recorded as soon as
//! it exists, so a failure or a crash can remove what was posted.

use std::sync::Arc;

use serenity::all::{ChannelId, MessageId};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::rest::{DiscordRest, RestError};
use super::{render, Bot};
use crate::domain::retro::{ItemKind, Retro};
use crate::store::{RetroItem, StoreError};

/// Why posting stopped, in words for the facilitator.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error("Discord refused to {step}: {source}")]
    Discord {
        step: &'static str,
        source: RestError,
    },
    #[error("the database failed while recording the posts: {0}")]
    Store(#[from] StoreError),
}

fn discord(step: &'static str) -> impl Fn(RestError) -> PostError {
    move |source| PostError::Discord { step, source }
}

/// Posts everything of `retro` and routes its items to the live index as they appear.
pub async fn post_retro(bot: &Arc<Bot>, retro: &Retro) -> Result<(), PostError> {
    let channel = ChannelId::new(retro.channel_id);
    let header = bot
        .rest
        .create_message(channel, &render::header(retro))
        .await
        .map_err(discord("post the header"))?;
    bot.store.record_header(retro.id, header.id.get()).await?;

    let mut tasks: JoinSet<Result<(), PostError>> = JoinSet::new();
    let (to_react, reactions_wanted) = mpsc::unbounded_channel();
    tasks.spawn(add_reactions(
        bot.rest.clone(),
        channel,
        retro.clone(),
        reactions_wanted,
    ));
    let mut outcome = post_statements(bot, retro, channel, to_react).await;
    if outcome.is_ok() {
        outcome = open_questions(bot, retro, &mut tasks).await;
    }
    // Let every started call finish (never abort one halfway: its post could not be removed).
    while let Some(joined) = tasks.join_next().await {
        let result = joined.unwrap_or_else(|e| {
            Err(StoreError::Corrupt(format!("posting task failed: {e}")).into())
        });
        if outcome.is_ok() {
            outcome = result;
        }
    }
    outcome
}

async fn post_statements(
    bot: &Arc<Bot>,
    retro: &Retro,
    channel: ChannelId,
    to_react: mpsc::UnboundedSender<MessageId>,
) -> Result<(), PostError> {
    let scale = Arc::new(retro.template.scale.clone());
    for position in 0..retro.template.statements.len() {
        let message = bot
            .rest
            .create_message(channel, &render::statement(retro, position))
            .await
            .map_err(discord("post a statement"))?;
        let item = RetroItem {
            kind: ItemKind::Statement,
            position,
            message_id: Some(message.id.get()),
            thread_id: None,
        };
        bot.store.record_item(retro.id, item).await?;
        bot.live.write().expect("live index lock").add_statement(
            retro.id,
            position,
            message.id.get(),
            scale.clone(),
        );
        let _ = to_react.send(message.id);
    }
    Ok(())
}

/// Adds the scale's reactions to each statement in order (so 👍 shows before 👎).
async fn add_reactions(
    rest: DiscordRest,
    channel: ChannelId,
    retro: Retro,
    mut messages: mpsc::UnboundedReceiver<MessageId>,
) -> Result<(), PostError> {
    while let Some(message) = messages.recv().await {
        for option in &retro.template.scale.options {
            rest.react(channel, message, &option.emoji)
                .await
                .map_err(discord("add a reaction"))?;
        }
    }
    Ok(())
}

/// Creates the question threads in order (so they are listed in order); joining each and
/// posting its question run alongside.
async fn open_questions(
    bot: &Arc<Bot>,
    retro: &Retro,
    tasks: &mut JoinSet<Result<(), PostError>>,
) -> Result<(), PostError> {
    for (position, question) in retro.template.questions.iter().enumerate() {
        let channel = ChannelId::new(retro.channel_id);
        let thread = bot
            .rest
            .create_public_thread(channel, &render::thread_name(question))
            .await
            .map_err(discord("create a thread"))?;
        let item = RetroItem {
            kind: ItemKind::Question,
            position,
            message_id: None,
            thread_id: Some(thread.id.get()),
        };
        bot.store.record_item(retro.id, item).await?;
        bot.live.write().expect("live index lock").add_question(
            retro.id,
            position,
            thread.id.get(),
        );
        tasks.spawn(fill_thread(bot.clone(), retro.clone(), position, thread.id));
    }
    Ok(())
}

/// Joins question `position`'s thread and posts the full question inside.
async fn fill_thread(
    bot: Arc<Bot>,
    retro: Retro,
    position: usize,
    thread: ChannelId,
) -> Result<(), PostError> {
    let mut item = RetroItem {
        kind: ItemKind::Question,
        position,
        message_id: None,
        thread_id: Some(thread.get()),
    };
    let first_message = render::question(&retro, position);
    let (joined, first) = tokio::join!(
        bot.rest.join_thread(thread),
        bot.rest.create_message(thread, &first_message)
    );
    joined.map_err(discord("join a question thread"))?;
    let first = first.map_err(discord("post a question in its thread"))?;
    item.message_id = Some(first.id.get());
    bot.store.record_item(retro.id, item).await?;
    Ok(())
}

/// Removes whatever was posted for a retro that failed to start (best effort: a message or
/// thread that cannot be deleted is logged). Returns how many posts could not be removed.
pub async fn remove_posts(bot: &Bot, retro: &Retro) -> usize {
    bot.live.write().expect("live index lock").remove(retro.id);
    let channel = ChannelId::new(retro.channel_id);
    let mut leftovers = 0;
    let items = bot.store.items(retro.id).await.unwrap_or_default();
    let mut deletions = JoinSet::new();
    for item in items {
        let rest = bot.rest.clone();
        deletions.spawn(async move {
            match (item.kind, item.message_id, item.thread_id) {
                (ItemKind::Question, _, Some(thread)) => {
                    rest.delete_channel(ChannelId::new(thread)).await
                }
                (ItemKind::Statement, Some(message), _) => {
                    rest.delete_message(channel, MessageId::new(message)).await
                }
                _ => Ok(()),
            }
        });
    }
    if let Some(header) = retro.header_message_id.or(bot
        .store
        .retro(retro.id)
        .await
        .ok()
        .flatten()
        .and_then(|r| r.header_message_id))
    {
        let rest = bot.rest.clone();
        deletions.spawn(async move { rest.delete_message(channel, MessageId::new(header)).await });
    }
    while let Some(done) = deletions.join_next().await {
        if let Ok(Err(e)) = done {
            if !e.is_not_found() {
                tracing::warn!(retro = %retro.id, error = %e, "could not remove a post of a failed retro");
                leftovers += 1;
            }
        }
    }
    leftovers
}
