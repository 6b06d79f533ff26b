//! The Discord adapter: the only place that uses serenity. It turns gateway events into domain
//! changes and commands, renders domain results into messages, and reconciles with Discord.

pub mod anonymous;
pub mod cleanup;
pub mod closing;
pub mod commands;
pub mod events;
pub mod gateway;
pub mod health;
pub mod jobs;
pub mod permissions;
pub mod posting;
pub mod reconcile;
pub mod reminders;
pub mod render;
pub mod render_reports;
pub mod reports;
pub mod rest;
pub mod starting;
pub mod work;

use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use tokio::sync::{mpsc, watch, Notify};

use crate::config::Config;
use crate::domain::live::LiveRetros;
use crate::domain::retro::{ItemKind, Retro, RetroId, RetroStatus};
use crate::ingest::Ingest;
use crate::store::Store;
use gateway::GatewayMessage;
use rest::DiscordRest;

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
    /// The gateway's shard manager, once the gateway started.
    pub shard_manager: OnceLock<Arc<serenity::all::ShardManager>>,
    pub stats: health::Stats,
    /// Anonymous retros' lanes and count edits.
    pub anonymous: anonymous::AnonymousRuntime,
}

impl Bot {
    /// Whether this process serves `guild_id` (holds its shard).
    pub fn owns(&self, guild_id: u64) -> bool {
        self.config.shards.owns(guild_id)
    }

    /// This process's retros in `status` (those of the guilds it serves).
    pub async fn my_retros(
        &self,
        status: RetroStatus,
    ) -> Result<Vec<Retro>, crate::store::StoreError> {
        let all = self.store.retros_with_status(status).await?;
        Ok(all.into_iter().filter(|r| self.owns(r.guild_id)).collect())
    }

    /// The bot's own user id (0 before READY, when no event can arrive anyway).
    pub fn user_id(&self) -> u64 {
        self.identity.get().map_or(0, |i| i.user_id)
    }

    /// Routes gateway events for `retro`'s posted items to it.
    pub async fn make_live(&self, retro: &Retro) -> Result<(), crate::store::StoreError> {
        if retro.anonymous {
            return anonymous::go_live(self, retro).await;
        }
        let items = self.store.items(retro.id).await?;
        let scale = Arc::new(retro.template.scale.clone());
        let mut live = self.live.write().expect("live index lock");
        for item in items {
            match (item.kind, item.message_id, item.thread_id) {
                (ItemKind::Statement, Some(message), _) => {
                    live.add_statement(retro.id, item.position, message, scale.clone())
                }
                (ItemKind::Question, _, Some(thread)) => {
                    live.add_question(retro.id, item.position, thread)
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Runs the bot until Ctrl-C / SIGTERM or until the gateway stops for good.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let plan = config.shards;
    let store = Store::connect(&config.database_url).await?;
    tracing::info!(backend = ?store.backend(), "database ready");
    let (rest, gateway_http) =
        DiscordRest::new(&config.discord_token, config.discord_api_url.as_deref());
    let ingest = Ingest::spawn(store.clone());
    let (ready, _) = watch::channel(false);
    let bot = Arc::new(Bot {
        config,
        rest,
        store,
        ingest,
        live: RwLock::default(),
        working: Mutex::default(),
        identity: OnceLock::new(),
        schedule_changed: Arc::new(Notify::new()),
        ready,
        shard_manager: OnceLock::new(),
        stats: health::Stats::default(),
        anonymous: anonymous::AnonymousRuntime::default(),
    });
    anonymous::AnonymousRuntime::start(&bot);
    for retro in bot.my_retros(RetroStatus::Open).await? {
        bot.make_live(&retro).await?;
    }

    let (tx, rx) = mpsc::unbounded_channel::<GatewayMessage>();
    let shard_manager = gateway::start(gateway_http, plan, tx).await?;
    let _ = bot.shard_manager.set(shard_manager.clone());
    let (stop_tx, stop_rx) = watch::channel(false);
    if let Some(addr) = bot.config.metrics_addr {
        let (probe, stop) = (bot.clone(), stop_rx.clone());
        tokio::spawn(async move {
            if let Err(e) = crate::ops::serve(addr, probe, stop).await {
                tracing::error!(%addr, error = %e, "cannot serve /healthz and /metrics");
            }
        });
    }
    let scheduler = tokio::spawn(crate::scheduler::run(
        jobs::DueWork(bot.clone()),
        crate::scheduler::SystemClock,
        bot.schedule_changed.clone(),
        stop_rx,
    ));
    let events = tokio::spawn(events::dispatch(bot.clone(), rx));

    let outcome = tokio::select! {
        _ = shutdown_signal() => Ok(()),
        stopped = events => match stopped {
            Ok(reason) => Err(anyhow::anyhow!(reason)),
            Err(e) => Err(anyhow::anyhow!("event loop failed: {e}")),
        },
    };
    tracing::info!("shutting down");
    let _ = stop_tx.send(true);
    shard_manager.shutdown_all().await;
    let _ = scheduler.await;
    bot.ingest.stop().await;
    bot.store.close().await;
    outcome
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("can listen for SIGTERM");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
