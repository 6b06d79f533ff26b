//! The baseline bot: a bare serenity client (same intents, same current-thread gateway runtime
//! as retrobot) that only counts reaction events in memory. Run as a child process of the
//! benchmark (`live --counting-bot URL N`); prints `READY` and `COUNTED <N>` on stdout.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serenity::all::{ClientBuilder, Context, Event, HttpBuilder, RawEventHandler};

use crate::support::serenity_probe::intents;

pub const FLAG: &str = "--counting-bot";

struct Counter {
    seen: Arc<AtomicUsize>,
    target: usize,
}

#[serenity::async_trait]
impl RawEventHandler for Counter {
    async fn raw_event(&self, _ctx: Context, event: Event) {
        match event {
            Event::Ready(_) => say("READY"),
            Event::ReactionAdd(_) | Event::ReactionRemove(_)
                if self.seen.fetch_add(1, Ordering::Relaxed) + 1 == self.target =>
            {
                say(&format!("COUNTED {}", self.target));
            }
            _ => {}
        }
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// `args`: the stand-in's API URL and the number of reaction events to wait for.
pub fn run(args: &[String]) {
    let url = args[0].clone();
    let target: usize = args[1].parse().expect("an event count");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let http = HttpBuilder::new("Counting.Bot.Token")
            .proxy(url)
            .ratelimiter_disabled(true)
            .build();
        let counter = Counter {
            seen: Arc::default(),
            target,
        };
        let mut client = ClientBuilder::new_with_http(http, intents())
            .raw_event_handler(counter)
            .await
            .expect("client");
        client.start().await.expect("gateway");
    });
}
