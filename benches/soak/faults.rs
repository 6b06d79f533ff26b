//! Random faults for the whole soak, one every few seconds: REST 5xx answers, requests whose
//! answer is lost after they took effect, dropped connections (the REST proxy cut for a
//! moment), gateway disconnects (resumed) and invalidated sessions, database restarts (fast and
//! immediate) and SIGKILL of the bot followed by a restart.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::database::Database;
use crate::rng::Rng;
use crate::supervisor::Supervisor;
use crate::support::tcp_proxy::TcpProxy;
use crate::support::{Fault, StandIn};

/// The kinds of fault, as reported.
pub const REST_5XX: &str = "REST 5xx answer";
pub const LOST_ANSWER: &str = "REST answer lost after the request took effect";
pub const DROPPED: &str = "REST connections dropped";
pub const GATEWAY_RESUME: &str = "gateway disconnect (resume)";
pub const GATEWAY_INVALIDATE: &str = "gateway session invalidated (identify again)";
pub const DB_FAST: &str = "database restart (pg_ctl -m fast)";
pub const DB_IMMEDIATE: &str = "database restart (pg_ctl -m immediate)";
pub const KILL: &str = "bot killed (SIGKILL) and restarted";

/// At least this long between two database restarts, and between two kills.
const HEAVY_GAP: Duration = Duration::from_secs(40);

pub struct Injector {
    pub discord: StandIn,
    pub proxy: TcpProxy,
    pub database: Arc<Database>,
    pub supervisor: Arc<Supervisor>,
    pub rng: Arc<Rng>,
    pub injected: Mutex<BTreeMap<&'static str, usize>>,
}

const METHODS: [&str; 5] = ["POST", "PUT", "PATCH", "DELETE", "GET"];

impl Injector {
    fn count(&self, kind: &'static str) {
        *self
            .injected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(kind)
            .or_default() += 1;
    }

    /// Injects faults until `stop` turns true.
    pub async fn run(&self, stop: watch::Receiver<bool>) {
        let postgres = matches!(*self.database, Database::Postgres(_));
        let mut last_db = Instant::now();
        let mut last_kill = Instant::now();
        while !*stop.borrow() {
            tokio::time::sleep(Duration::from_millis(self.rng.between(1_500, 6_000))).await;
            if *stop.borrow() {
                break;
            }
            let roll = self.rng.below(100);
            match roll {
                0..=34 => {
                    let method = METHODS[self.rng.below(METHODS.len())];
                    let skip = self.rng.below(5);
                    self.discord
                        .inject(Fault::server_error(method, "/channels/", 1).after(skip));
                    self.count(REST_5XX);
                }
                35..=54 => {
                    let method = METHODS[self.rng.below(4)];
                    let skip = self.rng.below(5);
                    self.discord
                        .inject(Fault::lose_response(method, "/channels/", 1).after(skip));
                    self.count(LOST_ANSWER);
                }
                55..=69 => {
                    self.proxy.cut();
                    tokio::time::sleep(Duration::from_millis(self.rng.between(100, 1_500))).await;
                    self.proxy.restore();
                    self.count(DROPPED);
                }
                70..=79 => {
                    self.discord.drop_gateway();
                    self.count(GATEWAY_RESUME);
                }
                80..=84 => {
                    self.discord.invalidate_sessions();
                    self.count(GATEWAY_INVALIDATE);
                }
                85..=92 if postgres && last_db.elapsed() > HEAVY_GAP => {
                    let mode = if self.rng.chance(0.5) {
                        "fast"
                    } else {
                        "immediate"
                    };
                    self.restart_database(mode).await;
                    self.count(if mode == "fast" {
                        DB_FAST
                    } else {
                        DB_IMMEDIATE
                    });
                    last_db = Instant::now();
                }
                93..=99 if last_kill.elapsed() > HEAVY_GAP => {
                    self.supervisor.kill_and_restart().await;
                    self.count(KILL);
                    last_kill = Instant::now();
                }
                _ => {}
            }
        }
    }

    async fn restart_database(&self, mode: &'static str) {
        let database = self.database.clone();
        let restarted = tokio::task::spawn_blocking(move || match &*database {
            Database::Postgres(cluster) => cluster.restart(mode),
            Database::Sqlite(_) => Ok(()),
        })
        .await
        .expect("restart task");
        if let Err(why) = restarted {
            println!("faults: database restart failed: {why}");
        }
    }

    /// Faults by kind, for the report.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        self.injected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}
