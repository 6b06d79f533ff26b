//! Fault injection (error statuses, 429 rate limits, delays) and the pacing mode that behaves like a
//! shared rate-limit proxy (holds requests until their bucket allows them, never answers 429).

use std::collections::{BTreeMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::views::RequestRecord;
use super::Shared;

#[derive(Clone, Debug)]
pub enum FaultKind {
    /// Answer with this status and JSON body.
    Status { status: u16, json: Value },
    /// Answer 429 with Discord's body and rate-limit headers.
    RateLimited { retry_after_secs: f64, global: bool },
    /// Hold the request this long, then handle it normally.
    Delay { ms: u64 },
    /// Handle the request (its effect happens) but answer 500, as when the response is lost.
    LoseResponse,
    /// Handle the request (its effect happens), then hold the answer this long.
    DelayAnswer { ms: u64 },
}

/// Applies to the next `times` requests whose method matches (`""`/`"*"` = any) and whose
/// percent-decoded path contains `path_contains`.
#[derive(Clone, Debug)]
pub struct Fault {
    pub method: String,
    pub path_contains: String,
    pub times: usize,
    pub kind: FaultKind,
    /// Matching requests to let through untouched before the fault applies.
    pub skip: usize,
}

impl Fault {
    /// `kind` for the next `times` requests matching `method` and `path_contains`.
    pub fn new(method: &str, path_contains: &str, times: usize, kind: FaultKind) -> Fault {
        Fault {
            method: method.into(),
            path_contains: path_contains.into(),
            times,
            kind,
            skip: 0,
        }
    }

    pub fn status(
        method: &str,
        path_contains: &str,
        times: usize,
        status: u16,
        json: Value,
    ) -> Fault {
        let kind = FaultKind::Status { status, json };
        Fault::new(method, path_contains, times, kind)
    }

    /// 500 Internal Server Error.
    pub fn server_error(method: &str, path_contains: &str, times: usize) -> Fault {
        let body = json!({"message": "500: Internal Server Error", "code": 0});
        Fault::status(method, path_contains, times, 500, body)
    }

    /// 403 Missing Permissions (50013).
    pub fn missing_permissions(method: &str, path_contains: &str, times: usize) -> Fault {
        let body = json!({"message": "Missing Permissions", "code": 50013});
        Fault::status(method, path_contains, times, 403, body)
    }

    pub fn rate_limited(
        method: &str,
        path_contains: &str,
        times: usize,
        retry_after_secs: f64,
    ) -> Fault {
        let kind = FaultKind::RateLimited {
            retry_after_secs,
            global: false,
        };
        Fault::new(method, path_contains, times, kind)
    }

    /// The request takes effect, but the bot hears a 500 (a lost response).
    pub fn lose_response(method: &str, path_contains: &str, times: usize) -> Fault {
        Fault::new(method, path_contains, times, FaultKind::LoseResponse)
    }

    /// The request takes effect, but its answer is held for `ms` (a crash can happen meanwhile).
    pub fn delay_answer(method: &str, path_contains: &str, times: usize, ms: u64) -> Fault {
        let kind = FaultKind::DelayAnswer { ms };
        Fault::new(method, path_contains, times, kind)
    }

    /// The same fault, applied only after `skip` matching requests went through untouched.
    pub fn after(mut self, skip: usize) -> Fault {
        self.skip = skip;
        self
    }

    pub fn delay(method: &str, path_contains: &str, times: usize, ms: u64) -> Fault {
        let kind = FaultKind::Delay { ms };
        Fault::new(method, path_contains, times, kind)
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.times > 0
            && (self.method.is_empty()
                || self.method == "*"
                || self.method.eq_ignore_ascii_case(method))
            && path.contains(&self.path_contains)
    }
}

/// Takes one use of the first fault matching the request.
pub fn take_fault(shared: &Shared, method: &str, path: &str) -> Option<FaultKind> {
    shared.with(|s| {
        let f = s.faults.iter_mut().find(|f| f.matches(method, path))?;
        if f.skip > 0 {
            f.skip -= 1;
            return None;
        }
        f.times -= 1;
        Some(f.kind.clone())
    })
}

/// Rate-limit bucket: (key, requests allowed, per window).
pub type Bucket = (String, usize, Duration);

/// The paced buckets of a request (path with the `/api/v10` prefix, percent-decoded).
pub fn buckets_of(method: &str, path: &str) -> Vec<Bucket> {
    let segs: Vec<&str> = path
        .trim_start_matches("/api/v10")
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let mut out = Vec::new();
    match (method, segs.as_slice()) {
        ("PUT" | "DELETE", ["channels", c, "messages", _, "reactions", ..]) => {
            out.push((format!("reactions:{c}"), 1, Duration::from_millis(250)));
        }
        ("POST", ["channels", c, "messages"]) => {
            out.push((format!("messages:{c}"), 5, Duration::from_secs(5)));
        }
        _ => {}
    }
    // Interaction callbacks and interaction webhooks are not bound by the global limit.
    if !matches!(segs.first(), Some(&"interactions") | Some(&"webhooks")) {
        out.push(("global".to_string(), 50, Duration::from_secs(1)));
    }
    out
}

/// Grants per bucket (the last `limit` grant instants).
#[derive(Default)]
pub struct Pacer {
    grants: BTreeMap<String, VecDeque<Instant>>,
}

impl Pacer {
    /// Either grants now (and records it) or says when to try again.
    fn try_grant(&mut self, buckets: &[Bucket], now: Instant) -> Option<Instant> {
        let mut wait_until = now;
        for (key, limit, window) in buckets {
            if let Some(q) = self.grants.get(key) {
                if q.len() >= *limit {
                    wait_until = wait_until.max(q[q.len() - limit] + *window);
                }
            }
        }
        if wait_until > now {
            return Some(wait_until);
        }
        for (key, limit, _) in buckets {
            let q = self.grants.entry(key.clone()).or_default();
            q.push_back(now);
            while q.len() > *limit {
                q.pop_front();
            }
        }
        None
    }
}

/// Holds the request until all its buckets allow it (only while pacing is on).
pub async fn pace(shared: &Shared, method: &str, path: &str) {
    let buckets = buckets_of(method, path);
    loop {
        let wait = shared.read_mut_quiet(|s| {
            if !s.pacing {
                return None;
            }
            s.pacer.try_grant(&buckets, Instant::now())
        });
        match wait {
            None => return,
            Some(t) => tokio::time::sleep_until(t.into()).await,
        }
    }
}

/// The theoretical minimum time (first arrival to last completion) in which these requests can
/// complete under the pacing buckets: for each bucket with n requests, floor((n-1)/limit)·window.
pub fn floor_for(requests: &[RequestRecord]) -> Duration {
    let mut counts: BTreeMap<String, (usize, usize, Duration)> = BTreeMap::new();
    for r in requests {
        for (key, limit, window) in buckets_of(&r.method, &r.path) {
            counts.entry(key).or_insert((0, limit, window)).0 += 1;
        }
    }
    counts
        .values()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, limit, window)| *window * ((n - 1) / limit) as u32)
        .max()
        .unwrap_or_default()
}

/// The 429 answer Discord gives: body and headers.
pub fn rate_limited_answer(retry_after_secs: f64, global: bool) -> (Value, Vec<(String, String)>) {
    let body = json!({
        "message": "You are being rate limited.",
        "retry_after": retry_after_secs,
        "global": global,
        "code": 0,
    });
    let reset = super::world::now_ms() as f64 / 1000.0 + retry_after_secs;
    let mut headers = vec![
        (
            "Retry-After".to_string(),
            format!("{}", retry_after_secs.ceil() as u64),
        ),
        ("X-RateLimit-Limit".to_string(), "1".to_string()),
        ("X-RateLimit-Remaining".to_string(), "0".to_string()),
        (
            "X-RateLimit-Reset-After".to_string(),
            format!("{retry_after_secs:.3}"),
        ),
        ("X-RateLimit-Reset".to_string(), format!("{reset:.3}")),
        (
            "X-RateLimit-Bucket".to_string(),
            "standin-bucket".to_string(),
        ),
        (
            "X-RateLimit-Scope".to_string(),
            if global { "global" } else { "user" }.to_string(),
        ),
    ];
    if global {
        headers.push(("X-RateLimit-Global".to_string(), "true".to_string()));
    }
    (body, headers)
}
