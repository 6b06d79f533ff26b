//! Removing a retro's posts after it failed to start: the recorded ones, and a sweep of the
//! channel for the bot's messages and threads since the retro was created, so a crash between
//! Discord creating a post and the bot recording it leaves no orphan.

use std::collections::HashSet;

use serenity::all::{ChannelId, GuildId, Message, MessageId, Permissions};
use tokio::task::JoinSet;

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions::bot_permissions_in;
use crate::discord::rest::snowflake::snowflake_at;
use crate::discord::rest::RestError;
use crate::domain::retro::{ItemKind, Retro};

/// Removes whatever was posted for a retro that failed to start (best effort: a message or
/// thread that cannot be deleted is logged). Besides the recorded posts it sweeps the channel
/// for the bot's messages and threads made since the retro was created: a crash between
/// Discord creating a post and the bot recording it leaves no orphan. (The channel is the
/// retro's alone since then: only one retro at a time may occupy a channel.) Returns how many
/// posts could not be removed.
pub async fn remove_posts(bot: &Bot, retro: &Retro) -> usize {
    bot.live.write().expect("live index lock").remove(retro.id);
    let channel = ChannelId::from(retro.channel_id);
    let since = snowflake_at(retro.created_at);
    let mut threads: HashSet<ChannelId> = HashSet::new();
    let mut messages: HashSet<MessageId> = HashSet::new();
    if let Ok(Some(stored)) = bot.store.retro(retro.id).await {
        messages.extend(stored.header_message_id.map(MessageId::from));
    }
    for item in bot.store.items(retro.id).await.unwrap_or_default() {
        threads.extend(item.thread_id.map(ChannelId::from));
        if item.kind == ItemKind::Statement {
            messages.extend(item.message_id.map(MessageId::from));
        }
    }
    let me = bot.user_id();
    match list_messages_since(bot, channel, since).await {
        Ok(found) => messages.extend(
            found
                .iter()
                .filter(|m| m.author.id.domain() == me && !is_summary(m))
                .map(|m| m.id),
        ),
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not sweep the channel for posts")
        }
    }
    match bot.rest.active_threads(GuildId::from(retro.guild_id)).await {
        Ok(active) => threads.extend(
            active
                .iter()
                .filter(|t| {
                    t.parent_id == Some(channel)
                        && t.owner_id.map(|o| o.domain()) == Some(me)
                        && t.id.get() > since
                })
                .map(|t| t.id),
        ),
        Err(e) => {
            tracing::warn!(retro = %retro.id, error = %e, "could not sweep the channel for threads")
        }
    }
    let mut leftovers = 0;
    if !threads.is_empty() && !may_delete_threads(bot, retro).await {
        // Deleting a thread needs Manage Threads, which the bot is not invited with: asking
        // anyway only earns 403s (invalid requests that count toward Discord's ban).
        tracing::warn!(retro = %retro.id, threads = threads.len(), "the question threads of a failed retro stay: deleting them needs Manage Threads");
        leftovers += threads.len();
        threads.clear();
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

/// Whether the bot has Manage Threads in the retro's channel (read from Discord; when that
/// fails, it tries).
async fn may_delete_threads(bot: &Bot, retro: &Retro) -> bool {
    let (guild, channel) = (
        GuildId::from(retro.guild_id),
        ChannelId::from(retro.channel_id),
    );
    bot_permissions_in(bot, guild, channel)
        .await
        .map_or(true, |granted| {
            granted.contains(Permissions::MANAGE_THREADS)
        })
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
