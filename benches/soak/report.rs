//! What the soak prints: a line per minute while it runs, and the closing report.

use std::time::Duration;

use crate::faults::Injector;
use crate::members::Members;
use crate::supervisor::Supervisor;
use crate::support::StandIn;
use crate::verify::{injected_answers, invalid_requests, Findings};

/// A line per minute: actions so far, faults so far, the bot's peak memory.
pub fn progress(elapsed: u64, members: &Members, injector: &Injector, supervisor: &Supervisor) {
    let actions: usize = members
        .actions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .sum();
    let faults: usize = injector.counts().values().sum();
    let record = supervisor.record.lock().unwrap_or_else(|e| e.into_inner());
    println!(
        "soak: {elapsed} s: {actions} member actions, {faults} faults, {} kills, peak RSS {:.1} MiB",
        record.kills, record.peak_rss_mib
    );
}

/// Everything the closing report needs.
pub struct Run<'a> {
    pub seed: u64,
    pub seconds: u64,
    pub servers: usize,
    pub database: String,
    pub closing: Duration,
    pub all_closed: bool,
    pub findings: &'a Findings,
    pub members: &'a Members,
    pub injector: &'a Injector,
    pub supervisor: &'a Supervisor,
    pub discord: &'a StandIn,
}

fn commit() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

pub fn print(run: &Run) {
    let f = run.findings;
    let verdict = |bad: usize| if bad == 0 { "ok" } else { "FAIL" };
    println!("\n===== soak report =====");
    println!(
        "run: seed {} · {} s · {} servers · {} · commit {}",
        run.seed,
        run.seconds,
        run.servers,
        run.database,
        commit()
    );
    println!(
        "retros: {} posted ({} anonymous), {} with a summary; closing everything took {:.1} s{}",
        f.retros,
        f.anonymous,
        f.summaries,
        run.closing.as_secs_f64(),
        if run.all_closed {
            ""
        } else {
            " — SOME NEVER CLOSED"
        }
    );
    let actions = run
        .members
        .actions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    println!("member actions: {} in all", actions.values().sum::<usize>());
    for (kind, n) in &actions {
        println!("  {kind}: {n}");
    }
    let faults = run.injector.counts();
    println!(
        "faults injected: {} in all ({} REST answers came from injected faults)",
        faults.values().sum::<usize>(),
        injected_answers(run.discord)
    );
    for (kind, n) in &faults {
        println!("  {kind}: {n}");
    }
    println!(
        "votes: {} expected, {} lost [{}], {} shown that nobody left [{}], {} anonymous clicks never confirmed (either way accepted)",
        f.votes_expected,
        f.votes_lost,
        verdict(f.votes_lost),
        f.votes_phantom,
        verdict(f.votes_phantom),
        f.votes_unconfirmed
    );
    println!(
        "replies and answers: {} expected, {} missing from their summary [{}], {} questions with a wrong count [{}]",
        f.replies_expected,
        f.replies_lost,
        verdict(f.replies_lost),
        f.reply_counts_wrong,
        verdict(f.reply_counts_wrong)
    );
    println!(
        "double posts: {} [{}]",
        f.double_posts,
        verdict(f.double_posts)
    );
    let invalid = invalid_requests(run.discord);
    println!(
        "invalid requests the stand-in answered 4xx: {}",
        invalid.values().sum::<usize>()
    );
    for (what, n) in &invalid {
        println!("  {what}: {n}");
    }
    let record = run
        .supervisor
        .record
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let peak_invalid = record.invalid_10m_peaks.iter().copied().fold(0.0, f64::max);
    println!(
        "bot's own invalid-request counter (401/403/429 in 10 min): highest {peak_invalid} over {} processes (Discord bans at 10,000)",
        record.invalid_10m_peaks.len()
    );
    println!(
        "bot processes: {} started ({} failed starts), {} killed; peak RSS {:.1} MiB",
        record.starts, record.failed_starts, record.kills, record.peak_rss_mib
    );
    println!("bot /metrics counters (last sample of each process, summed):");
    for (name, value) in &record.counters {
        println!("  {name}: {value}");
    }
    println!(
        "bot log: {} lines with panics, unknown events or the token",
        record.bad_log_lines.len()
    );
    for line in record.bad_log_lines.iter().take(5) {
        println!("  {line}");
    }
    let mut warnings: Vec<(&String, &usize)> = record.warnings.iter().collect();
    warnings.sort_by(|a, b| b.1.cmp(a.1));
    println!("bot warnings and errors (most frequent):");
    for (message, n) in warnings.iter().take(10) {
        println!("  {n} × {message}");
    }
    if !f.problems.is_empty() {
        println!("problems ({}; the first 25):", f.problems.len());
        for p in f.problems.iter().take(25) {
            println!("  {p}");
        }
    }
    println!("=======================");
}
