//! The operators' HTTP endpoint, off unless `metrics_addr` is configured: `/healthz` (gateway
//! connected, database reachable, start-up done) and `/metrics` in Prometheus' text format.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

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
}

impl Snapshot {
    pub fn healthy(&self) -> bool {
        self.gateway_connected && self.database_reachable && self.ready
    }
}

/// Where snapshots come from (the bot).
pub trait Probe: Send + Sync + 'static {
    fn snapshot(&self) -> impl Future<Output = Snapshot> + Send;
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
    let s = probe.snapshot().await;
    let word = |ok: bool, yes: &str, no: &str| if ok { yes.to_string() } else { no.to_string() };
    let body = serde_json::json!({
        "status": word(s.healthy(), "ok", "unhealthy"),
        "gateway": word(s.gateway_connected, "connected", "disconnected"),
        "database": word(s.database_reachable, "reachable", "unreachable"),
        "ready": s.ready,
    });
    let status = if s.healthy() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
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
            ..Default::default()
        };
        let text = render(&snapshot);
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
}
