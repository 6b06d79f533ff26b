//! The soak benchmark (issue 11): the real `retrobot` binary against the local Discord
//! stand-in, 100 servers with open retros (named and anonymous, some closing themselves, some
//! scheduled check-ins), members voting, replying and answering for `SOAK_SECONDS` (default
//! 600) under random faults (REST 5xx, lost answers, dropped connections, gateway disconnects,
//! database restarts, SIGKILL of the bot). Then everything is closed and every summary is
//! checked against what members actually left. Exits non-zero when a vote or reply was lost,
//! miscounted, or anything was posted twice. `SOAK_SEED` replays the random choices.
//!
//! `cargo bench --bench soak` (`SOAK_SECONDS=60 cargo bench --bench soak` for a short run).

#[path = "../../tests/support/mod.rs"]
mod support;

pub use support::process::rss_mib;

mod anonymous;
mod database;
mod faults;
mod finish;
mod ledger;
mod members;
mod report;
mod rng;
mod supervisor;
mod verify;
mod world;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::database::Database;
use crate::faults::Injector;
use crate::members::Members;
use crate::rng::Rng;
use crate::supervisor::Supervisor;
use crate::support::tcp_proxy::TcpProxy;
use crate::support::StandIn;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn main() {
    let seconds = setting("SOAK_SECONDS", 600);
    let servers = setting("SOAK_SERVERS", 100) as usize;
    let seed = rng::seed_from_env();
    println!("soak: SOAK_SEED={seed} SOAK_SECONDS={seconds} SOAK_SERVERS={servers}");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let failed = runtime.block_on(run(seconds, servers, seed));
    runtime.shutdown_timeout(Duration::from_secs(5));
    if failed {
        println!("soak: FAILED (replay with SOAK_SEED={seed})");
        std::process::exit(1);
    }
    println!("soak: passed");
}

async fn run(seconds: u64, count: usize, seed: u64) -> bool {
    let began = Instant::now();
    let rng = Arc::new(Rng::new(seed));
    let database = Arc::new(Database::create());
    println!("soak: database: {}", database.describe());
    let discord = StandIn::start().await;
    discord.set_verify_dispatches(false);
    let servers = world::create_servers(&discord, count);
    let target = discord
        .api_url()
        .trim_start_matches("http://")
        .parse()
        .expect("stand-in address");
    let proxy = TcpProxy::start(target).await;
    let rest_url = format!("http://{}", proxy.addr());
    let supervisor = Arc::new(Supervisor::new(discord.clone(), database.url(), rest_url));
    supervisor.start().await;
    println!(
        "soak: bot ready after {:.1} s",
        began.elapsed().as_secs_f64()
    );
    let schedules = finish::add_schedules(&discord, &servers).await;

    let members = Arc::new(Members::new(discord.clone(), servers.clone(), rng.clone()));
    let (stop, stopped) = watch::channel(false);
    let (stop_sampling, sampling_stopped) = watch::channel(false);
    let sampler = {
        let supervisor = supervisor.clone();
        tokio::spawn(async move { supervisor.sample(&sampling_stopped).await })
    };
    let acting = tokio::spawn(members.clone().run(stopped.clone()));
    let injector = Arc::new(Injector {
        discord: discord.clone(),
        proxy,
        database: database.clone(),
        supervisor: supervisor.clone(),
        rng: rng.clone(),
        injected: Mutex::new(BTreeMap::new()),
    });
    let faulting = {
        let injector = injector.clone();
        let stopped = stopped.clone();
        tokio::spawn(async move { injector.run(stopped).await })
    };

    let soak_began = Instant::now();
    let length = Duration::from_secs(seconds);
    let mut next_note = Duration::from_secs(60);
    while soak_began.elapsed() < length {
        let left = length.saturating_sub(soak_began.elapsed());
        tokio::time::sleep(left.min(Duration::from_secs(1))).await;
        if soak_began.elapsed() >= next_note {
            report::progress(next_note.as_secs(), &members, &injector, &supervisor);
            next_note += Duration::from_secs(60);
        }
    }
    let _ = stop.send(true);
    acting.await.expect("members");
    faulting.await.expect("faults");
    discord.clear_faults();
    injector.proxy.restore();
    println!(
        "soak: faults stopped after {} s; closing everything",
        soak_began.elapsed().as_secs()
    );

    let closing_began = Instant::now();
    members.settle().await;
    finish::remove_schedules(&discord, &schedules).await;
    finish::resolve_unconfirmed(&members).await;
    let all_closed = finish::close_everything(&members).await;
    let closing = closing_began.elapsed();
    let client = reqwest::Client::new();
    supervisor.sample_metrics(&client).await;
    supervisor.stop().await;
    let _ = stop_sampling.send(true);
    sampler.await.expect("sampler");

    members.read_channels();
    let findings = verify::check(&discord, &members.posted(), &members.ledger);
    report::print(&report::Run {
        seed,
        seconds,
        servers: count,
        database: database.describe(),
        closing,
        all_closed,
        findings: &findings,
        members: &members,
        injector: &injector,
        supervisor: &supervisor,
        discord: &discord,
    });
    findings.failed() || !all_closed
}
