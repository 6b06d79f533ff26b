//! The operators' HTTP endpoint, off unless `metrics_addr` is configured: `/healthz` (gateway
//! connected, database reachable and writable, scheduler alive, start-up done; 503 with the
//! reasons otherwise) and `/metrics` in Prometheus' text format.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Registry;
use tokio::sync::watch;

use crate::store::Store;

/// What the endpoint reports, read fresh for every request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub gateway_connected: bool,
    pub database_reachable: bool,
    /// Start-up reconciliation is done.
    pub ready: bool,
    pub events_handled: u64,
    pub votes_recorded: u64,
    pub retros_open: i64,
    /// How late the scheduler ran the last job it ran, in seconds.
    pub scheduler_lag_seconds: f64,
    pub discord_requests: u64,
    pub discord_errors: u64,
    pub discord_rate_limited: u64,
    pub database_errors: u64,
    /// Transient Discord failures retried.
    pub discord_retried: u64,
    /// Requests answered 401, 403 or 429 in the last 10 minutes (Discord bans at 10,000).
    pub discord_invalid_requests_10m: u64,
    /// Members' changes the database rejected for good (isolated; the rest committed).
    pub ingest_rejected: u64,
    /// Members' changes dropped because the writer's queue was full (retros re-read later).
    pub ingest_dropped: u64,
    /// Scheduled jobs that panicked (logged; the scheduler went on).
    pub job_panics: u64,
    /// Retros that ended "could not close" after a permanent Discord failure.
    pub retros_abandoned: u64,
}

impl Snapshot {
    pub fn healthy(&self) -> bool {
        self.gateway_connected && self.database_reachable && self.ready
    }
}

/// Where snapshots come from (the bot).
pub trait Probe: Send + Sync + 'static {
    fn snapshot(&self) -> impl Future<Output = Snapshot> + Send;

    /// Why the bot cannot do its work, beyond the snapshot's flags, each in a few words: a
    /// database that cannot be written ([`database_write_problem`]), a scheduler that stopped
    /// ([`SchedulerHeartbeat::problem`]). Empty when all is well.
    fn problems(&self) -> impl Future<Output = Vec<String>> + Send {
        async { Vec::new() }
    }
}

/// How long a write may take before `/healthz` calls the database unwritable.
const WRITE_CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// `None` if the database takes a write (the health heartbeat row) within two seconds;
/// otherwise why not (read-only, full, unreachable, too slow).
pub async fn database_write_problem(store: &Store) -> Option<String> {
    match tokio::time::timeout(WRITE_CHECK_TIMEOUT, store.ping()).await {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(format!("the database cannot be written: {error}")),
        Err(_) => Some(format!(
            "the database did not take a write within {} s",
            WRITE_CHECK_TIMEOUT.as_secs()
        )),
    }
}

/// The scheduler's sign of life: it beats every time its loop wakes (and wakes at least every
/// `max_silence`), and says when it stopped (its task ended or panicked).
#[derive(Debug)]
pub struct SchedulerHeartbeat {
    /// Milliseconds since the Unix epoch of the last beat; 0 before the first one.
    last_beat_ms: AtomicI64,
    stopped: AtomicBool,
    max_silence: Duration,
}

impl SchedulerHeartbeat {
    pub fn new(max_silence: Duration) -> SchedulerHeartbeat {
        SchedulerHeartbeat {
            last_beat_ms: AtomicI64::new(0),
            stopped: AtomicBool::new(false),
            max_silence,
        }
    }

    /// The scheduler's loop is alive at `now`.
    pub fn beat(&self, now: chrono::DateTime<chrono::Utc>) {
        self.last_beat_ms
            .store(now.timestamp_millis(), Ordering::Release);
    }

    /// The scheduler's loop ended (or panicked); `/healthz` fails from now on.
    pub fn stopped(&self) {
        self.stopped.store(true, Ordering::Release);
    }

    /// Why the scheduler is not healthy at `now`: it stopped, never beat, or has been silent
    /// longer than `max_silence`.
    pub fn problem(&self, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
        if self.stopped.load(Ordering::Acquire) {
            return Some("the scheduler stopped".into());
        }
        let last = self.last_beat_ms.load(Ordering::Acquire);
        if last == 0 {
            return Some("the scheduler has not started".into());
        }
        let silent_ms = now.timestamp_millis().saturating_sub(last);
        (silent_ms > self.max_silence.as_millis() as i64)
            .then(|| format!("the scheduler has not run for {} s", silent_ms / 1_000))
    }
}

/// Serves the endpoint on `addr` until `stop` becomes true.
pub async fn serve<P: Probe>(
    addr: SocketAddr,
    probe: Arc<P>,
    mut stop: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/healthz", get(healthz::<P>))
        .route("/metrics", get(metrics::<P>))
        .with_state(probe);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "serving /healthz and /metrics");
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = stop.wait_for(|stopped| *stopped).await;
        })
        .await
}

async fn healthz<P: Probe>(State(probe): State<Arc<P>>) -> impl IntoResponse {
    let (snapshot, problems) = tokio::join!(probe.snapshot(), probe.problems());
    let (status, body) = health_answer(&snapshot, &problems);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
}

/// The `/healthz` answer: 200 when the snapshot is healthy and nothing else is wrong, 503
/// otherwise, with every reason in `problems`.
pub fn health_answer(s: &Snapshot, problems: &[String]) -> (StatusCode, serde_json::Value) {
    let word = |ok: bool, yes: &str, no: &str| if ok { yes.to_string() } else { no.to_string() };
    let mut reasons = Vec::new();
    if !s.gateway_connected {
        reasons.push("the gateway is disconnected".to_string());
    }
    if !s.database_reachable {
        reasons.push("the database is unreachable or cannot be written".to_string());
    }
    if !s.ready {
        reasons.push("start-up is not done".to_string());
    }
    reasons.extend(problems.iter().cloned());
    let healthy = reasons.is_empty();
    let body = serde_json::json!({
        "status": word(healthy, "ok", "unhealthy"),
        "gateway": word(s.gateway_connected, "connected", "disconnected"),
        "database": word(s.database_reachable, "reachable", "unreachable"),
        "ready": s.ready,
        "problems": reasons,
    });
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, body)
}

async fn metrics<P: Probe>(State(probe): State<Arc<P>>) -> impl IntoResponse {
    let text = render(&probe.snapshot().await);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
}

/// The snapshot in Prometheus' text format.
pub fn render(s: &Snapshot) -> String {
    let mut registry = Registry::with_prefix("retrobot");
    let counters = [
        (
            "gateway_events_handled",
            "Gateway events handled",
            s.events_handled,
        ),
        (
            "votes_recorded",
            "Reaction changes committed to the database",
            s.votes_recorded,
        ),
        (
            "discord_requests",
            "REST requests sent to Discord",
            s.discord_requests,
        ),
        (
            "discord_errors",
            "REST requests Discord answered with an error",
            s.discord_errors,
        ),
        (
            "discord_rate_limited",
            "REST requests answered 429",
            s.discord_rate_limited,
        ),
        (
            "database_errors",
            "Database operations that failed (and were retried)",
            s.database_errors,
        ),
        (
            "discord_retried",
            "Transient Discord failures (5xx, timeouts, dropped connections) retried",
            s.discord_retried,
        ),
        (
            "ingest_rejected",
            "Members' changes the database rejected for good (isolated, logged)",
            s.ingest_rejected,
        ),
        (
            "ingest_dropped",
            "Members' changes dropped from a full writer queue (their retros are re-read)",
            s.ingest_dropped,
        ),
        (
            "scheduler_job_panics",
            "Scheduled jobs that panicked (logged; the scheduler went on)",
            s.job_panics,
        ),
        (
            "retros_could_not_close",
            "Retros ended as could not close after a permanent Discord failure",
            s.retros_abandoned,
        ),
    ];
    for (name, help, value) in counters {
        registry.register(name, help, ConstCounter::new(value));
    }
    registry.register(
        "retros_open",
        "Open retros of this process's guilds",
        ConstGauge::new(s.retros_open),
    );
    registry.register(
        "discord_invalid_requests_10m",
        "Requests answered 401, 403 or 429 in the last 10 minutes (Discord's ban: 10,000)",
        ConstGauge::new(s.discord_invalid_requests_10m as i64),
    );
    registry.register(
        "scheduler_lag_seconds",
        "How late the scheduler ran its last job",
        ConstGauge::new(s.scheduler_lag_seconds),
    );
    let healthy = [
        (
            "gateway_connected",
            "1 if every gateway shard is connected",
            s.gateway_connected,
        ),
        (
            "database_reachable",
            "1 if the database answered the last check",
            s.database_reachable,
        ),
    ];
    for (name, help, up) in healthy {
        registry.register(name, help, ConstGauge::new(i64::from(up)));
    }
    let mut text = String::new();
    encode(&mut text, &registry).expect("writing to a String cannot fail");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_are_in_prometheus_text_format() {
        let snapshot = Snapshot {
            votes_recorded: 12,
            retros_open: 3,
            discord_rate_limited: 2,
            discord_invalid_requests_10m: 7,
            ingest_rejected: 1,
            ingest_dropped: 4,
            ..Default::default()
        };
        let text = render(&snapshot);
        assert!(
            text.contains("retrobot_discord_invalid_requests_10m 7"),
            "{text}"
        );
        assert!(text.contains("retrobot_ingest_rejected_total 1"), "{text}");
        assert!(text.contains("retrobot_ingest_dropped_total 4"), "{text}");
        assert!(
            text.contains("# TYPE retrobot_votes_recorded counter"),
            "{text}"
        );
        assert!(text.contains("retrobot_votes_recorded_total 12"), "{text}");
        assert!(text.contains("retrobot_retros_open 3"), "{text}");
        assert!(
            text.contains("retrobot_discord_rate_limited_total 2"),
            "{text}"
        );
        assert!(text.contains("retrobot_gateway_connected 0"), "{text}");
        assert!(text.ends_with("# EOF\n"));
    }

    fn healthy_snapshot() -> Snapshot {
        Snapshot {
            gateway_connected: true,
            database_reachable: true,
            ready: true,
            ..Default::default()
        }
    }

    #[test]
    fn any_problem_makes_the_answer_503_with_its_reason() {
        let (status, body) = health_answer(&healthy_snapshot(), &[]);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["status"], "ok");
        let problem = "the database cannot be written: read-only".to_string();
        let (status, body) = health_answer(&healthy_snapshot(), std::slice::from_ref(&problem));
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(body["status"], "unhealthy");
        assert_eq!(body["problems"][0], problem.as_str());
        let unreachable = Snapshot {
            database_reachable: false,
            ..healthy_snapshot()
        };
        let (status, body) = health_answer(&unreachable, &[]);
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(body["problems"][0].as_str().unwrap().contains("database"));
    }

    #[test]
    fn a_stopped_or_silent_scheduler_is_a_problem() {
        let heartbeat = SchedulerHeartbeat::new(Duration::from_secs(60));
        let now = chrono::Utc::now();
        assert!(heartbeat.problem(now).unwrap().contains("not started"));
        heartbeat.beat(now);
        assert_eq!(heartbeat.problem(now + chrono::Duration::seconds(59)), None);
        assert!(heartbeat
            .problem(now + chrono::Duration::seconds(61))
            .unwrap()
            .contains("has not run for 61 s"));
        heartbeat.stopped();
        assert_eq!(heartbeat.problem(now).unwrap(), "the scheduler stopped");
    }
}
