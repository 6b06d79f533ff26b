//! Gateway refusals as Discord sends them: an IDENTIFY asking for a privileged intent the
//! application may not use is closed with 4014 "Disallowed intent(s).", one with a bad token
//! with 4004 "Authentication failed." (and REST answers that token 401).

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use serde_json::Value;

use super::gateway::INTENT_MESSAGE_CONTENT;
use super::{Shared, StandIn};

/// Close code: the token sent with IDENTIFY is incorrect.
pub const CLOSE_AUTHENTICATION_FAILED: u16 = 4004;
/// Close code: IDENTIFY asked for an intent the application has not enabled or is not approved
/// for.
pub const CLOSE_DISALLOWED_INTENTS: u16 = 4014;

/// What the gateway refuses, and what it has refused so far.
#[derive(Default)]
pub struct Refusals {
    /// Intent bits the application may not use (Message Content with the portal toggle off).
    pub disallowed_intents: u64,
    /// Tokens Discord would not accept.
    pub bad_tokens: Vec<String>,
    /// Every close frame the gateway sent: (code, reason).
    pub closes_sent: Vec<(u16, String)>,
}

impl Refusals {
    /// Whether REST should answer 401 to this `Authorization` header.
    pub fn rejects_authorization(&self, authorization: &str) -> bool {
        authorization
            .strip_prefix("Bot ")
            .is_some_and(|token| self.bad_tokens.iter().any(|bad| bad == token))
    }

    /// The close Discord answers this IDENTIFY payload with, if it refuses it.
    fn refusal(&self, identify: &Value) -> Option<(u16, &'static str)> {
        let token = identify["token"].as_str().unwrap_or_default();
        let token = token.strip_prefix("Bot ").unwrap_or(token);
        if self.bad_tokens.iter().any(|bad| bad == token) {
            return Some((CLOSE_AUTHENTICATION_FAILED, "Authentication failed."));
        }
        let intents = identify["intents"].as_u64().unwrap_or(0);
        if intents & self.disallowed_intents != 0 {
            return Some((CLOSE_DISALLOWED_INTENTS, "Disallowed intent(s)."));
        }
        None
    }
}

/// Sends a close frame (and records it).
pub async fn close_with(shared: &Shared, socket: &mut WebSocket, code: u16, reason: &str) {
    shared.with(|s| {
        s.gateway
            .refusals
            .closes_sent
            .push((code, reason.to_string()))
    });
    let frame = CloseFrame {
        code,
        reason: reason.to_string().into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// If Discord would refuse this IDENTIFY, closes the socket as it does and returns true.
pub async fn refused_identify(shared: &Shared, socket: &mut WebSocket, identify: &Value) -> bool {
    let refusal = shared.read(|s| s.gateway.refusals.refusal(identify));
    match refusal {
        Some((code, reason)) => {
            close_with(shared, socket, code, reason).await;
            true
        }
        None => false,
    }
}

impl StandIn {
    /// With `false`, IDENTIFYs that ask for Message Content are closed with 4014, as Discord
    /// does when the portal's toggle is off or the bot is not approved for the intent.
    pub fn set_message_content_allowed(&self, allowed: bool) {
        self.shared.with(|s| {
            let refused = &mut s.gateway.refusals.disallowed_intents;
            if allowed {
                *refused &= !INTENT_MESSAGE_CONTENT;
            } else {
                *refused |= INTENT_MESSAGE_CONTENT;
            }
        });
    }

    /// Makes `token` one Discord does not accept: its IDENTIFY is closed with 4004 and REST
    /// answers it 401 Unauthorized.
    pub fn reject_token(&self, token: &str) {
        self.shared
            .with(|s| s.gateway.refusals.bad_tokens.push(token.to_string()));
    }

    /// The intents of every session the gateway accepted (IDENTIFYs it did not refuse).
    pub fn session_intents(&self) -> Vec<u64> {
        self.shared
            .read(|s| s.gateway.sessions.values().map(|x| x.intents).collect())
    }

    /// Every close frame the gateway has sent: (code, reason), oldest first.
    pub fn gateway_closes(&self) -> Vec<(u16, String)> {
        self.shared.read(|s| s.gateway.refusals.closes_sent.clone())
    }
}
