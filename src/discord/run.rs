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
use crate::store::Store;

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
        stats: Stats::default(),
        anonymous: Default::default(),
        languages: Default::default(),
    });
    participation::start(&bot);
    for retro in bot.my_retros(RetroStatus::Open).await? {
        participation::go_live(&bot, &retro).await?;
    }

    let (tx, rx) = mpsc::unbounded_channel::<GatewayMessage>();
    let shard_manager = connection::start(gateway_http, plan, tx).await?;
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
