//! Benchmarks that drive the real `retrobot` binary through the local Discord stand-in:
//! starting a retro at the rate-limit floor, ingesting a burst of votes, memory and start-up.
//! Every figure is reported with a baseline measured in the same run.
//!
//! `cargo bench --bench live` runs all; `cargo bench --bench live -- ingest` runs one
//! (scenarios: start, ingest, memory, startup).

#[path = "../../tests/support/mod.rs"]
mod support;

pub use support::process::rss_mib;

mod counting_bot;
mod footprint;
mod ingest;
mod start;

use std::time::Duration;

/// Generous deadline for anything the benchmark waits for.
pub const WAIT: Duration = Duration::from_secs(120);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(counting_bot::FLAG) {
        counting_bot::run(&args[1..]);
        return;
    }
    let wanted: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let runs = |name: &str| wanted.is_empty() || wanted.contains(&name);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        println!("machine: {}", machine());
        if runs("start") {
            start::run().await;
        }
        if runs("ingest") {
            ingest::run().await;
        }
        if runs("memory") {
            footprint::memory().await;
        }
        if runs("startup") {
            footprint::startup().await;
        }
    });
}

/// CPU model and core count, for the record.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU".to_string(), |m| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cores} cores")
}

/// The median of some durations.
pub fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}
