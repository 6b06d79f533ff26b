//! Written answers of anonymous retros. The Answer button opens a modal prefilled with the
//! member's answer; a submission is saved first (keyed by member key, conditional on the retro
//! being open) and then brought to Discord: posted into the question's thread without its
//! author, edited, or deleted when withdrawn (an empty submission).
//!
//! The store is the truth and Discord follows it: an answer saved but not yet shown (a crash
//! or a Discord error in between) stays `unsynced` and is finished at start-up and at close.
//! Each answer carries a random token in its message, and its first post is sent with a nonce
//! made from it, so finishing after a crash finds the message instead of posting it twice.

use std::sync::Arc;

use serenity::all::{
    ActionRowComponent, ChannelId, ComponentInteraction, Message, MessageId, ModalInteraction,
    Nonce,
};
use tracing::Instrument;

use super::render;
use super::reply::{log_failure, Ack};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::participation::report::ReconcileError;
use crate::discord::rest::RestError;
use crate::domain::anonymous::ids::ANSWER_INPUT;
use crate::domain::retro::{ItemKind, Retro, RetroId};
use crate::i18n::Language;
use crate::store::{AnswerRecord, AnswerSaved, StoreError};
use crate::tr;

/// The Answer button: opens the modal with the member's current answer.
pub fn on_button(bot: &Arc<Bot>, click: ComponentInteraction, retro: RetroId, question: usize) {
    let key = bot
        .live
        .read()
        .expect("live index lock")
        .anonymous
        .get(retro)
        .and_then(|r| r.answer_key(retro, click.user.id.domain(), question));
    let lang = Language::from_locale(&click.locale);
    let ack = Ack {
        id: click.id,
        token: click.token.clone(),
    };
    let bot = bot.clone();
    let span = tracing::info_span!("anonymous answer button", %retro, interaction = %click.id);
    tokio::spawn(
        async move {
            let Some(key) = key else {
                let closed = lang.t("answer-closed-anonymous");
                return log_failure("an answer button", ack.say(&bot, closed).await);
            };
            let loaded = async {
                let Some(found) = bot.store.retro(retro).await? else {
                    return Ok(None);
                };
                let current = bot.store.anonymous_answer(retro, question, key).await?;
                Ok::<_, StoreError>(Some((found, current)))
            };
            let outcome = match loaded.await {
                Ok(Some((found, current))) => {
                    let text = current.and_then(|a| a.content);
                    let form = render::modal(lang, &found, question, text.as_deref());
                    ack.modal(&bot, form).await
                }
                Ok(None) => ack.say(&bot, lang.t("answer-closed-anonymous")).await,
                Err(e) => {
                    tracing::error!(error = %e, "could not read an anonymous answer");
                    ack.say(&bot, lang.t("answer-open-failed")).await
                }
            };
            log_failure("an answer button", outcome);
        }
        .instrument(span),
    );
}

/// The text a member typed into the modal; `None` when empty (a withdrawal).
pub fn submitted_text(submit: &ModalInteraction) -> Option<String> {
    submit
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|component| match component {
            ActionRowComponent::InputText(input) if input.custom_id == ANSWER_INPUT => {
                input.value.clone()
            }
            _ => None,
        })
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
}

/// A submitted answer modal: save (in the member's lane), then post, edit or withdraw.
pub fn on_submit(bot: &Arc<Bot>, submit: ModalInteraction, retro: RetroId, question: usize) {
    let text = submitted_text(&submit);
    let routed = {
        let live = bot.live.read().expect("live index lock");
        let key = live
            .anonymous
            .get(retro)
            .and_then(|r| r.answer_key(retro, submit.user.id.domain(), question));
        key.zip(live.anonymous.thread_of(retro, question))
    };
    let ticket = routed.map(|(key, _)| bot.anonymous.lanes.ticket(retro, key));
    let lang = Language::from_locale(&submit.locale);
    let ack = Ack {
        id: submit.id,
        token: submit.token.clone(),
    };
    let bot = bot.clone();
    let span = tracing::info_span!("anonymous answer", %retro, interaction = %submit.id);
    tokio::spawn(
        async move {
            let (Some(mut ticket), Some((key, thread))) = (ticket, routed) else {
                let closed = lang.t("answer-closed-anonymous");
                return log_failure("an answer", ack.say(&bot, closed).await);
            };
            if let Err(e) = ack.defer(&bot).await {
                tracing::info!(error = %e, "an answer could not be acknowledged; not saved");
                return;
            }
            ticket.turn().await;
            let saved = bot
                .store
                .save_anonymous_answer(retro, question, key, text.as_deref())
                .await;
            let thread = ChannelId::from(thread);
            let mention = format!("<#{thread}>");
            let text = match saved {
                Ok(AnswerSaved::Saved(record)) => {
                    let post_lang = post_language(&bot, retro, lang).await;
                    match sync(&bot, post_lang, thread, &record, false).await {
                        Ok(Synced::Posted) => tr!(lang, "answer-posted-anonymous", thread = &mention),
                        Ok(Synced::Edited) => tr!(lang, "answer-updated-anonymous", thread = &mention),
                        Ok(Synced::Removed) => tr!(lang, "answer-withdrawn", thread = &mention),
                        Err(e) => {
                            tracing::warn!(error = %e, "could not bring an anonymous answer to Discord; will retry");
                            lang.t("answer-saved-not-shown")
                        }
                    }
                }
                Ok(AnswerSaved::NothingToWithdraw) => lang.t("answer-nothing-to-withdraw"),
                Ok(AnswerSaved::NotOpen) => lang.t("answer-closed-anonymous"),
                Err(e) => {
                    tracing::error!(error = %e, "could not save an anonymous answer");
                    lang.t("answer-save-failed")
                }
            };
            drop(ticket);
            log_failure("an answer", ack.edit(&bot, text).await);
        }
        .instrument(span),
    );
}

/// The language answers of `retro` are posted in: the retro's (`fallback` when it cannot be
/// read, which only changes the words of the embed's title).
async fn post_language(bot: &Bot, retro: RetroId, fallback: Language) -> Language {
    match bot.store.retro(retro).await {
        Ok(Some(found)) => language::of_retro(&found),
        Ok(None) => fallback,
        Err(e) => {
            tracing::warn!(%retro, error = %e, "could not read a retro's language");
            fallback
        }
    }
}

/// What bringing an answer to Discord did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Synced {
    Posted,
    Edited,
    Removed,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Discord(#[from] RestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes question thread `thread` show `record` as saved. With `search_first`, a first post
/// looks for a message already carrying the answer's token (posted just before a crash).
async fn sync(
    bot: &Bot,
    lang: Language,
    thread: ChannelId,
    record: &AnswerRecord,
    search_first: bool,
) -> Result<Synced, SyncError> {
    let mut message_id = record.message_id.map(MessageId::from);
    // A withdrawal always looks: an earlier post may have reached Discord unnoticed.
    if message_id.is_none() && (search_first || record.content.is_none()) {
        message_id = find_answer_message(bot, thread, &record.token).await?;
    }
    match (&record.content, message_id) {
        (Some(text), None) => {
            let nonce = Nonce::String(format!("a{}", &record.token[..24]));
            let body = render::answer(lang, text, &record.token)
                .nonce(nonce)
                .enforce_nonce(true);
            let posted = bot.rest.create_message(thread, &body).await?;
            // Discord answers a repeated nonce with the first message, which may show an
            // older text (an edit after a post whose answer was lost).
            let shows = posted.embeds.first().and_then(|e| e.description.as_deref());
            if shows != Some(render::answer_description(lang, text).as_str()) {
                let edit = render::answer_edit(lang, text, &record.token);
                bot.rest.edit_message(thread, posted.id, &edit).await?;
            }
            bot.store
                .anonymous_answer_posted(&record.token, posted.id.domain(), text)
                .await?;
            Ok(Synced::Posted)
        }
        (Some(text), Some(id)) => {
            let edit = render::answer_edit(lang, text, &record.token);
            let shown = match bot.rest.edit_message(thread, id, &edit).await {
                Ok(message) => message.id,
                // Deleted in Discord meanwhile (by a moderator): post it again.
                Err(e) if e.is_not_found() => {
                    // Posted once per deleted message, even when a lost answer repeats it.
                    let nonce = Nonce::String(format!("d{}", id.get()));
                    let body = render::answer(lang, text, &record.token)
                        .nonce(nonce)
                        .enforce_nonce(true);
                    bot.rest.create_message(thread, &body).await?.id
                }
                Err(e) => return Err(e.into()),
            };
            bot.store
                .anonymous_answer_posted(&record.token, shown.domain(), text)
                .await?;
            Ok(Synced::Edited)
        }
        (None, found) => {
            if let Some(id) = found {
                match bot.rest.delete_message(thread, id).await {
                    Ok(()) => {}
                    Err(e) if e.is_not_found() => {}
                    Err(e) => return Err(e.into()),
                }
            }
            bot.store.anonymous_answer_removed(&record.token).await?;
            Ok(Synced::Removed)
        }
    }
}

/// The bot's message in `thread` that carries the answer with `token`, if any.
async fn find_answer_message(
    bot: &Bot,
    thread: ChannelId,
    token: &str,
) -> Result<Option<MessageId>, RestError> {
    let wanted = render::footer(token);
    let carries = |m: &Message| {
        m.author.id.domain() == bot.user_id()
            && m.embeds
                .iter()
                .any(|e| e.footer.as_ref().is_some_and(|f| f.text == wanted))
    };
    let mut after = MessageId::new(thread.get());
    loop {
        let page = match bot.rest.messages_after(thread, after).await {
            Ok(page) => page,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(e),
        };
        if let Some(found) = page.iter().find(|m| carries(m)) {
            return Ok(Some(found.id));
        }
        match page.last() {
            Some(last) if page.len() >= 100 => after = last.id,
            _ => return Ok(None),
        }
    }
}

/// Brings every unsynced answer of `retro` to Discord; returns how many were posted or edited
/// and how many removed. A Discord failure is logged and left for the next attempt.
pub async fn sync_pending(bot: &Bot, retro: &Retro) -> Result<(usize, usize), ReconcileError> {
    let pending = bot.store.unsynced_anonymous_answers(retro.id).await?;
    if pending.is_empty() {
        return Ok((0, 0));
    }
    let items = bot.store.items(retro.id).await?;
    let thread_of = |question: usize| {
        items
            .iter()
            .find(|i| i.kind == ItemKind::Question && i.position == question)
            .and_then(|i| i.thread_id)
    };
    let lang = language::of_retro(retro);
    let (mut written, mut removed) = (0, 0);
    for record in pending {
        let Some(thread) = thread_of(record.question) else {
            continue;
        };
        match sync(bot, lang, ChannelId::from(thread), &record, true).await {
            Ok(Synced::Removed) => removed += 1,
            Ok(_) => written += 1,
            Err(SyncError::Store(e)) => return Err(e.into()),
            Err(SyncError::Discord(e)) => {
                tracing::warn!(retro = %retro.id, error = %e, "could not bring an anonymous answer to Discord; will retry")
            }
        }
    }
    Ok((written, removed))
}
