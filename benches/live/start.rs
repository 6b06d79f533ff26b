//! Starting a retro against a stand-in that paces requests like a shared rate-limit proxy
//! (holds each request until its bucket allows it, never answers 429). Reported: the time from
//! the first to the last posting request against the floor those same requests allow, and the
//! time until the interaction is acknowledged.

use std::time::Duration;

use crate::support::{floor_for, BotProcess, StandIn};
use crate::{median, WAIT};

const ROUNDS: usize = 5;

pub async fn run() {
    let (discord, fx) = StandIn::start_default().await;
    discord.set_pacing(true);
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("bench.db").display());
    let bot = BotProcess::spawn(&discord, &database, &[("RUST_LOG", "warn,retrobot=info")]);
    bot.wait_ready(WAIT).await;

    let (mut totals, mut floors, mut acks) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let channel = discord.add_text_channel(fx.guild, &format!("retro-{round}"));
        discord.clear_requests();
        let interaction = discord.slash(fx.alice, channel, "retro start", &[]);
        let reply = discord.wait_reply(interaction, WAIT).await;
        assert!(reply.text.starts_with("Started"), "{}", reply.text);
        let posting: Vec<_> = discord
            .requests()
            .into_iter()
            .filter(|r| r.path.contains("/channels/"))
            .collect();
        let first = posting.iter().map(|r| r.arrived).min().expect("requests");
        let last = posting.iter().map(|r| r.finished).max().expect("requests");
        totals.push(last - first);
        floors.push(floor_for(&posting));
        acks.push(reply.ack_after);
        if round == 0 {
            let reactions = posting
                .iter()
                .filter(|r| r.path.contains("/reactions/"))
                .count();
            println!(
                "start: {} posting requests per retro ({reactions} reactions)",
                posting.len()
            );
        }
    }
    bot.stop().await;
    let (total, floor, ack) = (median(totals), median(floors), median(acks));
    println!(
        "start: all posts done in {} ms; floor for those requests {} ms; ratio {:.3} (target <= 1.15)",
        total.as_millis(),
        floor.as_millis(),
        ratio(total, floor)
    );
    println!(
        "start: interaction acknowledged after {:.1} ms (target < 100 ms)",
        ack.as_secs_f64() * 1000.0
    );
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(f64::EPSILON)
}
