//! The gateway connection: serenity runs on its own thread with a current-thread runtime, and
//! its only handler forwards every event, in arrival order, into one channel. (Serenity spawns a
//! task per event; on a current-thread runtime those tasks run in spawn order, and a handler
//! that only enqueues cannot be overtaken, so a member's 👍 then 👎 stays in that order.)

use std::sync::Arc;
use std::time::Instant;

use serenity::all::{Context, Event, GatewayIntents, Http, RawEventHandler, ShardManager};
use serenity::client::ClientBuilder;
use tokio::sync::{mpsc, oneshot};

pub use crate::config::ShardPlan;

/// What the gateway thread reports to the rest of the bot.
#[derive(Debug)]
pub enum GatewayMessage {
    /// A dispatch from Discord, in the order it arrived, and when it arrived.
    Event(Box<Event>, Instant),
    /// The gateway client stopped for good (bad token, disallowed intents…).
    Stopped(String),
}

/// The intents the bot needs: guilds, guild messages, their reactions, and message content
/// (privileged: it must be enabled in the developer portal) to read replies.
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::GUILD_MESSAGE_REACTIONS
        | GatewayIntents::MESSAGE_CONTENT
}

struct Forwarder {
    tx: mpsc::UnboundedSender<GatewayMessage>,
}

#[serenity::async_trait]
impl RawEventHandler for Forwarder {
    async fn raw_event(&self, _ctx: Context, event: Event) {
        let _ = self
            .tx
            .send(GatewayMessage::Event(Box::new(event), Instant::now()));
    }
}

/// Starts the gateway on its own thread. Returns the shard manager (to shut it down) once the
/// client is built.
pub async fn start(
    http: Http,
    plan: ShardPlan,
    tx: mpsc::UnboundedSender<GatewayMessage>,
) -> anyhow::Result<Arc<ShardManager>> {
    let (manager_tx, manager_rx) = oneshot::channel();
    std::thread::Builder::new()
        .name("gateway".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = tx.send(GatewayMessage::Stopped(format!(
                        "cannot start the gateway runtime: {e}"
                    )));
                    return;
                }
            };
            runtime.block_on(async move {
                let built = ClientBuilder::new_with_http(http, intents())
                    .raw_event_handler(Forwarder { tx: tx.clone() })
                    .await;
                let mut client = match built {
                    Ok(client) => client,
                    Err(e) => {
                        let _ = tx.send(GatewayMessage::Stopped(format!(
                            "cannot build the gateway client: {e}"
                        )));
                        return;
                    }
                };
                let _ = manager_tx.send(client.shard_manager.clone());
                let result = match plan {
                    ShardPlan::Auto => client.start_autosharded().await,
                    ShardPlan::Range { first, last, total } => {
                        client.start_shard_range(first..last + 1, total).await
                    }
                };
                let reason = match result {
                    Ok(()) => "gateway closed".to_string(),
                    Err(e) => format!("gateway stopped: {e}"),
                };
                let _ = tx.send(GatewayMessage::Stopped(reason));
            });
        })?;
    Ok(manager_rx.await?)
}
