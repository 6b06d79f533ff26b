//! A real serenity client for checking the stand-in: every gateway `Event` it receives is
//! forwarded to a channel and recorded, so tests can wait for events and count them.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    Client, ClientBuilder, Context, Event, GatewayIntents, Http, HttpBuilder, RawEventHandler,
};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

use super::standin::StandIn;

struct Forward(UnboundedSender<Event>);

#[serenity::async_trait]
impl RawEventHandler for Forward {
    async fn raw_event(&self, _ctx: Context, event: Event) {
        let _ = self.0.send(event);
    }
}

/// A serenity client connected to the stand-in, with every event it receives.
pub struct Probe {
    pub http: Arc<Http>,
    rx: UnboundedReceiver<Event>,
    /// Every event received so far, in arrival order.
    pub seen: Vec<Event>,
    task: tokio::task::JoinHandle<()>,
}

pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::GUILD_MESSAGE_REACTIONS
        | GatewayIntents::MESSAGE_CONTENT
}

/// Serenity's HTTP client pointed at the stand-in.
pub fn standin_http(standin: &StandIn, token: &str) -> Http {
    HttpBuilder::new(token)
        .proxy(standin.api_url())
        .ratelimiter_disabled(true)
        .build()
}

/// Runs a serenity client with `intents` until it stops by itself (a refused IDENTIFY ends
/// it); panics if it is still running after 30 s.
pub async fn run_until_stopped(
    standin: &StandIn,
    token: &str,
    intents: GatewayIntents,
) -> serenity::Result<()> {
    let mut client: Client = ClientBuilder::new_with_http(standin_http(standin, token), intents)
        .await
        .expect("build serenity client");
    tokio::time::timeout(Duration::from_secs(30), client.start())
        .await
        .expect("the serenity client was still running after 30 s")
}

impl Probe {
    /// Connects as shard `shard` of `total` (None: `client.start()`, one shard).
    pub async fn connect(standin: &StandIn, token: &str, shard: Option<(u32, u32)>) -> Probe {
        Probe::connect_with_intents(standin, token, shard, intents()).await
    }

    /// [`Probe::connect`] asking for `intents` instead of the bot's.
    pub async fn connect_with_intents(
        standin: &StandIn,
        token: &str,
        shard: Option<(u32, u32)>,
        intents: GatewayIntents,
    ) -> Probe {
        let http = standin_http(standin, token);
        let (tx, rx) = unbounded_channel();
        let mut client: Client = ClientBuilder::new_with_http(http, intents)
            .raw_event_handler(Forward(tx))
            .await
            .expect("build serenity client");
        let http = client.http.clone();
        let task = tokio::spawn(async move {
            let result = match shard {
                Some((id, total)) => client.start_shard(id, total).await,
                None => client.start().await,
            };
            if let Err(e) = result {
                eprintln!("serenity client ended: {e:?}");
            }
        });
        Probe {
            http,
            rx,
            seen: Vec::new(),
            task,
        }
    }

    /// Receives events until `pick` returns Some; panics on an unknown event or after 30 s.
    pub async fn wait<T>(&mut self, what: &str, pick: impl Fn(&Event) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            let next = tokio::time::timeout_at(deadline, self.rx.recv()).await;
            let event = match next {
                Ok(Some(e)) => e,
                Ok(None) => panic!("serenity client stopped while waiting for {what}"),
                Err(_) => panic!("no {what} within 30 s; received: {:#?}", self.names()),
            };
            if let Event::Unknown(u) = &event {
                panic!("serenity could not parse an event: {u:?}");
            }
            let found = pick(&event);
            self.seen.push(event);
            if let Some(v) = found {
                return v;
            }
        }
    }

    /// Names of all events seen so far.
    pub fn names(&self) -> Vec<String> {
        self.seen
            .iter()
            .map(|e| e.name().unwrap_or_else(|| "UNKNOWN".into()))
            .collect()
    }

    /// Takes whatever has arrived without waiting.
    pub fn drain(&mut self) {
        while let Ok(e) = self.rx.try_recv() {
            assert!(
                !matches!(e, Event::Unknown(_)),
                "serenity could not parse an event: {e:?}"
            );
            self.seen.push(e);
        }
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}
