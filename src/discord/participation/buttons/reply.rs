//! Answers to the interactions of anonymous retros: only ever seen by the member who clicked.

use serenity::all::{
    CreateAllowedMentions, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateModal, EditInteractionResponse, InteractionId,
};

use crate::discord::bot::Bot;
use crate::discord::rest::RestError;

/// The id and token needed to answer one interaction.
pub struct Ack {
    pub id: InteractionId,
    pub token: String,
}

impl Ack {
    /// Acknowledges now, privately ("thinking…"); the answer follows with [`Ack::edit`].
    pub async fn defer(&self, bot: &Bot) -> Result<(), RestError> {
        let body = CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        );
        bot.rest.respond(self.id, &self.token, &body).await
    }

    /// Answers at once with a message only the member sees.
    pub async fn say(&self, bot: &Bot, text: impl Into<String>) -> Result<(), RestError> {
        let body = CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new()
                .content(text)
                .ephemeral(true)
                .allowed_mentions(CreateAllowedMentions::new()),
        );
        bot.rest.respond(self.id, &self.token, &body).await
    }

    /// Replaces the deferred answer.
    pub async fn edit(&self, bot: &Bot, text: impl Into<String>) -> Result<(), RestError> {
        let body = EditInteractionResponse::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new());
        bot.rest.edit_original(&self.token, &body).await.map(drop)
    }

    /// Opens a modal.
    pub async fn modal(&self, bot: &Bot, modal: CreateModal) -> Result<(), RestError> {
        let body = CreateInteractionResponse::Modal(modal);
        bot.rest.respond(self.id, &self.token, &body).await
    }
}

/// Logs a failed answer to a member, without naming them.
pub fn log_failure(what: &str, outcome: Result<(), RestError>) {
    if let Err(e) = outcome {
        tracing::warn!(error = %e, "could not answer {what}");
    }
}
