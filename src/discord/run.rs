//! Running the bot: connect the store, start the writer, the gateway, the scheduler and the
//! operators' endpoint, route events until a shutdown signal, then stop in order.

use std::sync::{Arc, Mutex, OnceLock, RwLock};

use tokio::sync::{mpsc, watch, Notify};

use super::bot::Bot;
use super::flows::jobs;
use super::gateway::connection::{self, GatewayMessage};
use super::gateway::events;
use super::participation;
use super::rest::DiscordRest;
use super::stats::Stats;
use crate::config::Config;
use crate::domain::retro::RetroStatus;
use crate::ingest::Ingest;
use crate::ops::SchedulerHeartbeat;
use crate::store::Store;

/// Runs the bot until Ctrl-C / SIGTERM or until the gateway stops for good.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let plan = config.shards;
    let store = Store::connect(&config.database_url).await?;
    tracing::info!(backend = ?store.backend(), "database ready");
    let (rest, _) = DiscordRest::new(&config.discord_token, config.discord_api_url.as_deref());
    let (token, api_url) = (config.discord_token.clone(), config.discord_api_url.clone());
    let gateway_http = move || DiscordRest::new(&token, api_url.as_deref()).1;
    let message_content = config.message_content;
    let ingest = Ingest::spawn(store.clone());
    let lease_owner = crate::store::new_lease_owner(&format!("{plan:?}"))?;
    tracing::info!(%lease_owner, "this process's name on leases");
    let heartbeat = Arc::new(SchedulerHeartbeat::new(crate::scheduler::LONGEST_SILENCE));
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
        gateway: Arc::default(),
        stats: Stats::default(),
        anonymous: Default::default(),
        access: Default::default(),
        lease_owner,
        heartbeat: heartbeat.clone(),
        close_failures: Mutex::default(),
        languages: Default::default(),
    });
    participation::start(&bot);
    for retro in bot.my_retros(RetroStatus::Open).await? {
        participation::go_live(&bot, &retro).await?;
    }

    let (tx, rx) = mpsc::unbounded_channel::<GatewayMessage>();
    connection::start(gateway_http, plan, message_content, bot.gateway.clone(), tx).await?;
    let (stop_tx, stop_rx) = watch::channel(false);
    if let Some(addr) = bot.config.metrics_addr {
        let (probe, stop) = (bot.clone(), stop_rx.clone());
        tokio::spawn(async move {
            if let Err(e) = crate::ops::serve(addr, probe, stop).await {
                tracing::error!(%addr, error = %e, "cannot serve /healthz and /metrics");
            }
        });
    }
    let scheduler = crate::scheduler::spawn_watched(
        jobs::DueWork::new(bot.clone()),
        crate::scheduler::SystemClock,
        bot.schedule_changed.clone(),
        stop_rx,
        heartbeat,
    );
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
    if let Some(shard_manager) = bot.gateway.shard_manager() {
        shard_manager.shutdown_all().await;
    }
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
