//! The local Discord stand-in: one axum server (REST under `/api/v10`, websocket gateway at
//! `/gateway`) over a world model, and `StandIn`, the handle tests use to set up, act and observe.

mod access;
mod actions;
mod body;
mod commands;
mod faults;
mod gateway;
mod gateway_refusals;
mod interactions;
mod message_payloads;
mod messages;
mod ops;
mod payloads;
mod rest;
mod rest_channels;
mod rest_files;
mod rest_guilds;
mod rest_interactions;
mod verify;
mod views;
mod waits;
mod world;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use serde_json::Value;
use tokio::sync::watch;

pub use access::{OverwriteRec, OVERWRITE_MEMBER, OVERWRITE_ROLE};
pub use faults::{floor_for, Fault, FaultKind};
pub use gateway_refusals::{CLOSE_AUTHENTICATION_FAILED, CLOSE_DISALLOWED_INTENTS};
pub use views::{MessageView, Reply, RequestRecord, SessionInfo, ThreadView};
use world::{MemberRec, RoleRec, State, UserRec, KIND_TEXT};

use crate::support::perms;

/// State shared by the server tasks and the test's handle.
pub struct Shared {
    state: Mutex<State>,
    changed: watch::Sender<u64>,
}

impl Shared {
    /// Mutates the world and wakes everyone waiting for a change.
    pub fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let r = {
            let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut guard)
        };
        self.changed.send_modify(|v| *v += 1);
        r
    }

    pub fn read<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        let guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }

    /// Mutates bookkeeping that nobody waits on (pacing grants) without a change notification.
    pub fn read_mut_quiet<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }
}

/// The test-facing handle (cheap to clone).
#[derive(Clone)]
pub struct StandIn {
    shared: Arc<Shared>,
    port: u16,
}

/// What `start_default` creates.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub guild: u64,
    /// The text channel "general".
    pub channel: u64,
    /// Facilitator without Manage Server.
    pub alice: u64,
    /// Has Manage Server (through `manager_role`).
    pub morgan: u64,
    pub bob: u64,
    pub carol: u64,
    pub dave: u64,
    /// Another bot (bot: true) in the guild.
    pub other_bot: u64,
    pub manager_role: u64,
}

impl StandIn {
    /// An empty world (just the bot user and its application), served on 127.0.0.1:<free port>.
    pub async fn start() -> StandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind stand-in");
        let port = listener.local_addr().expect("local addr").port();
        let (changed, _) = watch::channel(0);
        let shared = Arc::new(Shared {
            state: Mutex::new(State::new(port)),
            changed,
        });
        let app = Router::new()
            .route("/gateway", get(gateway::ws_handler))
            .route("/attachments/{id}/{filename}", get(rest_files::attachment))
            .fallback(rest::handle)
            .layer(DefaultBodyLimit::max(64 << 20))
            .with_state(shared.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        StandIn { shared, port }
    }

    /// One guild "Test Guild" with text channel "general" and the members of [`Fixture`].
    pub async fn start_default() -> (StandIn, Fixture) {
        let s = StandIn::start().await;
        let guild = s.add_guild("Test Guild");
        let channel = s.add_text_channel(guild, "general");
        let manager_role = s.add_role(guild, "Manager", perms::MANAGE_GUILD);
        let fixture = Fixture {
            guild,
            channel,
            alice: s.add_member(guild, "Alice", &[]),
            morgan: s.add_member(guild, "Morgan", &[manager_role]),
            bob: s.add_member(guild, "Bob", &[]),
            carol: s.add_member(guild, "Carol", &[]),
            dave: s.add_member(guild, "Dave", &[]),
            other_bot: s.add_bot_member(guild, "OtherBot"),
            manager_role,
        };
        (s, fixture)
    }

    pub(crate) fn shared(&self) -> &Shared {
        &self.shared
    }

    /// What `DISCORD_API_URL` must be set to.
    pub fn api_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn gateway_url(&self) -> String {
        format!("ws://127.0.0.1:{}/gateway", self.port)
    }

    pub fn bot_user_id(&self) -> u64 {
        self.shared.read(|s| s.bot.id)
    }

    pub fn application_id(&self) -> u64 {
        self.shared.read(|s| s.application_id)
    }

    pub fn add_guild(&self, name: &str) -> u64 {
        self.add_guild_with(name, None)
    }

    /// A guild whose id puts it on `shard` of `total` ((id >> 22) % total).
    pub fn add_guild_on_shard(&self, name: &str, shard: u32, total: u32) -> u64 {
        self.add_guild_with(name, Some((shard, total)))
    }

    fn add_guild_with(&self, name: &str, shard: Option<(u32, u32)>) -> u64 {
        self.shared.with(|s| {
            let id = match shard {
                Some((shard, total)) => s.next_id_on_shard(shard, total),
                None => s.next_id(),
            };
            s.add_guild(id, name);
            let d = payloads::guild_json(s, &s.guilds[&id], true);
            s.dispatch(Some(id), "GUILD_CREATE", d);
            id
        })
    }

    pub fn add_text_channel(&self, guild: u64, name: &str) -> u64 {
        self.shared.with(|s| {
            assert!(
                s.guilds.contains_key(&guild),
                "add_text_channel: unknown guild {guild}"
            );
            let id = s.add_channel(Some(guild), name, KIND_TEXT);
            let d = payloads::channel_json(s, &s.channels[&id]);
            s.dispatch(Some(guild), "CHANNEL_CREATE", d);
            id
        })
    }

    pub fn add_role(&self, guild: u64, name: &str, permissions: u64) -> u64 {
        self.shared.with(|s| {
            let id = s.next_id();
            let g = s.guilds.get_mut(&guild).expect("add_role: unknown guild");
            let position = g.roles.len() as u16;
            let role = RoleRec { id, name: name.into(), permissions, position, managed: false };
            g.roles.push(role.clone());
            let d = serde_json::json!({"guild_id": guild.to_string(), "role": payloads::role_json(&role)});
            s.dispatch(Some(guild), "GUILD_ROLE_CREATE", d);
            id
        })
    }

    /// A new user who is a member of `guild` with `roles`; display name = `name`.
    pub fn add_member(&self, guild: u64, name: &str, roles: &[u64]) -> u64 {
        self.add_user_member(guild, name, roles, false)
    }

    pub fn add_bot_member(&self, guild: u64, name: &str) -> u64 {
        self.add_user_member(guild, name, &[], true)
    }

    /// Makes an existing user a member of another guild too.
    pub fn add_existing_member(&self, guild: u64, user: u64, roles: &[u64]) {
        self.shared.with(|s| {
            let g = s.guilds.get_mut(&guild).expect("unknown guild");
            let m = MemberRec {
                user_id: user,
                roles: roles.to_vec(),
                joined_ms: world::now_ms(),
            };
            g.members.insert(user, m);
        });
    }

    fn add_user_member(&self, guild: u64, name: &str, roles: &[u64], bot: bool) -> u64 {
        let id = self.shared.with(|s| {
            let id = s.next_id();
            s.users.insert(
                id,
                UserRec {
                    id,
                    name: name.into(),
                    bot,
                },
            );
            id
        });
        self.add_existing_member(guild, id, roles);
        id
    }

    /// Gives the bot exactly `permissions` in a channel (a member overwrite for the bot;
    /// dispatches CHANNEL_UPDATE). Threads use their parent channel's.
    pub fn set_bot_permissions(&self, channel: u64, permissions: u64) {
        self.shared.with(|s| {
            let bot = s.bot.id;
            let overwrite = access::OverwriteRec::exactly(bot, permissions);
            s.set_overwrite(channel, access::OVERWRITE_MEMBER, bot, Some(overwrite));
        });
    }

    /// Sets the locale `user`'s Discord client is in: their interactions carry it as `locale`.
    pub fn set_user_locale(&self, user: u64, locale: &str) {
        self.shared
            .with(|s| s.user_locales.insert(user, locale.to_string()));
    }

    /// Changes a server's preferred locale, as an admin does in the server settings: later
    /// GUILD_CREATEs and interactions carry it, and GUILD_UPDATE tells connected bots now.
    pub fn set_guild_locale(&self, guild: u64, locale: &str) {
        self.shared.with(|s| {
            let g = s.guilds.get_mut(&guild).expect("a known guild");
            g.preferred_locale = locale.to_string();
            let d = payloads::guild_json(s, &s.guilds[&guild], false);
            s.dispatch(Some(guild), "GUILD_UPDATE", d);
        });
    }

    /// How late an interaction callback may come before Discord's "Unknown interaction"
    /// (default 15 s; Discord's real limit is 3 s).
    pub fn set_interaction_deadline(&self, deadline: Duration) {
        self.shared.with(|s| s.interaction_deadline = deadline);
    }

    /// Every registered command as the API returns it (guild commands carry `guild_id`).
    pub fn registered_commands(&self) -> Value {
        self.shared.read(|s| {
            let all = s
                .commands
                .global
                .iter()
                .chain(s.commands.guild.values().flatten());
            Value::from(all.cloned().collect::<Vec<_>>())
        })
    }

    /// One entry per shard that ever identified.
    pub fn sessions(&self) -> Vec<SessionInfo> {
        self.shared.read(|s| {
            s.gateway
                .stats
                .iter()
                .map(|(shard, stats)| {
                    // A connected session of the shard first (several may hold it).
                    let of_shard = || s.gateway.sessions.values().filter(|x| x.shard == *shard);
                    let sess = of_shard().find(|x| x.conn.is_some()).or(of_shard().next());
                    SessionInfo {
                        session_id: sess.map(|x| x.id.clone()).unwrap_or_default(),
                        shard: *shard,
                        identified: stats.identified,
                        resumed: stats.resumed,
                        connected: sess.is_some_and(|x| x.conn.is_some()),
                        intents: sess.map_or(0, |x| x.intents),
                        seq: sess.map_or(0, |x| x.seq),
                    }
                })
                .collect()
        })
    }

    /// Tokens the bot identified with on the gateway.
    pub fn gateway_tokens(&self) -> Vec<String> {
        self.shared.read(|s| s.gateway.tokens.clone())
    }

    /// Waits until a bot has identified and received READY (any shard).
    pub async fn wait_for_session(&self, timeout: Duration) {
        self.wait_for_sessions(1, timeout).await;
    }

    /// Waits until `n` sessions are connected.
    pub async fn wait_for_sessions(&self, n: usize, timeout: Duration) {
        let what = format!("{n} connected gateway session(s)");
        self.wait_until(timeout, &what, |s| {
            let connected = s.sessions().iter().filter(|x| x.connected).count();
            (connected >= n).then_some(())
        })
        .await;
    }

    /// Closes the bot's websocket(s) with close code 4000, so serenity RESUMEs; dispatches in
    /// the meantime are buffered and replayed.
    pub fn drop_gateway(&self) {
        self.shared.with(|s| gateway::drop_connections(s, 4000));
    }

    /// Ends the bot's sessions (close code 4009): it must IDENTIFY again; what happens until then
    /// is never dispatched (as on Discord, only reconciliation finds it).
    pub fn invalidate_sessions(&self) {
        self.shared.with(gateway::invalidate_sessions);
    }

    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.read(|s| s.requests.clone())
    }

    /// Requests to unknown routes, invalid form bodies (400), bad auth, late/double callbacks.
    pub fn unexpected_requests(&self) -> Vec<RequestRecord> {
        self.shared.read(|s| {
            s.requests
                .iter()
                .filter(|r| r.unexpected.is_some())
                .cloned()
                .collect()
        })
    }

    pub fn clear_requests(&self) {
        self.shared.with(|s| s.requests.clear());
    }

    /// Problems of the stand-in itself (payloads serenity would not parse).
    pub fn standin_errors(&self) -> Vec<String> {
        self.shared.read(|s| s.errors.clone())
    }

    /// Panics if the stand-in produced an unparsable payload or the bot made an unexpected request.
    pub fn assert_healthy(&self) {
        let errors = self.standin_errors();
        assert!(errors.is_empty(), "stand-in errors: {errors:#?}");
        let unexpected: Vec<String> = self
            .unexpected_requests()
            .iter()
            .map(|r| {
                format!(
                    "{} {} -> {}: {}",
                    r.method,
                    r.path,
                    r.status,
                    r.unexpected.clone().unwrap_or_default()
                )
            })
            .collect();
        assert!(
            unexpected.is_empty(),
            "unexpected requests: {unexpected:#?}"
        );
    }

    pub fn inject(&self, fault: Fault) {
        self.shared.with(|s| s.faults.push(fault));
    }

    pub fn clear_faults(&self) {
        self.shared.with(|s| s.faults.clear());
    }

    /// Behave like a shared rate-limit proxy: hold requests until their bucket allows them.
    /// Turns the serenity parse check of every dispatch off (benchmarks) or on (default).
    pub fn set_verify_dispatches(&self, on: bool) {
        self.shared.with(|s| s.verify_dispatches = on);
    }

    pub fn set_pacing(&self, on: bool) {
        self.shared.with(|s| s.pacing = on);
    }
}
