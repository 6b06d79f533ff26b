//! The stand-in's world model: users, guilds, channels, threads, messages, reactions, interactions
//! and commands, plus the one `State` (behind one mutex) that REST, gateway and tests share.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::access::OverwriteRec;
use super::faults::{Fault, Pacer};
use super::gateway::GatewayState;
use super::views::RequestRecord;
use crate::support::perms;

/// Discord's epoch (2015-01-01) in Unix milliseconds.
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
pub const KIND_TEXT: u8 = 0;
pub const KIND_DM: u8 = 1;
pub const KIND_PUBLIC_THREAD: u8 = 11;
pub const KIND_PRIVATE_THREAD: u8 = 12;
/// Message flag: only the interaction's user sees it.
pub const FLAG_EPHEMERAL: u64 = 1 << 6;
/// Message flag: a deferred interaction response still "thinking".
pub const FLAG_LOADING: u64 = 1 << 7;
/// Message flag: a thread was started from this message.
pub const FLAG_HAS_THREAD: u64 = 1 << 5;

#[derive(Clone, Debug)]
pub struct UserRec {
    pub id: u64,
    pub name: String,
    pub bot: bool,
}

#[derive(Clone, Debug)]
pub struct RoleRec {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: u16,
    pub managed: bool,
}

#[derive(Clone, Debug)]
pub struct MemberRec {
    pub user_id: u64,
    pub roles: Vec<u64>,
    pub joined_ms: u64,
}

#[derive(Clone, Debug)]
pub struct GuildRec {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    /// Roles in position order; the first is `@everyone` (id = guild id).
    pub roles: Vec<RoleRec>,
    pub members: BTreeMap<u64, MemberRec>,
    pub joined_ms: u64,
    /// The server's preferred locale ("en-US" unless a test sets another).
    pub preferred_locale: String,
}

#[derive(Clone, Debug)]
pub struct ChannelRec {
    pub id: u64,
    pub guild_id: Option<u64>,
    pub name: String,
    pub kind: u8,
    pub parent_id: Option<u64>,
    pub owner_id: Option<u64>,
    /// Permission overwrites (empty on threads and DMs: threads use their parent's).
    pub overwrites: Vec<OverwriteRec>,
    pub thread_members: Vec<u64>,
    pub auto_archive: u64,
    pub message_count: u64,
    pub total_sent: u64,
    pub recipient: Option<u64>,
    pub last_message_id: Option<u64>,
    pub position: u64,
}

impl ChannelRec {
    pub fn is_thread(&self) -> bool {
        self.kind == KIND_PUBLIC_THREAD || self.kind == KIND_PRIVATE_THREAD
    }
}

#[derive(Clone, Debug)]
pub struct AttachmentRec {
    pub id: u64,
    pub filename: String,
    pub bytes: Vec<u8>,
    pub description: Option<String>,
}

#[derive(Clone, Debug)]
pub struct MessageRec {
    pub id: u64,
    pub channel_id: u64,
    pub author_id: u64,
    pub content: String,
    pub embeds: Vec<Value>,
    pub components: Vec<Value>,
    pub attachments: Vec<AttachmentRec>,
    /// (emoji, user ids in the order they reacted), emoji in order of first use.
    pub reactions: Vec<(String, Vec<u64>)>,
    pub thread_id: Option<u64>,
    pub edited_ms: Option<u64>,
    pub kind: u8,
    pub flags: u64,
    pub webhook_id: Option<u64>,
    pub interaction_id: Option<u64>,
    pub reference: Option<Value>,
    pub tts: bool,
    /// The `nonce` the bot sent with `enforce_nonce`, for deduplication.
    pub nonce: Option<String>,
}

impl MessageRec {
    pub fn new(id: u64, channel_id: u64, author_id: u64, content: &str) -> MessageRec {
        MessageRec {
            id,
            channel_id,
            author_id,
            content: content.to_string(),
            embeds: Vec::new(),
            components: Vec::new(),
            attachments: Vec::new(),
            reactions: Vec::new(),
            thread_id: None,
            edited_ms: None,
            kind: 0,
            flags: 0,
            webhook_id: None,
            interaction_id: None,
            reference: None,
            tts: false,
            nonce: None,
        }
    }

    pub fn is_ephemeral(&self) -> bool {
        self.flags & FLAG_EPHEMERAL != 0
    }
}

/// One interaction the stand-in dispatched, and everything the bot did with it.
#[derive(Clone, Debug)]
pub struct InteractionRec {
    pub id: u64,
    pub token: String,
    pub kind: u8,
    pub user_id: u64,
    pub channel_id: u64,
    pub guild_id: Option<u64>,
    pub dispatched_at: Instant,
    /// Callback bodies and webhook calls, in arrival order.
    pub responses: Vec<(Instant, Value)>,
    /// The callback type of the first (only) callback.
    pub callback_type: Option<u64>,
    pub original: Option<u64>,
    /// The deferred original has been filled in (PATCH @original or first follow-up).
    pub original_done: bool,
    pub followups: Vec<u64>,
    pub autocomplete: Option<Vec<(String, Value)>>,
    pub modal: Option<Value>,
    /// For components: the message the component sits on.
    pub source_message: Option<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct Commands {
    pub global: Vec<Value>,
    pub guild: BTreeMap<u64, Vec<Value>>,
}

/// Everything, behind one mutex.
pub struct State {
    pub port: u16,
    last_id: u64,
    pub bot: UserRec,
    pub application_id: u64,
    pub users: BTreeMap<u64, UserRec>,
    pub guilds: BTreeMap<u64, GuildRec>,
    /// Each user's client locale, sent as an interaction's `locale` ("en-US" if unset).
    pub user_locales: BTreeMap<u64, String>,
    pub channels: BTreeMap<u64, ChannelRec>,
    pub messages: BTreeMap<u64, MessageRec>,
    pub interactions: BTreeMap<u64, InteractionRec>,
    pub commands: Commands,
    pub gateway: GatewayState,
    pub requests: Vec<RequestRecord>,
    pub faults: Vec<Fault>,
    pub pacing: bool,
    /// Check every dispatch with serenity's parser (off only in benchmarks, where it would
    /// be the bottleneck).
    pub verify_dispatches: bool,
    pub pacer: Pacer,
    pub interaction_deadline: Duration,
    /// Problems of the stand-in itself (payloads serenity would not parse, ...).
    pub errors: Vec<String>,
    /// Files users attached to an attachment option, served under `/attachments/{id}/…`.
    pub uploads: BTreeMap<u64, AttachmentRec>,
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Unix milliseconds of a snowflake.
pub fn snowflake_ms(id: u64) -> u64 {
    (id >> 22) + DISCORD_EPOCH_MS
}

/// ISO 8601 as Discord writes it.
pub fn iso(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

impl State {
    pub fn new(port: u16) -> State {
        let mut state = State {
            port,
            last_id: 0,
            bot: UserRec {
                id: 0,
                name: String::new(),
                bot: true,
            },
            application_id: 0,
            users: BTreeMap::new(),
            guilds: BTreeMap::new(),
            user_locales: BTreeMap::new(),
            channels: BTreeMap::new(),
            messages: BTreeMap::new(),
            interactions: BTreeMap::new(),
            commands: Commands::default(),
            gateway: GatewayState::default(),
            requests: Vec::new(),
            uploads: BTreeMap::new(),
            faults: Vec::new(),
            pacing: false,
            verify_dispatches: true,
            pacer: Pacer::default(),
            interaction_deadline: Duration::from_secs(15),
            errors: Vec::new(),
        };
        let bot_id = state.next_id();
        state.application_id = bot_id;
        state.bot = UserRec {
            id: bot_id,
            name: "RetroBot".into(),
            bot: true,
        };
        state.users.insert(bot_id, state.bot.clone());
        state
    }

    /// A fresh snowflake: (ms since the Discord epoch) << 22 | counter, strictly increasing.
    pub fn next_id(&mut self) -> u64 {
        let base = (now_ms().saturating_sub(DISCORD_EPOCH_MS)) << 22;
        let id = base.max(self.last_id + 1);
        self.last_id = id;
        id
    }

    /// A fresh snowflake whose guild shard is `shard` of `total`.
    pub fn next_id_on_shard(&mut self, shard: u32, total: u32) -> u64 {
        let total = u64::from(total.max(1));
        let mut ts = (self.next_id() >> 22) + 1;
        while ts % total != u64::from(shard) {
            ts += 1;
        }
        let id = ts << 22;
        self.last_id = self.last_id.max(id);
        id
    }

    pub fn user(&self, id: u64) -> Option<&UserRec> {
        self.users.get(&id)
    }

    /// A member's guild-wide permissions (@everyone + roles; owner and ADMINISTRATOR get all).
    pub fn member_permissions(&self, guild: u64, user: u64) -> u64 {
        let Some(g) = self.guilds.get(&guild) else {
            return 0;
        };
        if g.owner_id == user {
            return perms::ALL;
        }
        let mut p = g.roles.first().map(|r| r.permissions).unwrap_or(0);
        if let Some(m) = g.members.get(&user) {
            for role in g.roles.iter().filter(|r| m.roles.contains(&r.id)) {
                p |= role.permissions;
            }
        }
        if p & perms::ADMINISTRATOR != 0 {
            perms::ALL
        } else {
            p
        }
    }

    pub fn guild_of(&self, channel: u64) -> Option<u64> {
        self.channels.get(&channel).and_then(|c| c.guild_id)
    }

    /// Messages of a channel visible to everyone (no ephemeral ones), oldest first.
    pub fn channel_messages(&self, channel: u64) -> Vec<&MessageRec> {
        self.messages
            .values()
            .filter(|m| m.channel_id == channel && !m.is_ephemeral())
            .collect()
    }

    pub fn record_error(&mut self, error: String) {
        eprintln!("[standin] ERROR: {error}");
        self.errors.push(error);
    }
}
