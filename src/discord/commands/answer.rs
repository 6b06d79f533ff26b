//! Answers longer than one message: the deferred answer is replaced by the first part (with a
//! file when given), the other parts follow as follow-ups only the caller sees.

use serenity::all::{
    CreateAllowedMentions, CreateInteractionResponseFollowup, EditInteractionResponse,
};

use super::respond::Responder;
use crate::discord::render::RenderedMessage;
use crate::discord::rest::{RestError, Upload};

impl Responder<'_> {
    /// Replaces the deferred answer with `parts[0]` (and `file`), then sends the rest.
    pub async fn edit_parts(
        &self,
        parts: &[RenderedMessage],
        file: Option<Upload>,
    ) -> Result<(), RestError> {
        let Some((first, rest)) = parts.split_first() else {
            return self.edit(self.lang().t("respond-nothing-to-show")).await;
        };
        let body = EditInteractionResponse::new()
            .content("")
            .embeds(vec![first.embed()])
            .allowed_mentions(CreateAllowedMentions::new());
        self.bot
            .rest
            .edit_original_with_file(&self.command.token, &body, file.as_ref())
            .await?;
        for part in rest {
            let body = CreateInteractionResponseFollowup::new()
                .embed(part.embed())
                .ephemeral(true)
                .allowed_mentions(CreateAllowedMentions::new());
            self.bot.rest.followup(&self.command.token, &body).await?;
        }
        Ok(())
    }

    /// Replaces the deferred answer with `text` and a file.
    pub async fn edit_with_file(
        &self,
        text: impl Into<String>,
        file: Upload,
    ) -> Result<(), RestError> {
        let body = EditInteractionResponse::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new());
        self.bot
            .rest
            .edit_original_with_file(&self.command.token, &body, Some(&file))
            .await
            .map(drop)
    }
}
