//! Discord's REST API as the bot uses it: typed calls over serenity's routes, with HTTP 429
//! answers retried after their `retry_after` when a proxy is used (serenity's own rate limiter
//! is off then), transient failures (5xx, timeouts, dropped connections) retried with back-off
//! when the call is safe to repeat (`retry`), invalid requests counted against Discord's budget
//! (`invalid`), and Discord's error codes kept for clear messages.

mod endpoints;
mod error;
mod files;
mod guild;
pub mod invalid;
mod redact;
pub mod retry;
pub mod snowflake;

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serenity::http::{Http, HttpBuilder, LightMethod, Request, Route};
use serenity::model::prelude::*;

use error::ErrorBody;
pub use error::{RestCounters, RestError};
pub use files::Upload;
use retry::Repeat;

/// How often a rate-limited request is retried before giving up.
const MAX_RATE_LIMIT_RETRIES: u32 = 8;
/// Longest pause accepted from a `retry_after`; longer ones are treated as failures.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// The bot's REST client. Cheap to clone.
#[derive(Clone)]
pub struct DiscordRest {
    http: Arc<Http>,
    client: reqwest::Client,
    proxy: Option<String>,
    token: Arc<SecretString>,
    pub counters: Arc<RestCounters>,
}

impl DiscordRest {
    /// Builds the REST client and a serenity `Http` for the gateway client. With `api_url` set,
    /// requests go there and serenity's rate limiter is off (it would bypass the proxy).
    pub fn new(token: &SecretString, api_url: Option<&str>) -> (DiscordRest, Http) {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("a reqwest client with default TLS settings builds");
        let build = || {
            let builder = HttpBuilder::new(token.expose_secret()).client(client.clone());
            match api_url {
                Some(url) => builder.proxy(url).ratelimiter_disabled(true).build(),
                None => builder.build(),
            }
        };
        let rest = DiscordRest {
            http: Arc::new(build()),
            client: client.clone(),
            proxy: api_url.map(str::to_string),
            token: Arc::new(SecretString::from(format!(
                "Bot {}",
                token.expose_secret().trim_start_matches("Bot ")
            ))),
            counters: Arc::default(),
        };
        (rest, build())
    }

    pub fn set_application_id(&self, id: u64) {
        self.http.set_application_id(ApplicationId::new(id));
    }

    pub fn application_id(&self) -> Option<u64> {
        self.http.application_id().map(ApplicationId::get)
    }

    /// Sends `request`, retrying rate-limited answers and (when `repeat` allows) transient
    /// failures; returns the successful response.
    async fn send(
        &self,
        request: Request<'_>,
        repeat: Repeat,
    ) -> Result<reqwest::Response, RestError> {
        let mut retries = 0;
        loop {
            match self.send_once(request.clone()).await {
                Err(error)
                    if repeat == Repeat::Safe
                        && error.is_transient()
                        && retries < retry::MAX_TRANSIENT_RETRIES =>
                {
                    retries += 1;
                    self.counters.retried.fetch_add(1, Ordering::Relaxed);
                    let pause = retry::backoff(retries);
                    tracing::info!(
                        error = %error,
                        retry = retries,
                        pause_ms = pause.as_millis() as u64,
                        "transient Discord failure; retrying"
                    );
                    tokio::time::sleep(pause).await;
                }
                outcome => return outcome,
            }
        }
    }

    /// Sends `request` once, retrying only rate-limited answers.
    async fn send_once(&self, request: Request<'_>) -> Result<reqwest::Response, RestError> {
        let mut attempt = 0;
        loop {
            self.counters.requests.fetch_add(1, Ordering::Relaxed);
            let Some(proxy) = &self.proxy else {
                // serenity's rate limiter paces requests and retries 429s itself.
                return self
                    .http
                    .request(request.clone())
                    .await
                    .map_err(|e| self.count_error(e.into()));
            };
            let built = request
                .clone()
                .build(&self.client, self.token.expose_secret(), Some(proxy))
                .map_err(RestError::transport)?
                .build()
                .map_err(RestError::transport)?;
            let response = self
                .client
                .execute(built)
                .await
                .map_err(|e| self.count_error(RestError::transport(e)))?;
            let status = response.status();
            if status.is_success() {
                return Ok(response);
            }
            let header_wait = header_seconds(&response, "retry-after");
            let body: Option<ErrorBody> = response.json().await.ok();
            if status == StatusCode::TOO_MANY_REQUESTS {
                self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                self.counters.invalid.record();
                attempt += 1;
                let asked = body.as_ref().and_then(|b| b.retry_after).or(header_wait);
                let pause = redact::retry_after_pause(asked, MAX_RETRY_AFTER);
                let (Some(wait), false) = (pause, attempt > MAX_RATE_LIMIT_RETRIES) else {
                    return Err(self.count_error(RestError::RateLimited(attempt - 1)));
                };
                tracing::debug!(
                    wait_ms = wait.as_millis() as u64,
                    attempt,
                    "rate limited; retrying"
                );
                tokio::time::sleep(wait).await;
                continue;
            }
            let (code, message) = body.map_or((0, status.to_string()), |b| (b.code, b.message));
            return Err(self.count_error(RestError::Discord {
                status: status.as_u16(),
                code,
                message,
            }));
        }
    }

    fn count_error(&self, error: RestError) -> RestError {
        self.counters.errors.fetch_add(1, Ordering::Relaxed);
        if let RestError::Discord { status, .. } = error {
            if status == 429 {
                self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
            }
            if invalid::InvalidRequests::counts(status) {
                self.counters.invalid.record();
            }
        }
        error
    }

    pub(super) async fn call<T: DeserializeOwned>(
        &self,
        request: Request<'_>,
    ) -> Result<T, RestError> {
        self.call_with(request, Repeat::Safe).await
    }

    /// Like [`DiscordRest::call`], never repeating the call after a transient failure.
    pub(super) async fn call_once<T: DeserializeOwned>(
        &self,
        request: Request<'_>,
    ) -> Result<T, RestError> {
        self.call_with(request, Repeat::Never).await
    }

    async fn call_with<T: DeserializeOwned>(
        &self,
        request: Request<'_>,
        repeat: Repeat,
    ) -> Result<T, RestError> {
        let bytes = self
            .send(request, repeat)
            .await?
            .bytes()
            .await
            .map_err(RestError::transport)?;
        serde_json::from_slice(&bytes).map_err(|e| RestError::Decode(e.to_string()))
    }

    pub(super) async fn call_empty(&self, request: Request<'_>) -> Result<(), RestError> {
        self.send(request, Repeat::Safe).await.map(drop)
    }

    pub(super) fn json<'a>(
        route: Route<'a>,
        method: LightMethod,
        body: &impl serde::Serialize,
    ) -> Request<'a> {
        let bytes = serde_json::to_vec(body).expect("request bodies serialise");
        Request::new(route, method).body(Some(bytes))
    }

    pub(super) fn app_id(&self) -> Result<ApplicationId, RestError> {
        self.http
            .application_id()
            .ok_or_else(|| RestError::Transport("application id not known before READY".into()))
    }
}

fn header_seconds(response: &reqwest::Response, name: &str) -> Option<f64> {
    response.headers().get(name)?.to_str().ok()?.parse().ok()
}
