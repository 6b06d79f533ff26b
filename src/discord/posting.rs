//! Posting a retro: the header, one message per statement with the scale's reactions, one
//! public thread per open question. Independent calls overlap (reactions on a statement while
//! the next one is posted, threads while reactions are added). Every id is recorded as soon as
//! it exists, so a failure or a crash can remove what was posted.

use std::sync::Arc;

use std::collections::HashSet;

use serenity::all::{ChannelId, GuildId, Message, MessageId};
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
    let mut header = render::header(retro);
    let open_actions = bot
        .store
        .open_actions_in_channel(retro.channel_id, Some(retro.id))
        .await?;
    let today = chrono::Utc::now().date_naive();
    if let Some(actions) = super::render_reports::open_actions_embed(&open_actions, today) {
        header = header.add_embed(actions);
    }
    let header = bot
        .rest
        .create_message(channel, &header)
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
/// thread that cannot be deleted is logged). Besides the recorded posts it sweeps the channel
/// for the bot's messages and threads made since the retro was created: a crash between
/// Discord creating a post and the bot recording it leaves no orphan. (The channel is the
/// retro's alone since then: only one retro at a time may occupy a channel.) Returns how many
/// posts could not be removed.
pub async fn remove_posts(bot: &Bot, retro: &Retro) -> usize {
    bot.live.write().expect("live index lock").remove(retro.id);
    let channel = ChannelId::new(retro.channel_id);
    let since = snowflake_at(retro.created_at);
    let mut threads: HashSet<ChannelId> = HashSet::new();
    let mut messages: HashSet<MessageId> = HashSet::new();
    if let Ok(Some(stored)) = bot.store.retro(retro.id).await {
        messages.extend(stored.header_message_id.map(MessageId::new));
    }
    for item in bot.store.items(retro.id).await.unwrap_or_default() {
        threads.extend(item.thread_id.map(ChannelId::new));
        if item.kind == ItemKind::Statement {
            messages.extend(item.message_id.map(MessageId::new));
        }
    }
    let me = bot.user_id();
    match list_messages_since(bot, channel, since).await {
        Ok(found) => messages.extend(
            found
                .iter()
                .filter(|m| m.author.id.get() == me && !is_summary(m))
                .map(|m| m.id),
        ),
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not sweep the channel for posts")
        }
    }
    match bot.rest.active_threads(GuildId::new(retro.guild_id)).await {
        Ok(active) => threads.extend(
            active
                .iter()
                .filter(|t| {
                    t.parent_id == Some(channel)
                        && t.owner_id.map(|o| o.get()) == Some(me)
                        && t.id.get() > since
                })
                .map(|t| t.id),
        ),
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not sweep the channel for threads")
        }
    }
    let mut deletions = JoinSet::new();
    for thread in threads {
        let rest = bot.rest.clone();
        deletions.spawn(async move { rest.delete_channel(thread).await });
    }
    for message in messages {
        let rest = bot.rest.clone();
        deletions.spawn(async move { rest.delete_message(channel, message).await });
    }
    let mut leftovers = 0;
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

/// Every message in `channel` with an id above `after`, oldest first.
async fn list_messages_since(
    bot: &Bot,
    channel: ChannelId,
    after: u64,
) -> Result<Vec<Message>, RestError> {
    let mut all: Vec<Message> = Vec::new();
    let mut cursor = MessageId::new(after.max(1));
    loop {
        let page = bot.rest.messages_after(channel, cursor).await?;
        let full = page.len() >= 100;
        match page.last() {
            Some(last) => cursor = last.id,
            None => break,
        }
        all.extend(page);
        if !full {
            break;
        }
    }
    Ok(all)
}

/// Whether a message is some retro's summary (never swept away).
fn is_summary(message: &Message) -> bool {
    message
        .embeds
        .iter()
        .any(|e| e.title.as_deref().is_some_and(|t| t.starts_with("Summary")))
}

/// Milliseconds between the Unix epoch and Discord's.
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// The smallest Discord id that can have been created at `at` (ids start with a timestamp).
pub fn snowflake_at(at: chrono::DateTime<chrono::Utc>) -> u64 {
    ((at.timestamp_millis() - DISCORD_EPOCH_MS).max(0) as u64) << 22
}

/// When Discord created the object with id `id` (by Discord's clock).
pub fn created_at(id: u64) -> chrono::DateTime<chrono::Utc> {
    let millis = (id >> 22) as i64 + DISCORD_EPOCH_MS;
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflake_times_round_trip() {
        let id = 1_574_002_055_457_013_760u64;
        let at = created_at(id);
        assert!(snowflake_at(at) <= id);
        assert!(snowflake_at(at + chrono::Duration::milliseconds(1)) > id);
    }
}
