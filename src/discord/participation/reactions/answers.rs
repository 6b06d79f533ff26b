//! Named answers through the Answer button (they need no Message Content intent): the button
//! opens a form prefilled with the member's answer; a submission is posted into the question's
//! thread as "**Name** answered: …" and recorded as that member's reply (so it counts and is
//! summarised like a typed one), edited when submitted again, withdrawn when left empty.
//! The buttons and forms carry the same custom ids as anonymous retros'; a retro whose named
//! question thread is live takes them here, everything else goes on to `buttons`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use serenity::all::{
    ChannelId, ComponentInteraction, Interaction, InteractionId, ModalInteraction, Nonce,
};
use tracing::Instrument;

use super::render;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::participation::buttons::{log_failure, submitted_text, Ack};
use crate::discord::people;
use crate::discord::rest::RestError;
use crate::domain::anonymous::ids::AnonymousComponent;
use crate::domain::ids::MemberId;
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;
use crate::i18n::Language;
use crate::store::{FormWithdrawal, StoreError};
use crate::tr;

/// One member's submissions to one retro are applied one at a time.
type Lane = Arc<tokio::sync::Mutex<()>>;
static LANES: LazyLock<Mutex<HashMap<(RetroId, MemberId), Lane>>> = LazyLock::new(Mutex::default);

fn lane(retro: RetroId, member: MemberId) -> Lane {
    let mut lanes = LANES.lock().expect("form answer lanes lock");
    lanes.retain(|_, lane| Arc::strong_count(lane) > 1);
    lanes.entry((retro, member)).or_default().clone()
}

/// Takes the Answer buttons and forms of live named retros; returns every other interaction.
pub fn intercept(bot: &Arc<Bot>, interaction: Interaction) -> Option<Interaction> {
    let custom_id = match &interaction {
        Interaction::Component(click) => &click.data.custom_id,
        Interaction::Modal(submit) => &submit.data.custom_id,
        _ => return Some(interaction),
    };
    let Some(AnonymousComponent::Answer { retro, question }) = AnonymousComponent::parse(custom_id)
    else {
        return Some(interaction);
    };
    let thread = bot
        .live
        .read()
        .expect("live index lock")
        .question_thread(retro, question);
    let Some(thread) = thread else {
        return Some(interaction);
    };
    match interaction {
        Interaction::Component(click) => on_button(bot, click, retro, question),
        Interaction::Modal(submit) => on_submit(bot, submit, retro, question, thread.into()),
        other => return Some(other),
    }
    None
}

/// The Answer button: opens the form with the member's current answer.
fn on_button(bot: &Arc<Bot>, click: ComponentInteraction, retro: RetroId, question: usize) {
    let member = click.user.id.domain();
    let lang = Language::from_locale(&click.locale);
    let ack = Ack {
        id: click.id,
        token: click.token.clone(),
    };
    let bot = bot.clone();
    let span = tracing::info_span!("named answer button", %retro, interaction = %click.id);
    tokio::spawn(
        async move {
            let loaded = async {
                let found = bot.store.retro(retro).await?;
                let current = bot.store.form_answer(retro, question, member).await?;
                Ok::<_, StoreError>(found.map(|r| (r, current.and_then(|c| c.content))))
            };
            let outcome = match loaded.await {
                Ok(Some((found, current))) if found.status.accepts_input() => {
                    let form = render::modal(lang, &found, question, current.as_deref());
                    ack.modal(&bot, form).await
                }
                Ok(_) => ack.say(&bot, lang.t("answer-closed-named")).await,
                Err(e) => {
                    tracing::error!(error = %e, "could not read a named answer");
                    ack.say(&bot, lang.t("answer-open-failed")).await
                }
            };
            log_failure("an answer button", outcome);
        }
        .instrument(span),
    );
}

/// A submitted form: post or edit the answer in the thread and record it, or withdraw it.
fn on_submit(
    bot: &Arc<Bot>,
    submit: ModalInteraction,
    retro: RetroId,
    question: usize,
    thread: ChannelId,
) {
    let text = submitted_text(&submit);
    let member = submit.user.id.domain();
    let nick = submit.member.as_ref().and_then(|m| m.nick.as_deref());
    let name = people::name_of(&submit.user, nick);
    let lane = lane(retro, member);
    let lang = Language::from_locale(&submit.locale);
    let ack = Ack {
        id: submit.id,
        token: submit.token.clone(),
    };
    let bot = bot.clone();
    let span = tracing::info_span!("named answer", %retro, interaction = %submit.id);
    tokio::spawn(
        async move {
            if let Err(e) = ack.defer(&bot).await {
                tracing::info!(error = %e, "an answer could not be acknowledged; not saved");
                return;
            }
            let _turn = lane.lock().await;
            let answer = Answer {
                bot: &bot,
                retro,
                question,
                member,
                thread,
                submission: ack.id,
                lang,
            };
            let said = match text {
                Some(text) => answer.give(&name, &text).await,
                None => answer.withdraw().await,
            };
            log_failure("an answer", ack.edit(&bot, said).await);
        }
        .instrument(span),
    );
}

/// One member's answer to one question.
struct Answer<'a> {
    bot: &'a Bot,
    retro: RetroId,
    question: usize,
    member: MemberId,
    thread: ChannelId,
    /// The form submission being applied: it posts at most one message.
    submission: InteractionId,
    /// The member's language, for what they are told.
    lang: Language,
}

impl Answer<'_> {
    /// Posts (or edits) and records `text`; returns what to tell the member.
    async fn give(&self, name: &str, text: &str) -> String {
        let bot = self.bot;
        let lang = self.lang;
        let found = match bot.store.retro(self.retro).await {
            Ok(found) => found.filter(|r| r.status.accepts_input()),
            Err(e) => return self.store_failed(e),
        };
        let Some(retro) = found else {
            return lang.t("answer-closed-named");
        };
        // The post is the thread's, so it is written in the retro's language.
        let post_lang = language::of_retro(&retro);
        let current = match bot
            .store
            .form_answer(self.retro, self.question, self.member)
            .await
        {
            Ok(current) => current,
            Err(e) => return self.store_failed(e),
        };
        let posted = match &current {
            Some(current) => {
                let edit = render::form_answer_edit(post_lang, name, text);
                let id = current.message_id.into();
                match bot.rest.edit_message(self.thread, id, &edit).await {
                    Err(e) if e.is_not_found() => self.post(post_lang, name, text).await,
                    edited => edited.map(|m| (m.id, false)),
                }
            }
            None => self.post(post_lang, name, text).await,
        };
        let (message_id, new_post) = match posted {
            Ok(posted) => posted,
            Err(e) => {
                tracing::warn!(error = %e, "could not post a named answer");
                return lang.t("answer-discord-failed");
            }
        };
        let reply = Reply {
            message_id: message_id.domain(),
            question: self.question,
            author_id: self.member,
            author_name: name.to_string(),
            content: text.to_string(),
        };
        let now = chrono::Utc::now().timestamp_micros();
        let thread = format!("<#{}>", self.thread);
        match bot.store.save_form_answer(self.retro, &reply, now).await {
            Ok(true) if new_post => tr!(lang, "answer-posted-named", thread = thread),
            Ok(true) => tr!(lang, "answer-updated-named", thread = thread),
            Ok(false) => {
                if new_post {
                    self.delete(message_id).await;
                }
                lang.t("answer-closed-named")
            }
            Err(e) => {
                if new_post {
                    self.delete(message_id).await;
                }
                self.store_failed(e)
            }
        }
    }

    /// Withdraws the member's answer; returns what to tell them.
    async fn withdraw(&self) -> String {
        let withdrawn = self
            .bot
            .store
            .withdraw_form_answer(self.retro, self.question, self.member)
            .await;
        match withdrawn {
            Ok(FormWithdrawal::Removed(message)) => {
                self.delete(message.into()).await;
                let thread = format!("<#{}>", self.thread);
                tr!(self.lang, "answer-withdrawn", thread = thread)
            }
            Ok(FormWithdrawal::NothingToWithdraw) => self.lang.t("answer-nothing-to-withdraw"),
            Ok(FormWithdrawal::NotOpen) => self.lang.t("answer-closed-named"),
            Err(e) => self.store_failed(e),
        }
    }

    async fn post(
        &self,
        lang: Language,
        name: &str,
        text: &str,
    ) -> Result<(serenity::all::MessageId, bool), RestError> {
        // One post per submission, even when a lost answer makes it go out again.
        let body = render::form_answer(lang, name, text)
            .nonce(Nonce::String(format!("f{}", self.submission.get())))
            .enforce_nonce(true);
        let message = self.bot.rest.create_message(self.thread, &body).await?;
        Ok((message.id, true))
    }

    /// Deletes the bot's post `message` (already gone is fine).
    async fn delete(&self, message: serenity::all::MessageId) {
        match self.bot.rest.delete_message(self.thread, message).await {
            Ok(()) => {}
            Err(e) if e.is_not_found() => {}
            Err(e) => tracing::warn!(error = %e, "could not delete a named answer's post"),
        }
    }

    fn store_failed(&self, error: StoreError) -> String {
        tracing::error!(error = %error, "could not save a named answer");
        self.lang.t("answer-save-failed")
    }
}
