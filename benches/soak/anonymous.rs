//! Members of anonymous check-ins: they click vote buttons (the bot's answer tells them their
//! vote) and answer through the form (which shows their current answer when opened). What the
//! bot confirmed goes into the [`crate::ledger::Ledger`].

use crate::members::{answer_of, attempt, Members, ANSWER_WAIT};
use crate::world::{Posted, SCALE};

impl Members {
    /// `member` clicks vote button `option` of `statement`; the bot's answer tells the vote.
    pub async fn click_vote(
        &self,
        retro: &Posted,
        member: u64,
        statement: usize,
        option: usize,
    ) -> bool {
        let message = &retro.statements[statement];
        let custom_id = message.custom_ids()[option].clone();
        let Some(id) = attempt(|| {
            self.discord
                .click_button(member, retro.channel, message.id, &custom_id)
        }) else {
            self.count("action refused");
            return false;
        };
        let answer = answer_of(&self.discord, id, ANSWER_WAIT).await;
        let vote = answer.as_ref().and_then(|r| vote_told(&r.text));
        self.ledger.set_vote(retro.header, member, statement, vote);
        self.count(if vote.is_some() {
            "button vote"
        } else {
            "button vote unconfirmed"
        });
        vote.is_some()
    }

    /// `member` opens the answer form of a random question (which shows their current answer)
    /// and submits a new answer, or withdraws the one they gave.
    pub(crate) async fn answer(&self, retro: &Posted, member: u64) {
        let question = self.rng.below(retro.threads.len());
        let Some(current) = self.open_form(retro, member, question).await else {
            return;
        };
        let (thread, custom_id) = form_of(retro, question);
        let text = if current.is_some() && self.rng.chance(0.2) {
            String::new()
        } else {
            format!("answer {} from a member", self.next_serial())
        };
        let fields = [("answer", text.as_str())];
        let Some(id) = attempt(|| {
            self.discord
                .submit_modal(member, thread, &custom_id, &fields)
        }) else {
            self.count("action refused");
            return;
        };
        let told = answer_of(&self.discord, id, ANSWER_WAIT)
            .await
            .map(|r| r.text);
        let state = match told {
            Some(t) if t.contains("withdrawn") => Some(None),
            Some(t) if t.contains("without your name") || t.contains("updated") => Some(Some(text)),
            _ => None,
        };
        self.count(if state.is_some() {
            "answer"
        } else {
            "answer unconfirmed"
        });
        self.ledger
            .set_answer(retro.header, member, question, state);
    }

    /// Opens the answer form of `question`; the bot pre-fills it with the member's current
    /// answer, which the ledger takes as known. `None` when no form came.
    pub async fn open_form(
        &self,
        retro: &Posted,
        member: u64,
        question: usize,
    ) -> Option<Option<String>> {
        let (thread, custom_id) = form_of(retro, question);
        let message = retro.threads[question].1.as_ref()?.id;
        let id = attempt(|| {
            self.discord
                .click_button(member, thread, message, &custom_id)
        })?;
        let shown = answer_of(&self.discord, id, ANSWER_WAIT).await?;
        if shown.callback_type != 9 {
            return None;
        }
        let modal = &self.discord.interaction_responses(id)[0]["data"];
        let current = modal["components"][0]["components"][0]["value"]
            .as_str()
            .filter(|v| !v.is_empty())
            .map(str::to_string);
        self.ledger
            .set_answer(retro.header, member, question, Some(current.clone()));
        Some(current)
    }
}

/// The thread and the Answer button of `question`.
fn form_of(retro: &Posted, question: usize) -> (u64, String) {
    let (thread, first) = &retro.threads[question];
    let custom_id = first
        .as_ref()
        .and_then(|m| m.custom_ids().first().cloned())
        .unwrap_or_default();
    (*thread, custom_id)
}

/// The vote a click's answer tells: "Your vote: 👍 …" or "… taken back".
fn vote_told(text: &str) -> Option<Option<usize>> {
    if let Some(rest) = text.strip_prefix("Your vote: ") {
        return SCALE.iter().position(|e| rest.starts_with(e)).map(Some);
    }
    text.contains("taken back").then_some(None)
}
