//! Reconciling a named retro with Discord: each statement's reactions and each question
//! thread's messages are listed (paged) and the store is made to match, so votes and replies
//! made while the bot was offline count, and nothing counts twice. Answers given through the
//! Answer button are the bot's own posts: they are kept while their post is there.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serenity::all::{ChannelId, MessageId, MessageType, UserId};
use tokio::task::JoinSet;

use super::replies::reply_from_message;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::participation::report::{ReconcileError, ReconcileReport};
use crate::discord::people;
use crate::domain::retro::{ItemKind, Retro};
use crate::store::StoreError;

/// Makes the store's reactions and replies of `retro` match what Discord shows.
pub async fn reconcile(bot: &Arc<Bot>, retro: &Retro) -> Result<ReconcileReport, ReconcileError> {
    let items = bot.store.items(retro.id).await?;
    let mut jobs: JoinSet<Result<ReconcileReport, ReconcileError>> = JoinSet::new();
    for item in items {
        let (bot, retro) = (bot.clone(), retro.clone());
        match (item.kind, item.message_id, item.thread_id) {
            (ItemKind::Statement, Some(message), _) => {
                jobs.spawn(async move {
                    reconcile_statement(&bot, &retro, item.position, MessageId::from(message)).await
                });
            }
            (ItemKind::Question, _, Some(thread)) => {
                jobs.spawn(async move {
                    reconcile_thread(&bot, &retro, item.position, ChannelId::from(thread)).await
                });
            }
            _ => {}
        }
    }
    let mut report = ReconcileReport::default();
    while let Some(joined) = jobs.join_next().await {
        let part =
            joined.map_err(|e| StoreError::Corrupt(format!("reconcile task failed: {e}")))??;
        report += part;
    }
    Ok(report)
}

async fn reconcile_statement(
    bot: &Bot,
    retro: &Retro,
    position: usize,
    message: MessageId,
) -> Result<ReconcileReport, ReconcileError> {
    let channel = ChannelId::from(retro.channel_id);
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
            for user in page.iter().filter(|u| people::is_member(bot, u)) {
                names.push((user.id.domain(), people::name_of(user, None)));
                present.push((user.id.domain(), option));
            }
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
    // Answers given through the form are the bot's posts: they stay while their post does.
    // Without Message Content a typed reply's text cannot be read: a recorded one is kept while
    // its message is there, an unrecorded one is not counted.
    let form_posts: HashSet<_> = bot
        .store
        .form_answer_posts(retro.id)
        .await?
        .into_iter()
        .collect();
    let recorded: HashMap<_, _> = bot
        .store
        .replies(retro.id)
        .await?
        .into_iter()
        .filter(|r| r.question == question)
        .map(|r| (r.message_id, r))
        .collect();
    let readable = bot.message_content_granted();
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
        for message in &page {
            let id = message.id.domain();
            let typed = people::is_member(bot, &message.author)
                && matches!(
                    message.kind,
                    MessageType::Regular | MessageType::InlineReply
                );
            if typed && readable {
                replies.push(reply_from_message(message, question));
            } else if typed || form_posts.contains(&id) {
                replies.extend(recorded.get(&id).cloned());
            }
        }
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
