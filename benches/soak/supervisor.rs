//! Runs the real bot for the whole soak: starts it (again, if it exits or never gets ready),
//! kills it with SIGKILL and restarts it on demand, samples its resident set and its
//! `/metrics`, and keeps what its logs say about panics and the token.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::support::bot::{FORBIDDEN_LOG_TEXT, READY_PHRASE};
use crate::support::{BotProcess, StandIn};

/// How long one start may take before it is killed and tried again.
const START_DEADLINE: Duration = Duration::from_secs(180);

/// What the bot processes did, over all of them.
#[derive(Default)]
pub struct BotRecord {
    pub starts: usize,
    /// Starts that exited or never got ready (then tried again).
    pub failed_starts: usize,
    pub kills: usize,
    pub peak_rss_mib: f64,
    /// Per process: the highest `retrobot_discord_invalid_requests_10m` sampled.
    pub invalid_10m_peaks: Vec<f64>,
    /// Counters of `/metrics`, the last sample of each process summed.
    pub counters: BTreeMap<String, f64>,
    /// Log lines with forbidden text (panics, deserialisation errors) or the token.
    pub bad_log_lines: Vec<String>,
    /// WARN/ERROR lines, counted by their message (first 80 characters).
    pub warnings: BTreeMap<String, usize>,
}

struct Current {
    bot: BotProcess,
    last_metrics: BTreeMap<String, f64>,
    invalid_peak: f64,
}

pub struct Supervisor {
    discord: StandIn,
    env: Vec<(String, String)>,
    database_url: String,
    metrics_addr: String,
    current: tokio::sync::Mutex<Option<Current>>,
    pub record: Mutex<BotRecord>,
}

impl Supervisor {
    /// `rest_url` is where the bot sends REST requests (the cuttable proxy).
    pub fn new(discord: StandIn, database_url: String, rest_url: String) -> Supervisor {
        let metrics_addr = format!("127.0.0.1:{}", crate::database::free_port());
        let env = vec![
            ("DISCORD_API_URL".to_string(), rest_url),
            ("RETROBOT_METRICS_ADDR".to_string(), metrics_addr.clone()),
            ("RUST_LOG".to_string(), "warn,retrobot=info".to_string()),
        ];
        Supervisor {
            discord,
            env,
            database_url,
            metrics_addr,
            current: tokio::sync::Mutex::new(None),
            record: Mutex::new(BotRecord::default()),
        }
    }

    fn rec(&self) -> std::sync::MutexGuard<'_, BotRecord> {
        self.record.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts the bot and waits until it is ready, trying again until it is.
    pub async fn start(&self) {
        let mut current = self.current.lock().await;
        assert!(current.is_none(), "the bot is already running");
        loop {
            let env: Vec<(&str, &str)> = self
                .env
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let bot = BotProcess::spawn(&self.discord, &self.database_url, &env);
            self.rec().starts += 1;
            let started = Instant::now();
            while !bot.logs().contains(READY_PHRASE)
                && bot.exit_status().is_none()
                && started.elapsed() < START_DEADLINE
            {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if bot.logs().contains(READY_PHRASE) {
                *current = Some(Current {
                    bot,
                    last_metrics: BTreeMap::new(),
                    invalid_peak: 0.0,
                });
                return;
            }
            println!(
                "bot: a start failed ({}); starting again",
                bot.exit_status().unwrap_or_else(|| "not ready".into())
            );
            self.rec().failed_starts += 1;
            let token = bot.token().to_string();
            let logs = bot.kill().await;
            self.keep_logs(&logs, &token);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    /// SIGKILL (a crash), then a new process.
    pub async fn kill_and_restart(&self) {
        if let Some(old) = self.current.lock().await.take() {
            self.rec().kills += 1;
            self.retire(old, true).await;
        }
        self.start().await;
    }

    /// SIGTERM (graceful), waiting for the process to end.
    pub async fn stop(&self) {
        if let Some(old) = self.current.lock().await.take() {
            self.retire(old, false).await;
        }
    }

    async fn retire(&self, old: Current, crash: bool) {
        let token = old.bot.token().to_string();
        {
            let mut rec = self.rec();
            rec.invalid_10m_peaks.push(old.invalid_peak);
            for (name, value) in old
                .last_metrics
                .iter()
                .filter(|(n, _)| n.ends_with("_total"))
            {
                *rec.counters.entry(name.clone()).or_default() += value;
            }
        }
        let logs = if crash {
            old.bot.kill().await
        } else {
            old.bot.stop().await
        };
        self.keep_logs(&logs, &token);
    }

    fn keep_logs(&self, logs: &str, token: &str) {
        let mut rec = self.rec();
        for line in logs.lines() {
            let forbidden = FORBIDDEN_LOG_TEXT.iter().any(|bad| line.contains(bad));
            if forbidden || (!token.is_empty() && line.contains(token)) {
                rec.bad_log_lines
                    .push(line.replace(token, "<TOKEN>").chars().take(300).collect());
            }
            if line.contains(" WARN ") || line.contains(" ERROR ") {
                let message: String = line
                    .split_once(": ")
                    .map_or(line, |(_, m)| m)
                    .chars()
                    .take(80)
                    .collect();
                *rec.warnings.entry(message).or_default() += 1;
            }
        }
    }

    /// Samples the resident set of the running bot every 500 ms and `/metrics` every 5 s,
    /// until `until` says stop.
    pub async fn sample(&self, until: &tokio::sync::watch::Receiver<bool>) {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("http client");
        let mut tick = 0u64;
        while !*until.borrow() {
            tick += 1;
            let pid = self.current.lock().await.as_ref().map(|c| c.bot.pid());
            if let Some(pid) = pid {
                let rss = crate::rss_mib(pid);
                let mut rec = self.rec();
                rec.peak_rss_mib = rec.peak_rss_mib.max(rss);
            }
            if tick.is_multiple_of(10) {
                self.sample_metrics(&client).await;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    /// Reads `/metrics` of the running bot once (skipped if it does not answer).
    pub async fn sample_metrics(&self, client: &reqwest::Client) {
        let url = format!("http://{}/metrics", self.metrics_addr);
        let Ok(answer) = client.get(&url).send().await else {
            return;
        };
        let Ok(text) = answer.text().await else {
            return;
        };
        let values: BTreeMap<String, f64> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, value) = l.rsplit_once(' ')?;
                Some((
                    name.trim_start_matches("retrobot_").to_string(),
                    value.parse().ok()?,
                ))
            })
            .collect();
        if let Some(current) = self.current.lock().await.as_mut() {
            let invalid = values
                .get("discord_invalid_requests_10m")
                .copied()
                .unwrap_or(0.0);
            current.invalid_peak = current.invalid_peak.max(invalid);
            current.last_metrics = values;
        }
    }
}
