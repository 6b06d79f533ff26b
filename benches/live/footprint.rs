//! Memory and start-up: the resident set of retrobot idle after READY, with 20 open retros, and
//! after GUILD_CREATE for 1,000 guilds; the time from process start until READY is handled and
//! reconciliation is done with 20 open retros. The baseline is a bare serenity bot (the counting
//! bot) measured the same way in the same run.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{BotProcess, StandIn};
use crate::{median, rss_mib, WAIT};

/// Lets allocations settle after a phase before reading the resident set.
const SETTLE: Duration = Duration::from_millis(1500);

fn database(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("bench.db").display())
}

/// Starts the counting bot and waits for its READY; returns the child and the time it took.
fn spawn_bare_bot(discord: &StandIn) -> (Child, Duration) {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .args([crate::counting_bot::FLAG, &discord.api_url(), "1000000000"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn the bare bot");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line == "READY" => break,
            Some(_) => continue,
            None => panic!("the bare bot exited"),
        }
    }
    (child, started.elapsed())
}

/// Starts retrobot logging only warnings (and its ready line), and waits until it is ready.
async fn quiet_bot(discord: &StandIn, dir: &tempfile::TempDir) -> BotProcess {
    let bot = BotProcess::spawn(
        discord,
        &database(dir),
        &[("RUST_LOG", "warn,retrobot=info")],
    );
    bot.wait_ready(WAIT).await;
    bot
}

/// Waits until the connected gateway session (the newest bot's) got every guild.
async fn wait_guilds_delivered(discord: &StandIn, guilds: u64) {
    discord
        .wait_until(WAIT, "every guild delivered", |d| {
            d.sessions()
                .iter()
                .any(|s| s.connected && s.seq > guilds)
                .then_some(())
        })
        .await;
}

async fn open_retros(discord: &StandIn, guild: u64, user: u64, count: usize) {
    for i in 0..count {
        let channel = discord.add_text_channel(guild, &format!("team-{i}"));
        let reply = discord
            .wait_reply(discord.slash(user, channel, "retro start", &[]), WAIT)
            .await;
        assert!(reply.text.starts_with("Started"), "{}", reply.text);
    }
}

pub async fn memory() {
    let (discord, fx) = StandIn::start_default().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = quiet_bot(&discord, &dir).await;
    tokio::time::sleep(SETTLE).await;
    let idle = rss_mib(bot.pid());
    open_retros(&discord, fx.guild, fx.alice, 20).await;
    tokio::time::sleep(SETTLE).await;
    let busy = rss_mib(bot.pid());
    bot.stop().await;
    let (mut bare, _) = spawn_bare_bot(&discord);
    tokio::time::sleep(SETTLE).await;
    let bare_idle = rss_mib(bare.id());
    let _ = bare.kill();

    let many = StandIn::start().await;
    for i in 0..1_000 {
        let guild = many.add_guild(&format!("Guild {i}"));
        many.add_text_channel(guild, "general");
        for m in 0..5 {
            many.add_member(guild, &format!("Member {m}"), &[]);
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = quiet_bot(&many, &dir).await;
    wait_guilds_delivered(&many, 1_000).await;
    tokio::time::sleep(SETTLE).await;
    let guilds = rss_mib(bot.pid());
    bot.stop().await;
    // retrobot has stopped, so the connected session is the bare bot's.
    let (mut bare, _) = spawn_bare_bot(&many);
    wait_guilds_delivered(&many, 1_000).await;
    tokio::time::sleep(SETTLE).await;
    let bare_guilds = rss_mib(bare.id());
    let _ = bare.kill();

    println!("memory: idle after READY {idle:.1} MiB (target <= 40); bare serenity bot {bare_idle:.1} MiB; ratio {:.2}", idle / bare_idle);
    println!("memory: with 20 open retros {busy:.1} MiB (target <= 64)");
    println!(
        "memory: after GUILD_CREATE for 1,000 guilds {guilds:.1} MiB (target <= 64); bare serenity bot {bare_guilds:.1} MiB; ratio {:.2}",
        guilds / bare_guilds
    );
}

pub async fn startup() {
    let (discord, fx) = StandIn::start_default().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = quiet_bot(&discord, &dir).await;
    open_retros(&discord, fx.guild, fx.alice, 20).await;
    bot.stop().await;

    let mut ours = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let bot = BotProcess::spawn(&discord, &database(&dir), &[("RUST_LOG", "info")]);
        bot.wait_ready(WAIT).await;
        ours.push(started.elapsed());
        let logs = bot.stop().await;
        assert!(
            logs.contains("reconciled=20"),
            "all 20 open retros were reconciled:\n{logs}"
        );
    }
    let mut bare = Vec::new();
    for _ in 0..5 {
        let (mut child, took) = spawn_bare_bot(&discord);
        bare.push(took);
        let _ = child.kill();
        let _ = child.wait();
    }
    let (ours, bare) = (median(ours), median(bare));
    println!(
        "startup: process start -> READY handled and 20 open retros reconciled {} ms (target <= 300); bare serenity bot to READY {} ms; ratio {:.2}",
        ours.as_millis(),
        bare.as_millis(),
        ours.as_secs_f64() / bare.as_secs_f64()
    );
}
