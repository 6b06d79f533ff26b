//! The running bot's shared state: who it is, its configuration, Discord's REST API, the
//! store, the writer, the live index of posted retros, and what this process is working on.
//! Command handlers, event routing and background work all receive an `Arc<Bot>`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use tokio::sync::{watch, Notify};

use super::access::AccessCache;
use super::gateway::state::GatewayState;
use super::participation::buttons::state::ButtonsState;
use super::rest::DiscordRest;
use super::stats::Stats;
use crate::config::Config;
use crate::domain::ids::{GuildId, MemberId};
use crate::domain::live::LiveRetros;
use crate::domain::retro::{Retro, RetroId, RetroStatus};
use crate::ingest::Ingest;
use crate::ops::SchedulerHeartbeat;
use crate::store::Store;

/// Who the bot is, learned from READY.
#[derive(Clone, Copy, Debug)]
pub struct Identity {
    pub user_id: u64,
    pub application_id: u64,
}

/// Everything command handlers, event routing and background jobs share.
pub struct Bot {
    pub config: Config,
    pub rest: DiscordRest,
    pub store: Store,
    pub ingest: Ingest,
    pub live: RwLock<LiveRetros>,
    /// Retros this process is posting or closing right now.
    pub working: Mutex<HashSet<RetroId>>,
    pub identity: OnceLock<Identity>,
    /// Wakes the scheduler when a retro with a closing time appears.
    pub schedule_changed: Arc<Notify>,
    /// Set once start-up reconciliation is done.
    pub ready: watch::Sender<bool>,
    /// The gateway's shard manager and whether Message Content was granted.
    pub gateway: Arc<GatewayState>,
    pub stats: Stats,
    /// Anonymous retros' lanes, count edits and notices.
    pub anonymous: ButtonsState,
    /// Each server's roles and channel overwrites, kept current from gateway events.
    pub access: AccessCache,
    /// This process's name on leases, unique per process instance
    /// (`store::new_lease_owner`), made once at start.
    pub lease_owner: String,
    /// The scheduler's sign of life, read by `/healthz`.
    pub heartbeat: Arc<SchedulerHeartbeat>,
    /// Closes that failed permanently (403, 404, bot removed) so far, per retro, and when the
    /// last one failed: after a few the retro ends as "could not close".
    pub close_failures: Mutex<HashMap<RetroId, (u32, std::time::Instant)>>,
    /// The servers' languages, for channel posts.
    pub languages: super::language::ServerLanguages,
}

impl Bot {
    /// Whether this process serves `guild_id` (holds its shard).
    pub fn owns(&self, guild_id: GuildId) -> bool {
        self.config.shards.owns(guild_id.get())
    }

    /// This process's retros in `status` (those of the guilds it serves).
    pub async fn my_retros(
        &self,
        status: RetroStatus,
    ) -> Result<Vec<Retro>, crate::store::StoreError> {
        let all = self.store.retros_with_status(status).await?;
        Ok(all.into_iter().filter(|r| self.owns(r.guild_id)).collect())
    }

    /// Whether Discord granted the Message Content intent, so replies typed in question threads
    /// are read (without it, answers come through the Answer buttons only).
    pub fn message_content_granted(&self) -> bool {
        self.gateway.message_content_granted()
    }

    /// The bot's own user id (0 before READY, when no event can arrive anyway).
    pub fn user_id(&self) -> MemberId {
        MemberId(self.identity.get().map_or(0, |i| i.user_id))
    }
}
