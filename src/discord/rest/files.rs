//! REST calls that can carry a file: a channel message with an attachment, the deferred answer
//! of an interaction with one, and follow-up answers. Files go as multipart `payload_json` +
//! `files[0]`, through the same `send` as every other call (so 429s are retried).

use serde::Serialize;
use serenity::builder::{
    CreateAttachment, CreateInteractionResponseFollowup, CreateMessage, EditInteractionResponse,
};
use serenity::http::{LightMethod, Multipart, MultipartUpload, Request, Route};
use serenity::model::prelude::*;

use super::{DiscordRest, RestError};

/// A file to attach: its name (what `attachment://` links refer to) and contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

impl DiscordRest {
    /// A JSON request, or with `file` a multipart one whose payload describes the file.
    fn with_file<'a>(
        route: Route<'a>,
        method: LightMethod,
        body: &impl Serialize,
        file: Option<&Upload>,
    ) -> Request<'a> {
        let Some(file) = file else {
            return Self::json(route, method, body);
        };
        let mut payload = serde_json::to_value(body).expect("request bodies serialise");
        if let Some(object) = payload.as_object_mut() {
            object.insert(
                "attachments".into(),
                serde_json::json!([{"id": 0, "filename": file.filename}]),
            );
        }
        let attachment = CreateAttachment::bytes(file.bytes.clone(), file.filename.clone());
        Request::new(route, method).multipart(Some(Multipart {
            upload: MultipartUpload::Attachments(vec![attachment]),
            fields: Vec::new(),
            payload_json: Some(payload.to_string()),
        }))
    }

    /// Posts a message, with `file` attached when given.
    pub async fn create_message_with_file(
        &self,
        channel: ChannelId,
        body: &CreateMessage,
        file: Option<&Upload>,
    ) -> Result<Message, RestError> {
        let route = Route::ChannelMessages {
            channel_id: channel,
        };
        self.call(Self::with_file(route, LightMethod::Post, body, file))
            .await
    }

    /// Replaces the original (deferred) answer of an interaction, with `file` when given.
    pub async fn edit_original_with_file(
        &self,
        token: &str,
        body: &EditInteractionResponse,
        file: Option<&Upload>,
    ) -> Result<Message, RestError> {
        let route = Route::WebhookOriginalInteractionResponse {
            application_id: self.app_id()?,
            token,
        };
        self.call(Self::with_file(route, LightMethod::Patch, body, file))
            .await
    }

    /// Sends a follow-up answer to an interaction.
    pub async fn followup(
        &self,
        token: &str,
        body: &CreateInteractionResponseFollowup,
    ) -> Result<Message, RestError> {
        let route = Route::WebhookFollowupMessages {
            application_id: self.app_id()?,
            token,
        };
        // A follow-up has no nonce: repeating it after a lost answer could post it twice.
        self.call_once(Self::json(route, LightMethod::Post, body))
            .await
    }
}
