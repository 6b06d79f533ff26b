//! Runs the real `retrobot` binary against the stand-in: clean environment, temp working dir,
//! captured logs, readiness wait, SIGTERM/SIGKILL, and log hygiene checks.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

use super::standin::StandIn;

/// Phrase the bot logs at INFO once start-up reconciliation is done.
pub const READY_PHRASE: &str = "retrobot ready";

/// Log contents that mean the bot and the stand-in disagree, or worse.
pub const FORBIDDEN_LOG_TEXT: &[&str] = &[
    "An unknown event was received",
    "Err deserializing",
    "panicked",
];

struct Output {
    lines: Mutex<Vec<String>>,
    exit: Mutex<Option<String>>,
    readers_done: Mutex<usize>,
    changed: watch::Sender<u64>,
}

impl Output {
    fn bump(&self) {
        self.changed.send_modify(|v| *v += 1);
    }
}

pub struct BotProcess {
    pid: u32,
    token: String,
    out: Arc<Output>,
    _dir: tempfile::TempDir,
}

fn random_hex() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    (0..2u8)
        .map(|i| {
            let mut h = RandomState::new().build_hasher();
            h.write_u128(nanos);
            h.write_u32(std::process::id());
            h.write_u8(i);
            format!("{:016x}", h.finish())
        })
        .collect()
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn read_lines(
    out: Arc<Output>,
    stream: impl Read + Send + 'static,
    label: &'static str,
    echo: bool,
    pid: u32,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let line = strip_ansi(&line);
            if echo {
                eprintln!("[bot {pid} {label}] {line}");
            }
            out.lines
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(line);
            out.bump();
        }
        *out.readers_done.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        out.bump();
    });
}

impl BotProcess {
    /// Starts `retrobot` (no args) with a clean environment pointed at `standin`.
    pub fn spawn(standin: &StandIn, database_url: &str, extra_env: &[(&str, &str)]) -> BotProcess {
        let dir = tempfile::tempdir().expect("temp dir for the bot");
        let token = format!("Tok.SECRET-{}", random_hex());
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_retrobot"));
        cmd.env_clear()
            .current_dir(dir.path())
            .env("DISCORD_TOKEN", &token)
            .env("DISCORD_API_URL", standin.api_url())
            .env("DATABASE_URL", database_url)
            .env(
                "RUST_LOG",
                "info,retrobot=debug,serenity::client::dispatch=debug,serenity::gateway=warn",
            )
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn the retrobot binary");
        let pid = child.id();
        let (changed, _) = watch::channel(0);
        let out = Arc::new(Output {
            lines: Mutex::new(Vec::new()),
            exit: Mutex::new(None),
            readers_done: Mutex::new(0),
            changed,
        });
        let echo = std::env::var("RETROBOT_TEST_ECHO").is_ok_and(|v| v == "1");
        read_lines(
            out.clone(),
            child.stdout.take().expect("stdout"),
            "out",
            echo,
            pid,
        );
        read_lines(
            out.clone(),
            child.stderr.take().expect("stderr"),
            "err",
            echo,
            pid,
        );
        let waiter = out.clone();
        std::thread::spawn(move || {
            let status = child
                .wait()
                .map(|s| s.to_string())
                .unwrap_or_else(|e| e.to_string());
            *waiter.exit.lock().unwrap_or_else(|e| e.into_inner()) = Some(status);
            waiter.bump();
        });
        BotProcess {
            pid,
            token,
            out,
            _dir: dir,
        }
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn logs(&self) -> String {
        self.out
            .lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .join("\n")
    }

    /// The exit status, once the process has ended.
    pub fn exit_status(&self) -> Option<String> {
        self.out
            .exit
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits (woken by each log line / exit) until `f(logs, exited)` says done; false on timeout.
    async fn wait_for(&self, timeout: Duration, f: impl Fn(&str, bool) -> bool) -> bool {
        let mut rx = self.out.changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            rx.borrow_and_update();
            if f(&self.logs(), self.exit_status().is_some()) {
                return true;
            }
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                return f(&self.logs(), self.exit_status().is_some());
            }
        }
    }

    /// Waits until the bot logs "retrobot ready"; panics with the log on timeout or exit.
    pub async fn wait_ready(&self, timeout: Duration) {
        let done = self
            .wait_for(timeout, |logs, exited| {
                logs.contains(READY_PHRASE) || exited
            })
            .await;
        if self.logs().contains(READY_PHRASE) {
            return;
        }
        let why = match self.exit_status() {
            Some(status) => format!("exited ({status})"),
            None if !done => format!("not ready after {timeout:?}"),
            None => "not ready".to_string(),
        };
        panic!("retrobot {why}; log:\n{}", self.logs());
    }

    /// Waits until a log line contains `text`; panics with the log on timeout.
    pub async fn wait_log(&self, text: &str, timeout: Duration) {
        if !self.wait_for(timeout, |logs, _| logs.contains(text)).await {
            panic!(
                "retrobot never logged {text:?} within {timeout:?}; log:\n{}",
                self.logs()
            );
        }
    }

    /// Panics if the log shows unknown events, deserialisation errors, panics, or the token.
    pub fn assert_clean_logs(&self) {
        let logs = self.logs();
        for bad in FORBIDDEN_LOG_TEXT {
            assert!(
                !logs.contains(bad),
                "retrobot log contains {bad:?}:\n{logs}"
            );
        }
        assert!(
            !logs.contains(&self.token),
            "retrobot logged its token:\n{}",
            logs.replace(&self.token, "<TOKEN>")
        );
    }

    fn signal(&self, sig: &str) {
        if self.exit_status().is_none() {
            let _ = Command::new("kill")
                .arg(sig)
                .arg(self.pid.to_string())
                .status();
        }
    }

    async fn wait_exit(&self, timeout: Duration) -> bool {
        self.wait_for(timeout, |_, exited| exited).await
    }

    async fn finish(&self) -> String {
        if !self.wait_exit(Duration::from_secs(30)).await {
            panic!("retrobot (pid {}) did not exit after SIGKILL", self.pid);
        }
        let readers = || {
            *self
                .out
                .readers_done
                .lock()
                .unwrap_or_else(|e| e.into_inner())
        };
        self.wait_for(Duration::from_secs(5), |_, _| readers() >= 2)
            .await;
        self.logs()
    }

    /// SIGTERM, up to 20 s for a graceful exit, then SIGKILL; returns the log.
    pub async fn stop(self) -> String {
        self.signal("-TERM");
        if !self.wait_exit(Duration::from_secs(20)).await {
            self.signal("-KILL");
        }
        self.finish().await
    }

    /// SIGKILL at once (a crash); returns the log.
    pub async fn kill(self) -> String {
        self.signal("-KILL");
        self.finish().await
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        self.signal("-KILL");
    }
}
