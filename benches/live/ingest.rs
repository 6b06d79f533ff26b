//! Ingesting a burst of votes: 1,000 members vote on 3 statements (10 % switch, 5 % retract)
//! as fast as the stand-in can send. retrobot is measured from the first event until every
//! vote is durable (a sentinel vote sent last becomes visible in the database); the ceiling is
//! a bare serenity bot that only counts the same events, measured the same way in the same run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::sqlite::SqlitePoolOptions;
use tokio::sync::mpsc;

use crate::support::{BotProcess, StandIn};
use crate::WAIT;

const MEMBERS: usize = 1_000;

/// The burst: (member index, statement index, emoji, added), in sending order.
fn burst() -> Vec<(usize, usize, &'static str, bool)> {
    let mut events = Vec::new();
    for statement in 0..3 {
        for member in 0..MEMBERS {
            let first = if (member + statement).is_multiple_of(3) {
                "👎"
            } else {
                "👍"
            };
            let other = if first == "👍" { "👎" } else { "👍" };
            events.push((member, statement, first, true));
            let mut last = first;
            if member % 10 == statement {
                events.push((member, statement, other, true));
                last = other;
            }
            if member % 20 == 7 + statement {
                events.push((member, statement, last, false));
            }
        }
    }
    events
}

fn send(discord: &StandIn, channel: u64, members: &[u64], messages: &[u64]) -> usize {
    let events = burst();
    for (member, statement, emoji, added) in &events {
        if *added {
            discord.react(members[*member], channel, messages[*statement], emoji);
        } else {
            discord.unreact(members[*member], channel, messages[*statement], emoji);
        }
    }
    events.len()
}

/// Rounds per figure; the median is reported (each round alternates the two bots).
const ROUNDS: usize = 5;

pub async fn run() {
    let (mut rates, mut ceilings, mut p50s, mut p99s) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let retrobot = measure_retrobot().await;
        rates.push(retrobot.rate);
        p50s.push(retrobot.p50_us);
        p99s.push(retrobot.p99_us);
        ceilings.push(measure_counting_bot().await);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (rate, ceiling) = (median(rates.clone()), median(ceilings.clone()));
    println!(
        "ingest: retrobot {rate:.0} events/s durable; bare serenity bot {ceiling:.0} events/s counted; ratio {:.2} (targets >= 0.5 and >= 20000/s); medians of {ROUNDS}",
        rate / ceiling
    );
    let p50 = median(p50s.iter().map(|v| *v as f64).collect()) as u64;
    let p99 = median(p99s.iter().map(|v| *v as f64).collect()) as u64;
    println!("ingest: event -> durable p50 {p50} us, p99 {p99} us (target p99 <= 50 ms); median of {ROUNDS}");
    println!(
        "ingest: every round: retrobot {rates:.0?} /s, bare bot {ceilings:.0?} /s, p99 {p99s:?} us"
    );
}

struct Measured {
    rate: f64,
    p50_us: u64,
    p99_us: u64,
}

async fn measure_retrobot() -> Measured {
    let (discord, fx) = StandIn::start_default().await;
    discord.set_verify_dispatches(false);
    let members: Vec<u64> = (0..MEMBERS)
        .map(|i| discord.add_member(fx.guild, &format!("M{i}"), &[]))
        .collect();
    let sentinel = discord.add_member(fx.guild, "Sentinel", &[]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let bot = BotProcess::spawn(
        &discord,
        &format!("sqlite://{}", path.display()),
        &[("RUST_LOG", "info")],
    );
    bot.wait_ready(WAIT).await;
    let reply = discord
        .wait_reply(
            discord.slash(fx.alice, fx.channel, "retro start", &[]),
            WAIT,
        )
        .await;
    assert!(reply.text.starts_with("Started"), "{}", reply.text);
    let bot_id = discord.bot_user_id();
    let statements: Vec<u64> = discord
        .messages(fx.channel)
        .iter()
        .filter(|m| m.author_id == bot_id && m.content.starts_with("**Statement"))
        .map(|m| m.id)
        .collect();
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&format!("sqlite://{}?mode=ro", path.display()))
        .await
        .expect("read the bot's database");

    let started = Instant::now();
    let sent = send(&discord, fx.channel, &members, &statements);
    discord.react(sentinel, fx.channel, statements[0], "👍");
    let sent_in = started.elapsed();
    loop {
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE user_id = ?")
            .bind(sentinel as i64)
            .fetch_one(&pool)
            .await
            .expect("poll");
        if found == 1 {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the burst was not recorded in time"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let durable_in = started.elapsed();
    let logs = bot.stop().await;
    let summary = logs
        .lines()
        .find(|l| l.contains("ingest summary"))
        .expect("the bot logs an ingest summary");

    let field = |name: &str| -> u64 {
        summary
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    round_note(sent + 1, sent_in, durable_in, field("batches"));
    Measured {
        rate: (sent + 1) as f64 / durable_in.as_secs_f64(),
        p50_us: field("p50_us"),
        p99_us: field("p99_us"),
    }
}

async fn measure_counting_bot() -> f64 {
    let (discord, fx) = StandIn::start_default().await;
    discord.set_verify_dispatches(false);
    let members: Vec<u64> = (0..MEMBERS)
        .map(|i| discord.add_member(fx.guild, &format!("M{i}"), &[]))
        .collect();
    let messages: Vec<u64> = (0..3)
        .map(|i| discord.post(fx.alice, fx.channel, &format!("Statement {i}")))
        .collect();
    let expected = burst().len();
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .args([
            crate::counting_bot::FLAG,
            &discord.api_url(),
            &expected.to_string(),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn the counting bot");
    let (tx, mut lines) = mpsc::unbounded_channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send((line, Instant::now()));
        }
    });
    wait_line(&mut lines, "READY").await;
    discord.wait_for_session(WAIT).await;
    let started = Instant::now();
    send(&discord, fx.channel, &members, &messages);
    let counted = wait_line(&mut lines, "COUNTED").await;
    let _ = child.kill();
    let _ = child.wait();
    expected as f64 / (counted - started).as_secs_f64()
}

async fn wait_line(
    lines: &mut mpsc::UnboundedReceiver<(String, Instant)>,
    prefix: &str,
) -> Instant {
    loop {
        let (line, at) = tokio::time::timeout(WAIT, lines.recv())
            .await
            .expect("counting bot output")
            .expect("line");
        if line.starts_with(prefix) {
            return at;
        }
    }
}

/// One line per round about the burst itself.
fn round_note(events: usize, sent_in: Duration, durable_in: Duration, batches: u64) {
    println!(
        "ingest: round: {events} events sent in {} ms; durable after {} ms in {batches} batches",
        sent_in.as_millis(),
        durable_in.as_millis()
    );
}
