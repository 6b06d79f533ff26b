//! A rolling deploy: process A runs with open retros (closing by themselves later) and a
//! check-in schedule; process B starts with the same config, shard range and database (real
//! PostgreSQL when `TEST_POSTGRES_URL` is set, the same SQLite file otherwise) and both hold
//! the same gateway shard; a check-in comes due while both run; then A is stopped (SIGTERM, and
//! in a second test killed). Members vote throughout. Discord then shows every header,
//! statement, question and summary once, every vote counted once and each retro closed once.

use retrobot::domain::ids::{ChannelId, GuildId};
use retrobot::domain::retro::{Retro, RetroStatus};
use retrobot::store::Store;
use serde_json::json;

use crate::harness::{eventually, is_header, is_summary, s, PostedRetro, World, WAIT};
use crate::schedules::FAST;
use crate::store_support::postgres;
use crate::support::{BotProcess, StandIn};

/// How process A leaves.
#[derive(Clone, Copy, Debug)]
enum Leaving {
    /// SIGTERM: a graceful shutdown.
    Stopped,
    /// SIGKILL: a crash, leases left behind.
    Killed,
}

/// Members who vote, each on one statement of each of the two retros.
const VOTERS: usize = 30;

/// Voter `n` votes on statement `n % 3`: 👎 for every fourth voter, else 👍.
fn vote_of(n: usize) -> (usize, &'static str) {
    (n % 3, if n.is_multiple_of(4) { "👎" } else { "👍" })
}

/// Voters `range` cast their votes on both retros.
fn vote(discord: &StandIn, voters: &[u64], range: std::ops::Range<usize>, retros: &[&PostedRetro]) {
    for n in range {
        let (statement, emoji) = vote_of(n);
        for retro in retros {
            let message = &retro.statements[statement];
            discord.react(voters[n], message.channel_id, message.id, emoji);
        }
    }
}

/// What a retro's summary must say of statement `k` after all votes.
fn expected_line(k: usize) -> String {
    let voted: Vec<&str> = (0..VOTERS)
        .map(vote_of)
        .filter(|(s, _)| *s == k)
        .map(|(_, e)| e)
        .collect();
    let up = voted.iter().filter(|e| **e == "👍").count();
    format!("👍 {up} · 👎 {} · ", voted.len() - up)
}

/// Every retro the database knows, in any status.
async fn all_retros(store: &Store) -> Vec<Retro> {
    let mut all = Vec::new();
    for status in [
        RetroStatus::Posting,
        RetroStatus::Open,
        RetroStatus::Closing,
        RetroStatus::Closed,
        RetroStatus::Failed,
        RetroStatus::Abandoned,
    ] {
        all.extend(store.retros_with_status(status).await.unwrap());
    }
    all
}

/// The text of the summary in `channel` (there must be exactly one by then).
fn summary_in(discord: &StandIn, channel: u64) -> Option<String> {
    let summaries: Vec<String> = discord
        .messages(channel)
        .iter()
        .filter(|m| is_summary(m))
        .map(|m| m.text())
        .collect();
    summaries.first().cloned()
}

/// Checks that `channel` shows each of its `retros` once: one header, three statements, four
/// threads with their question once, one summary.
fn assert_each_posted_once(discord: &StandIn, channel: u64, retros: usize) {
    let bot = discord.bot_user_id();
    let messages = discord.messages(channel);
    let mine = |test: &dyn Fn(&crate::support::MessageView) -> bool| {
        messages
            .iter()
            .filter(|m| m.author_id == bot && test(m))
            .count()
    };
    let statements = mine(&|m| m.content.starts_with("**Statement"));
    let counts = (mine(&is_header), statements, mine(&is_summary));
    assert_eq!(
        counts,
        (retros, 3 * retros, retros),
        "headers, statements, summaries in channel {channel}"
    );
    let threads = discord.threads(channel);
    assert_eq!(
        threads.len(),
        4 * retros,
        "threads in {channel}: {threads:?}"
    );
    for thread in threads {
        let questions = discord
            .messages(thread.id)
            .iter()
            .filter(|m| m.author_id == bot)
            .count();
        assert_eq!(questions, 1, "the question once in {}", thread.name);
    }
}

async fn a_rolling_restart_does_nothing_twice(leaving: Leaving) {
    let db = postgres().await;
    let url = db.as_ref().map(|db| db.url.clone());
    let mut w = World::start_custom(Some(FAST), &[], url, Vec::new()).await;
    let fx = w.fx.clone();
    let second = w.discord.add_text_channel(fx.guild, "second-team");
    let check_ins = w.discord.add_text_channel(fx.guild, "check-ins");
    let voters: Vec<u64> = (1..=VOTERS)
        .map(|n| w.discord.add_member(fx.guild, &format!("Voter {n}"), &[]))
        .collect();

    // Process A: two retros that close by themselves after A is gone, and a schedule.
    let (_, first) = w.start_retro(&[("duration", s("60s"))]).await;
    let id = w
        .discord
        .slash(fx.alice, second, "retro start", &[("duration", s("70s"))]);
    let started = w.discord.wait_reply(id, WAIT).await;
    assert!(started.text.starts_with("Started"), "{}", started.text);
    let other = w.wait_for_posts_in(second, &["👍", "👎"], 3, 4).await;
    let id = w.discord.slash(
        fx.morgan,
        check_ins,
        "retro schedule add",
        &[("when", s("*/20 * * * * *")), ("duration", s("10s"))],
    );
    let added = w.discord.wait_reply(id, WAIT).await;
    assert!(added.text.contains("Scheduled"), "{}", added.text);
    let retros = [&first, &other];
    vote(&w.discord, &voters, 0..10, &retros);

    // Process B: same config, same shard, same database; both get every event.
    let config = w.config_path.clone().expect("a config file");
    let config = config.display().to_string();
    let b = BotProcess::spawn(&w.discord, &w.database_url, &[("RETROBOT_CONFIG", &config)]);
    b.wait_ready(WAIT).await;
    w.discord
        .wait_until(WAIT, "both processes connected", |d| {
            (d.live_connections() == 2).then_some(())
        })
        .await;
    vote(&w.discord, &voters, 10..20, &retros);
    let before = w
        .discord
        .messages(check_ins)
        .iter()
        .filter(|m| is_header(m))
        .count();
    w.discord
        .wait_until(WAIT, "a check-in while both run", |d| {
            let now = d
                .messages(check_ins)
                .iter()
                .filter(|m| is_header(m))
                .count();
            (now > before).then_some(())
        })
        .await;

    // A leaves while votes keep coming.
    vote(&w.discord, &voters, 20..25, &retros);
    match leaving {
        Leaving::Stopped => w.stop_bot().await,
        Leaving::Killed => w.kill_bot().await,
    }
    vote(&w.discord, &voters, 25..VOTERS, &retros);

    // B alone closes the retros when they are due.
    for retro in retros {
        let channel = retro.header.channel_id;
        w.discord
            .wait_until(3 * WAIT, "the summary", |d| summary_in(d, channel))
            .await;
    }
    let schedules = w
        .store()
        .await
        .schedules_in(GuildId(fx.guild), None)
        .await
        .unwrap();
    let id = w.discord.slash(
        fx.morgan,
        check_ins,
        "retro schedule remove",
        &[("schedule", json!(schedules[0].id.0.to_string()))],
    );
    let removed = w.discord.wait_reply(id, WAIT).await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    let store = w.store().await;
    eventually("every retro is closed", || async {
        all_retros(&store)
            .await
            .iter()
            .all(|r| r.status == RetroStatus::Closed)
    })
    .await;

    let all = all_retros(&store).await;
    for channel in [fx.channel, second, check_ins] {
        let here = all
            .iter()
            .filter(|r| r.channel_id == ChannelId(channel))
            .count();
        assert!(here >= 1, "a retro in {channel}");
        assert_each_posted_once(&w.discord, channel, here);
    }
    for retro in retros {
        let summary = summary_in(&w.discord, retro.header.channel_id).expect("a summary");
        for k in 0..3 {
            let line = expected_line(k);
            assert!(
                summary.contains(&line),
                "summary lacks {line:?}:\n{summary}"
            );
        }
        assert!(
            summary.contains(&format!("**{VOTERS}** members voted")),
            "{summary}"
        );
    }
    b.assert_clean_logs();
    w.old_logs.push(b.stop().await);
    store.close().await;
    w.finish().await;
    if let Some(db) = db {
        db.drop_database().await;
    }
}

#[tokio::test]
async fn two_processes_on_the_same_shards_through_a_graceful_rolling_restart_do_nothing_twice() {
    a_rolling_restart_does_nothing_twice(Leaving::Stopped).await;
}

#[tokio::test]
async fn two_processes_on_the_same_shards_through_a_crash_of_the_old_one_do_nothing_twice() {
    a_rolling_restart_does_nothing_twice(Leaving::Killed).await;
}
