//! Members at work for the whole soak: in named retros they vote with reactions (vote, switch,
//! retract) and reply, edit and delete in the question threads; in anonymous check-ins they
//! click vote buttons and answer through the form ([`crate::anonymous`]). The harness also keeps
//! every server's retro channel busy: when a retro closed, its lead starts the next one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;
use tokio::sync::{watch, Semaphore};

use crate::ledger::Ledger;
use crate::rng::Rng;
use crate::support::{Reply, StandIn};
use crate::world::{posted_in, Posted, Server, SCALE};

/// Pause between two member actions (about 25 per second over all servers).
const ACTION_EVERY: Duration = Duration::from_millis(40);
/// Members stop acting on a retro this long before it closes by itself.
const CLOSING_MARGIN: u64 = 10;
/// How long a member waits for the bot to answer a click or a command.
pub const ANSWER_WAIT: Duration = Duration::from_secs(30);

pub struct Members {
    pub discord: StandIn,
    pub servers: Vec<Server>,
    pub(crate) rng: Arc<Rng>,
    pub ledger: Ledger,
    /// The latest reading of each channel.
    posted: Mutex<HashMap<u64, Vec<Posted>>>,
    /// (retro header, member) with a click in flight.
    busy: Mutex<HashSet<(u64, u64)>>,
    /// Replies members posted in named retros: (thread, message).
    replies: Mutex<Vec<(u64, u64)>>,
    /// Retro channels where a start was asked for, and when.
    starting: Mutex<HashMap<u64, Instant>>,
    clicks_in_flight: Arc<Semaphore>,
    serial: AtomicU64,
    starts_in_flight: AtomicUsize,
    /// Actions done, by kind.
    pub actions: Mutex<BTreeMap<String, usize>>,
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Runs a stand-in action that panics when Discord would refuse it (a message just deleted, a
/// button just disabled); `None` when it was refused.
pub fn attempt<R>(f: impl FnOnce() -> R) -> Option<R> {
    catch_unwind(AssertUnwindSafe(f)).ok()
}

/// Waits for the bot's answer to an interaction; `None` when none came in time.
pub async fn answer_of(discord: &StandIn, interaction: u64, wait: Duration) -> Option<Reply> {
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        if let Some(reply) = discord.reply(interaction) {
            return Some(reply);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

impl Members {
    pub fn new(discord: StandIn, servers: Vec<Server>, rng: Arc<Rng>) -> Members {
        Members {
            discord,
            servers,
            rng,
            ledger: Ledger::default(),
            posted: Mutex::new(HashMap::new()),
            busy: Mutex::new(HashSet::new()),
            replies: Mutex::new(Vec::new()),
            starting: Mutex::new(HashMap::new()),
            clicks_in_flight: Arc::new(Semaphore::new(16)),
            serial: AtomicU64::new(0),
            starts_in_flight: AtomicUsize::new(0),
            actions: Mutex::new(BTreeMap::new()),
        }
    }

    pub(crate) fn count(&self, kind: &str) {
        *self
            .actions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(kind.to_string())
            .or_default() += 1;
    }

    pub(crate) fn next_serial(&self) -> u64 {
        self.serial.fetch_add(1, Ordering::Relaxed)
    }

    /// Acts until `stop` turns true.
    pub async fn run(self: Arc<Self>, stop: watch::Receiver<bool>) {
        let mut read_at = Instant::now() - Duration::from_secs(60);
        while !*stop.borrow() {
            if read_at.elapsed() > Duration::from_secs(2) {
                self.read_channels();
                self.clone().keep_retros_open();
                read_at = Instant::now();
            }
            self.clone().act_once();
            tokio::time::sleep(ACTION_EVERY).await;
        }
    }

    /// Reads every channel again.
    pub fn read_channels(&self) {
        let mut posted = HashMap::new();
        for server in &self.servers {
            for channel in server.channels() {
                posted.insert(channel, posted_in(&self.discord, channel));
            }
        }
        *self.posted.lock().unwrap_or_else(|e| e.into_inner()) = posted;
    }

    /// The latest retro of `channel` if members may act on it now.
    fn actionable(&self, channel: u64) -> Option<Posted> {
        let posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        let latest = posted.get(&channel)?.last()?;
        let open = latest.complete() && !latest.closed();
        let far_from_close = latest
            .closes_at
            .is_none_or(|at| now_secs() + CLOSING_MARGIN < at);
        (open && far_from_close).then(|| latest.clone())
    }

    /// Starts a retro in every retro channel whose latest retro closed (or that has none).
    fn keep_retros_open(self: Arc<Self>) {
        let needs: Vec<Server> = {
            let posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
            let mut starting = self.starting.lock().unwrap_or_else(|e| e.into_inner());
            let mut needs = Vec::new();
            for server in &self.servers {
                let closed = posted
                    .get(&server.channel)
                    .and_then(|p| p.last())
                    .is_none_or(Posted::closed);
                let asked_lately = starting
                    .get(&server.channel)
                    .is_some_and(|at| at.elapsed() < Duration::from_secs(150));
                if closed && !asked_lately {
                    starting.insert(server.channel, Instant::now());
                    needs.push(server.clone());
                }
            }
            needs
        };
        for server in needs {
            self.starts_in_flight.fetch_add(1, Ordering::SeqCst);
            let me = self.clone();
            tokio::spawn(async move { me.start_retro(&server).await });
        }
    }

    /// The lead of `server` starts a retro (anonymous and auto-closing as the server does).
    pub async fn start_retro(&self, server: &Server) {
        let mut options = vec![("title", json!(format!("Soak {}", self.next_serial())))];
        if server.anonymous {
            options.push(("anonymous", json!(true)));
        }
        if server.auto_close {
            options.push(("duration", json!(format!("{}s", self.rng.between(90, 240)))));
        }
        let id = self
            .discord
            .slash(server.lead, server.channel, "retro start", &options);
        // A start posts a dozen messages before it answers; many at once take a while.
        let answered = answer_of(&self.discord, id, 4 * ANSWER_WAIT).await;
        let kind = match answered {
            Some(r) if r.text.starts_with("Started") => "retro started",
            Some(_) => "retro start refused",
            None => "retro start unanswered",
        };
        self.count(kind);
        self.starts_in_flight.fetch_sub(1, Ordering::SeqCst);
    }

    fn act_once(self: Arc<Self>) {
        let server = &self.servers[self.rng.below(self.servers.len())];
        let channels = server.channels();
        let channel = channels[self.rng.below(channels.len())];
        let Some(retro) = self.actionable(channel) else {
            return;
        };
        let member = server.members[self.rng.below(server.members.len())];
        if !retro.anonymous {
            self.act_named(&retro, member);
            return;
        }
        if !self
            .busy
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((retro.header, member))
        {
            return;
        }
        let Ok(permit) = self.clicks_in_flight.clone().try_acquire_owned() else {
            self.busy
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&(retro.header, member));
            return;
        };
        let me = self.clone();
        tokio::spawn(async move {
            if me.rng.chance(0.7) {
                let statement = me.rng.below(retro.statements.len());
                let option = me.rng.below(SCALE.len());
                me.click_vote(&retro, member, statement, option).await;
            } else {
                me.answer(&retro, member).await;
            }
            me.busy
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&(retro.header, member));
            drop(permit);
        });
    }

    fn act_named(&self, retro: &Posted, member: u64) {
        let roll = self.rng.below(100);
        if roll < 65 {
            let statement = &retro.statements[self.rng.below(retro.statements.len())];
            let Some(now) = self.discord.message(statement.id) else {
                return;
            };
            let mine: Vec<&str> = SCALE
                .iter()
                .copied()
                .filter(|e| now.reactors(e).contains(&member))
                .collect();
            let (channel, id) = (retro.channel, statement.id);
            let done = match mine.first() {
                None => {
                    let emoji = SCALE[self.rng.below(SCALE.len())];
                    attempt(|| self.discord.react(member, channel, id, emoji)).map(|_| "vote")
                }
                Some(old) if self.rng.chance(0.5) => {
                    let new = SCALE.iter().find(|e| *e != old).expect("two options");
                    attempt(|| {
                        self.discord.react(member, channel, id, new);
                        self.discord.unreact(member, channel, id, old);
                    })
                    .map(|_| "vote switched")
                }
                Some(old) => attempt(|| self.discord.unreact(member, channel, id, old))
                    .map(|_| "vote retracted"),
            };
            self.count(done.unwrap_or("action refused"));
        } else if roll < 90 {
            let (thread, _) = retro.threads[self.rng.below(retro.threads.len())];
            let text = format!("reply {} from m{}", self.next_serial(), member % 100_000);
            match attempt(|| self.discord.post(member, thread, &text)) {
                Some(message) => {
                    self.replies
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((thread, message));
                    self.count("reply");
                }
                None => self.count("action refused"),
            }
        } else {
            let picked = {
                let replies = self.replies.lock().unwrap_or_else(|e| e.into_inner());
                let own: Vec<(u64, u64)> = replies
                    .iter()
                    .copied()
                    .filter(|(t, _)| retro.threads.iter().any(|(id, _)| id == t))
                    .collect();
                (!own.is_empty()).then(|| own[self.rng.below(own.len())])
            };
            let Some((thread, message)) = picked else {
                return;
            };
            let done = if roll < 95 {
                let text = format!("edited reply {}", self.next_serial());
                attempt(|| self.discord.edit(thread, message, &text)).map(|_| "reply edited")
            } else {
                let gone =
                    attempt(|| self.discord.delete(thread, message)).map(|_| "reply deleted");
                self.replies
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .retain(|r| *r != (thread, message));
                gone
            };
            self.count(done.unwrap_or("action refused"));
        }
    }

    /// The latest reading of every channel.
    pub fn posted(&self) -> HashMap<u64, Vec<Posted>> {
        self.posted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl Members {
    /// Waits until no start, click or answer is in flight any more.
    pub async fn settle(&self) {
        let all = self
            .clicks_in_flight
            .acquire_many(16)
            .await
            .expect("semaphore");
        drop(all);
        while self.starts_in_flight.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
