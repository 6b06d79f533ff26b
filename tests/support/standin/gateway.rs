//! The websocket gateway: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay,
//! several sessions (one or more per shard), and routing each dispatch to every session owning
//! its guild.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State as AxState;
use axum::response::Response;
use serde_json::{json, Value};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

use super::gateway_refusals::{close_with, refused_identify, Refusals};
use super::payloads::{current_user_json, guild_json};
use super::verify;
use super::world::State;
use super::Shared;

pub const INTENT_GUILDS: u64 = 1 << 0;
pub const INTENT_GUILD_MEMBERS: u64 = 1 << 1;
pub const INTENT_GUILD_MESSAGES: u64 = 1 << 9;
pub const INTENT_GUILD_MESSAGE_REACTIONS: u64 = 1 << 10;
pub const INTENT_DIRECT_MESSAGES: u64 = 1 << 12;
pub const INTENT_DIRECT_MESSAGE_REACTIONS: u64 = 1 << 13;
pub const INTENT_MESSAGE_CONTENT: u64 = 1 << 15;

pub enum ConnCmd {
    Flush,
    Close(u16),
}

pub struct ConnHandle {
    pub id: u64,
    pub tx: UnboundedSender<ConnCmd>,
}

pub struct Session {
    pub id: String,
    pub shard: (u32, u32),
    pub token: String,
    pub intents: u64,
    pub seq: u64,
    /// Every dispatch frame of the session, in order: (seq, frame text).
    pub history: Vec<(u64, String)>,
    /// How many of `history` were handed to the current connection.
    pub sent: usize,
    pub conn: Option<ConnHandle>,
    pub ready: bool,
}

#[derive(Clone, Debug, Default)]
pub struct ShardStats {
    pub identified: usize,
    pub resumed: usize,
}

#[derive(Default)]
pub struct GatewayState {
    pub sessions: BTreeMap<String, Session>,
    pub stats: BTreeMap<(u32, u32), ShardStats>,
    pub next_conn: u64,
    pub next_session: u64,
    pub tokens: Vec<String>,
    pub refusals: Refusals,
}

impl GatewayState {
    /// The sessions that get events of `guild` (DMs: shard 0).
    fn owners(&self, guild: Option<u64>) -> Vec<String> {
        self.sessions
            .values()
            .filter(|s| {
                let (id, total) = s.shard;
                match guild {
                    Some(g) => (g >> 22) % u64::from(total.max(1)) == u64::from(id),
                    None => id == 0,
                }
            })
            .map(|s| s.id.clone())
            .collect()
    }
}

fn required_intent(t: &str, in_guild: bool) -> u64 {
    match (t, in_guild) {
        ("MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE", true) => INTENT_GUILD_MESSAGES,
        ("MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE", false) => INTENT_DIRECT_MESSAGES,
        ("MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE", true) => {
            INTENT_GUILD_MESSAGE_REACTIONS
        }
        ("MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE", false) => {
            INTENT_DIRECT_MESSAGE_REACTIONS
        }
        (
            "GUILD_CREATE" | "GUILD_UPDATE" | "THREAD_CREATE" | "THREAD_UPDATE" | "THREAD_DELETE"
            | "CHANNEL_CREATE" | "CHANNEL_UPDATE" | "CHANNEL_DELETE" | "GUILD_ROLE_CREATE"
            | "GUILD_ROLE_UPDATE" | "GUILD_ROLE_DELETE",
            _,
        ) => INTENT_GUILDS,
        ("GUILD_MEMBER_ADD" | "GUILD_MEMBER_UPDATE" | "GUILD_MEMBER_REMOVE", _) => {
            INTENT_GUILD_MEMBERS
        }
        _ => 0,
    }
}

impl State {
    /// Sends a dispatch to the session(s) holding `guild`'s shard (buffered while disconnected).
    pub fn dispatch(&mut self, guild: Option<u64>, t: &str, d: Value) {
        if self.verify_dispatches {
            if let Err(e) = verify::check_dispatch(t, &d) {
                self.record_error(format!(
                    "dispatch {t} would not parse in serenity: {e}; payload {d}"
                ));
            }
        }
        let bot_id = self.bot.id;
        for sid in self.gateway.owners(guild) {
            let Some(s) = self.gateway.sessions.get_mut(&sid) else {
                continue;
            };
            // Updates of the bot's own member object arrive without GUILD_MEMBERS.
            let about_bot = t == "GUILD_MEMBER_UPDATE"
                && d["user"]["id"].as_str() == Some(bot_id.to_string().as_str());
            let need = if about_bot {
                0
            } else {
                required_intent(t, guild.is_some())
            };
            if s.intents & need != need {
                continue;
            }
            let mut d = d.clone();
            if t.starts_with("MESSAGE_") && !t.starts_with("MESSAGE_REACTION") {
                strip_content_without_intent(&mut d, s.intents, bot_id, guild.is_some());
            }
            push_frame(s, t, d);
        }
    }
}

/// Without MESSAGE_CONTENT, guild messages arrive without content (unless by/mentioning the bot).
fn strip_content_without_intent(d: &mut Value, intents: u64, bot_id: u64, in_guild: bool) {
    if intents & INTENT_MESSAGE_CONTENT != 0 || !in_guild || d.get("content").is_none() {
        return;
    }
    let bot = bot_id.to_string();
    let by_bot = d["author"]["id"].as_str() == Some(bot.as_str());
    let mentions_bot = d["mentions"]
        .as_array()
        .is_some_and(|m| m.iter().any(|u| u["id"].as_str() == Some(&bot)));
    if !by_bot && !mentions_bot {
        d["content"] = Value::from("");
        d["embeds"] = json!([]);
        d["attachments"] = json!([]);
        d["components"] = json!([]);
    }
}

fn push_frame(s: &mut Session, t: &str, d: Value) {
    s.seq += 1;
    let frame = json!({"op": 0, "s": s.seq, "t": t, "d": d}).to_string();
    s.history.push((s.seq, frame));
    if let Some(c) = &s.conn {
        let _ = c.tx.send(ConnCmd::Flush);
    }
}

pub async fn ws_handler(ws: WebSocketUpgrade, AxState(shared): AxState<Arc<Shared>>) -> Response {
    ws.max_message_size(64 << 20)
        .on_upgrade(move |socket| connection(shared, socket))
}

async fn send_json(socket: &mut WebSocket, v: Value) -> bool {
    socket
        .send(Message::Text(v.to_string().into()))
        .await
        .is_ok()
}

async fn connection(shared: Arc<Shared>, mut socket: WebSocket) {
    let (tx, mut rx) = unbounded_channel();
    let conn_id = shared.with(|s| {
        s.gateway.next_conn += 1;
        s.gateway.next_conn
    });
    let mut session: Option<String> = None;
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": 41250}});
    if !send_json(&mut socket, hello).await {
        return;
    }
    loop {
        tokio::select! {
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(text))) => {
                    let Ok(v) = serde_json::from_str::<Value>(text.as_str()) else { continue };
                    match v["op"].as_u64() {
                        Some(1) => {
                            let ack = json!({"op": 11, "s": null, "t": null, "d": null});
                            if !send_json(&mut socket, ack).await { break; }
                        },
                        Some(2) => {
                            if refused_identify(&shared, &mut socket, &v["d"]).await { break; }
                            session = Some(identify(&shared, &v["d"], conn_id, &tx));
                        },
                        Some(6) => match resume(&shared, &v["d"], conn_id, &tx) {
                            Some(sid) => session = Some(sid),
                            None => {
                                let invalid = json!({"op": 9, "s": null, "t": null, "d": false});
                                if !send_json(&mut socket, invalid).await { break; }
                            },
                        },
                        _ => {},
                    }
                },
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {},
            },
            cmd = rx.recv() => match cmd {
                Some(ConnCmd::Flush) => {
                    let frames = take_unsent(&shared, session.as_deref(), conn_id);
                    for f in frames {
                        if socket.send(Message::Text(f.into())).await.is_err() { break; }
                    }
                },
                Some(ConnCmd::Close(code)) => {
                    close_with(&shared, &mut socket, code, "stand-in dropped the connection").await;
                    break;
                },
                None => break,
            },
        }
    }
    shared.with(|s| {
        if let Some(sess) = session.and_then(|sid| s.gateway.sessions.get_mut(&sid)) {
            if sess.conn.as_ref().is_some_and(|c| c.id == conn_id) {
                sess.conn = None;
            }
        }
    });
}

fn take_unsent(shared: &Shared, session: Option<&str>, conn_id: u64) -> Vec<String> {
    shared.with(|s| {
        let Some(sess) = session.and_then(|sid| s.gateway.sessions.get_mut(sid)) else {
            return Vec::new();
        };
        if sess.conn.as_ref().is_none_or(|c| c.id != conn_id) {
            return Vec::new();
        }
        let frames = sess.history[sess.sent..]
            .iter()
            .map(|(_, f)| f.clone())
            .collect();
        sess.sent = sess.history.len();
        frames
    })
}

fn identify(shared: &Shared, d: &Value, conn_id: u64, tx: &UnboundedSender<ConnCmd>) -> String {
    shared.with(|s| {
        let token = d["token"].as_str().unwrap_or_default().to_string();
        let intents = d["intents"].as_u64().unwrap_or(0);
        let shard = match d["shard"].as_array() {
            Some(a) if a.len() == 2 => {
                (a[0].as_u64().unwrap_or(0) as u32, a[1].as_u64().unwrap_or(1) as u32)
            },
            _ => (0, 1),
        };
        // A fresh IDENTIFY replaces any disconnected session of the same shard (no replay for
        // it). A connected one stays: Discord lets several connections hold the same shard (a
        // rolling deploy), and each of them gets every dispatch of it.
        s.gateway
            .sessions
            .retain(|_, old| old.shard != shard || old.conn.is_some());
        s.gateway.next_session += 1;
        let sid = format!("session-{}-{}", s.gateway.next_session, conn_id);
        s.gateway.tokens.push(token.clone());
        s.gateway.stats.entry(shard).or_default().identified += 1;
        let session = Session {
            id: sid.clone(),
            shard,
            token,
            intents,
            seq: 0,
            history: Vec::new(),
            sent: 0,
            conn: Some(ConnHandle { id: conn_id, tx: tx.clone() }),
            ready: true,
        };
        s.gateway.sessions.insert(sid.clone(), session);
        let guild_ids: Vec<u64> = s
            .guilds
            .keys()
            .copied()
            .filter(|g| (g >> 22) % u64::from(shard.1.max(1)) == u64::from(shard.0))
            .collect();
        let ready = json!({
            "v": 10,
            "user": current_user_json(&s.bot),
            "guilds": guild_ids.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": sid,
            "resume_gateway_url": format!("ws://127.0.0.1:{}/gateway", s.port),
            "shard": [shard.0, shard.1],
            "application": {"id": s.application_id.to_string(), "flags": 1 << 19},
            "session_type": "normal",
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": ["local"],
            "auth": {},
            "_trace": ["[\"retrobot-standin\"]"],
        });
        let mut frames = vec![("READY".to_string(), ready)];
        for g in guild_ids {
            let guild = s.guilds.get(&g).map(|g| guild_json(s, g, true));
            frames.extend(guild.map(|v| ("GUILD_CREATE".to_string(), v)));
        }
        for (t, d) in frames {
            if let Err(e) = verify::check_dispatch(&t, &d) {
                s.record_error(format!("dispatch {t} would not parse in serenity: {e}"));
            }
            if let Some(sess) = s.gateway.sessions.get_mut(&sid) {
                push_frame(sess, &t, d);
            }
        }
        sid
    })
}

fn resume(
    shared: &Shared,
    d: &Value,
    conn_id: u64,
    tx: &UnboundedSender<ConnCmd>,
) -> Option<String> {
    let sid = d["session_id"].as_str()?.to_string();
    let token = d["token"].as_str().unwrap_or_default();
    let seq = d["seq"].as_u64().unwrap_or(0);
    shared.with(|s| {
        let sess = s.gateway.sessions.get_mut(&sid)?;
        if sess.token != token || seq > sess.seq {
            return None;
        }
        sess.sent = sess
            .history
            .iter()
            .position(|(n, _)| *n > seq)
            .unwrap_or(sess.history.len());
        sess.conn = Some(ConnHandle {
            id: conn_id,
            tx: tx.clone(),
        });
        push_frame(
            sess,
            "RESUMED",
            json!({"_trace": ["[\"retrobot-standin\"]"]}),
        );
        let shard = sess.shard;
        s.gateway.stats.entry(shard).or_default().resumed += 1;
        Some(sid)
    })
}

/// Ends every session: sockets closed with 4009 (session timed out), so the bot must IDENTIFY
/// afresh; dispatches until then are dropped, and the new session gets no replay.
pub fn invalidate_sessions(state: &mut State) {
    drop_connections(state, 4009);
    state.gateway.sessions.clear();
}

/// Closes every connected session's socket with `code` (4000: serenity resumes).
pub fn drop_connections(state: &mut State, code: u16) {
    for sess in state.gateway.sessions.values_mut() {
        if let Some(c) = sess.conn.take() {
            let _ = c.tx.send(ConnCmd::Close(code));
        }
    }
}

impl super::StandIn {
    /// How many gateway connections are live now (several may hold the same shard).
    pub fn live_connections(&self) -> usize {
        self.shared.read(|s| {
            let sessions = s.gateway.sessions.values();
            sessions.filter(|x| x.conn.is_some()).count()
        })
    }
}
