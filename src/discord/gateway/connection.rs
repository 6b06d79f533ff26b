//! The gateway connection: serenity runs on its own thread with a current-thread runtime, and
//! its only handler forwards every event, in arrival order, into one channel. (Serenity spawns a
//! task per event; on a current-thread runtime those tasks run in spawn order, and a handler
//! that only enqueues cannot be overtaken, so a member's 👍 then 👎 stays in that order.)
//! Message Content is asked for as the `message_content` setting says; with `auto`, a gateway
//! closed with 4014 is started again without it, and the operator is told once.

use std::sync::Arc;
use std::time::Instant;

use serenity::all::{Context, Event, GatewayIntents, Http, RawEventHandler};
use serenity::client::ClientBuilder;
use tokio::sync::{mpsc, oneshot};

use super::refusals::{classify, Ended, INTENT_REQUIRED, RUNNING_WITHOUT_CONTENT, TOKEN_HELP};
use super::state::GatewayState;
use crate::config::MessageContent;
pub use crate::config::ShardPlan;

/// What the gateway thread reports to the rest of the bot.
#[derive(Debug)]
pub enum GatewayMessage {
    /// A dispatch from Discord, in the order it arrived, and when it arrived.
    Event(Box<Event>, Instant),
    /// The gateway client stopped for good (bad token, disallowed intents…).
    Stopped(String),
}

/// The intents the bot needs: guilds, guild messages, their reactions, and, when asked for,
/// message content (privileged: it must be enabled in the developer portal) to read replies.
pub fn intents(message_content: bool) -> GatewayIntents {
    let base = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::GUILD_MESSAGE_REACTIONS;
    if message_content {
        base | GatewayIntents::MESSAGE_CONTENT
    } else {
        base
    }
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

/// Starts the gateway on its own thread, asking for Message Content as `setting` says (with
/// `auto`, a refusal makes it reconnect without, once). `http` builds the client's REST handle
/// (once per connection attempt). Returns once the first client is built; the current shard
/// manager and whether Message Content was granted are kept in `state`.
pub async fn start(
    http: impl Fn() -> Http + Send + 'static,
    plan: ShardPlan,
    setting: MessageContent,
    state: Arc<GatewayState>,
    tx: mpsc::UnboundedSender<GatewayMessage>,
) -> anyhow::Result<()> {
    let (built_tx, built_rx) = oneshot::channel();
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
                let reason = run_gateway(http, plan, setting, &state, &tx, built_tx).await;
                let _ = tx.send(GatewayMessage::Stopped(reason));
            });
        })?;
    built_rx.await?;
    Ok(())
}

/// Runs gateway clients until one stops for good; returns why, as the operator should read it.
async fn run_gateway(
    http: impl Fn() -> Http,
    plan: ShardPlan,
    setting: MessageContent,
    state: &GatewayState,
    tx: &mpsc::UnboundedSender<GatewayMessage>,
    built_tx: oneshot::Sender<()>,
) -> String {
    let mut built_tx = Some(built_tx);
    let mut with_content = setting != MessageContent::Off;
    loop {
        state.set_message_content(with_content);
        let built = ClientBuilder::new_with_http(http(), intents(with_content))
            .raw_event_handler(Forwarder { tx: tx.clone() })
            .await;
        let mut client = match built {
            Ok(client) => client,
            Err(e) => return format!("cannot build the gateway client: {e}"),
        };
        state.set_shard_manager(client.shard_manager.clone());
        if let Some(built) = built_tx.take() {
            let _ = built.send(());
        }
        let result = match plan {
            ShardPlan::Auto => client.start_autosharded().await,
            ShardPlan::Range { first, last, total } => {
                client.start_shard_range(first..last + 1, total).await
            }
        };
        let Err(error) = result else {
            return "gateway closed".to_string();
        };
        match classify(&error) {
            Ended::IntentRefused if with_content && setting == MessageContent::Auto => {
                tracing::warn!("{RUNNING_WITHOUT_CONTENT}");
                with_content = false;
            }
            Ended::IntentRefused => return INTENT_REQUIRED.to_string(),
            Ended::TokenRefused => return TOKEN_HELP.to_string(),
            Ended::Other(reason) => return format!("gateway stopped: {reason}"),
        }
    }
}
