//! How every command answers: ephemeral replies, deferral and edits of the deferred answer, and
//! the one wording (and count) of a database failure.

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage, EditInteractionResponse,
};

use crate::discord::bot::Bot;
use crate::discord::language;
use crate::discord::rest::RestError;
use crate::i18n::Language;
use crate::tr;

/// Logs a database failure met while trying to `what` (the id of the message naming it, "save
/// the retro"), counts it for `/metrics`, and words it in `lang`: "I couldn't {what} (database
/// problem). Please try again in a moment."
pub fn database_problem_in(
    bot: &Bot,
    lang: Language,
    what: &str,
    error: &impl std::fmt::Display,
) -> String {
    bot.stats.database_error();
    tracing::error!(%error, "could not {}", Language::English.t(what));
    tr!(lang, "error-database", what = lang.t(what))
}

/// Answers one interaction: ephemeral replies, deferral, and edits of the deferred answer.
pub struct Responder<'a> {
    pub(super) bot: &'a Bot,
    pub(super) command: &'a CommandInteraction,
}

impl<'a> Responder<'a> {
    pub fn new(bot: &'a Bot, command: &'a CommandInteraction) -> Self {
        Responder { bot, command }
    }

    /// The language of the caller, which every answer of this responder is written in.
    /// [`database_problem_in`] for this member: logged, counted, and worded in their language.
    pub fn database_problem(&self, what: &str, error: &impl std::fmt::Display) -> String {
        database_problem_in(self.bot, self.lang(), what, error)
    }

    pub fn lang(&self) -> Language {
        language::of_member(self.command)
    }

    /// Answers at once with a message only the caller sees.
    pub async fn ephemeral(&self, text: impl Into<String>) -> Result<(), RestError> {
        let message = CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new());
        let body = CreateInteractionResponse::Message(message);
        self.bot
            .rest
            .respond(self.command.id, &self.command.token, &body)
            .await
    }

    /// Acknowledges now ("thinking…", visible only to the caller); the answer follows by edit.
    pub async fn defer_ephemeral(&self) -> Result<(), RestError> {
        let body = CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(true),
        );
        self.bot
            .rest
            .respond(self.command.id, &self.command.token, &body)
            .await
    }

    /// Replaces the deferred answer with `text`.
    pub async fn edit(&self, text: impl Into<String>) -> Result<(), RestError> {
        let body = EditInteractionResponse::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new());
        self.bot
            .rest
            .edit_original(&self.command.token, &body)
            .await
            .map(drop)
    }
}
