//! What tests look at: snapshots of messages, threads, interaction replies, gateway sessions and
//! recorded REST requests, built from the world under its lock.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::world::{MessageRec, State};

/// A message as a user sees it.
#[derive(Clone, Debug)]
pub struct MessageView {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    pub author_is_bot: bool,
    pub content: String,
    pub embeds: Vec<Value>,
    pub components: Vec<Value>,
    /// (filename, bytes)
    pub attachments: Vec<(String, Vec<u8>)>,
    /// (emoji, user ids in the order they reacted)
    pub reactions: Vec<(String, Vec<u64>)>,
    /// The thread started from this message, if any.
    pub thread_id: Option<u64>,
    /// Discord message type: 0 default, 18 "started a thread" notice, 19 reply, 20 slash reply.
    pub kind: u8,
    pub flags: u64,
    pub ephemeral: bool,
}

impl MessageView {
    pub fn from_rec(state: &State, m: &MessageRec) -> MessageView {
        MessageView {
            id: m.id,
            channel_id: m.channel_id,
            author_id: m.author_id,
            author_is_bot: state.user(m.author_id).is_some_and(|u| u.bot),
            content: m.content.clone(),
            embeds: m.embeds.clone(),
            components: m.components.clone(),
            attachments: m
                .attachments
                .iter()
                .map(|a| (a.filename.clone(), a.bytes.clone()))
                .collect(),
            reactions: m
                .reactions
                .iter()
                .filter(|(_, u)| !u.is_empty())
                .cloned()
                .collect(),
            thread_id: m.thread_id,
            kind: m.kind,
            flags: m.flags,
            ephemeral: m.is_ephemeral(),
        }
    }

    /// Content, then per embed: author, title, description, field names and values, footer; '\n'-joined.
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.content.is_empty() {
            parts.push(self.content.clone());
        }
        for e in &self.embeds {
            let mut push = |v: &Value| {
                if let Some(s) = v.as_str().filter(|s| !s.is_empty()) {
                    parts.push(s.to_string());
                }
            };
            push(&e["author"]["name"]);
            push(&e["title"]);
            push(&e["description"]);
            for f in e["fields"].as_array().into_iter().flatten() {
                push(&f["name"]);
                push(&f["value"]);
            }
            push(&e["footer"]["text"]);
        }
        parts.join("\n")
    }

    /// How many users reacted with `emoji` (the bot included).
    pub fn count(&self, emoji: &str) -> usize {
        self.reactions
            .iter()
            .find(|(e, _)| e == emoji)
            .map_or(0, |(_, u)| u.len())
    }

    /// The users who reacted with `emoji`, in the order they did.
    pub fn reactors(&self, emoji: &str) -> Vec<u64> {
        self.reactions
            .iter()
            .find(|(e, _)| e == emoji)
            .map(|(_, u)| u.clone())
            .unwrap_or_default()
    }

    /// Custom ids of all buttons/selects on the message.
    pub fn custom_ids(&self) -> Vec<String> {
        let mut out = Vec::new();
        for row in &self.components {
            for c in row["components"].as_array().into_iter().flatten() {
                if let Some(id) = c["custom_id"].as_str() {
                    out.push(id.to_string());
                }
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
pub struct ThreadView {
    pub id: u64,
    pub name: String,
    /// 11 public, 12 private.
    pub kind: u8,
    pub bot_is_member: bool,
    pub parent_id: u64,
    pub owner_id: Option<u64>,
}

/// The final visible answer to an interaction.
#[derive(Clone, Debug)]
pub struct Reply {
    pub ephemeral: bool,
    /// All messages' `text()` (or the modal title and labels, or autocomplete choice names).
    pub text: String,
    pub deferred: bool,
    /// Time from the dispatch of the interaction to the first callback.
    pub ack_after: Duration,
    /// The original response and follow-ups (or the updated component message).
    pub messages: Vec<MessageView>,
    /// The callback type the bot answered with (4, 5, 6, 7, 8, 9).
    pub callback_type: u64,
}

#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub session_id: String,
    pub shard: (u32, u32),
    /// IDENTIFYs and successful RESUMEs seen for this shard over the stand-in's lifetime.
    pub identified: usize,
    pub resumed: usize,
    pub connected: bool,
    pub intents: u64,
    pub seq: u64,
}

/// One REST request the bot made.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    pub method: String,
    /// Percent-decoded path, e.g. `/api/v10/channels/1/messages/2/reactions/👍/@me`.
    pub path: String,
    pub query: String,
    /// JSON body; for multipart: `{"payload_json": …, "files": [{"name","filename","size"}]}`.
    pub body: Value,
    pub status: u16,
    /// Discord error code of an error answer.
    pub error_code: Option<u64>,
    pub arrived: Instant,
    pub finished: Instant,
    /// Why the request counts as unexpected (unknown route, invalid form body, ...).
    pub unexpected: Option<String>,
    /// The answer was produced by an injected fault.
    pub injected: bool,
}

impl RequestRecord {
    pub fn is(&self, method: &str, path_contains: &str) -> bool {
        self.method == method && self.path.contains(path_contains)
    }
}
