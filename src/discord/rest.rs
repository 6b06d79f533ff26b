//! Discord's REST API as the bot uses it: typed calls over serenity's routes, with HTTP 429
//! answers retried after their `retry_after` when a proxy is used (serenity's own rate limiter
//! is off then), and Discord's error codes kept for clear messages.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serenity::http::{Http, HttpBuilder, LightMethod, Request, Route};
use serenity::model::prelude::*;

/// How often a rate-limited request is retried before giving up.
const MAX_RATE_LIMIT_RETRIES: u32 = 8;
/// Longest pause accepted from a `retry_after`; longer ones are treated as failures.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Why a Discord call failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RestError {
    /// Discord answered with an error status (`code` is Discord's JSON error code, 0 if none).
    #[error("Discord answered {status}: {message} (code {code})")]
    Discord {
        status: u16,
        code: i64,
        message: String,
    },
    #[error("Discord kept rate-limiting the request after {0} retries")]
    RateLimited(u32),
    #[error("could not reach Discord: {0}")]
    Transport(String),
    #[error("could not read Discord's answer: {0}")]
    Decode(String),
}

impl RestError {
    /// Discord's "Missing Permissions" or "Missing Access".
    pub fn is_missing_permission(&self) -> bool {
        matches!(
            self,
            RestError::Discord {
                code: 50001 | 50013,
                ..
            }
        )
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, RestError::Discord { status: 404, .. })
    }
}

impl From<serenity::Error> for RestError {
    fn from(error: serenity::Error) -> Self {
        match error {
            serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response)) => {
                RestError::Discord {
                    status: response.status_code.as_u16(),
                    code: response.error.code as i64,
                    message: response.error.message,
                }
            }
            serenity::Error::Http(serenity::http::HttpError::Request(e)) => {
                RestError::Transport(e.to_string())
            }
            serenity::Error::Json(e) => RestError::Decode(e.to_string()),
            other => RestError::Transport(other.to_string()),
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    retry_after: Option<f64>,
}

/// Counters the operator can read (429s and errors seen).
#[derive(Debug, Default)]
pub struct RestCounters {
    pub requests: AtomicU64,
    pub rate_limited: AtomicU64,
    pub errors: AtomicU64,
}

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

    /// Sends `request`, retrying rate-limited answers; returns the successful response.
    async fn send(&self, request: Request<'_>) -> Result<reqwest::Response, RestError> {
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
                .map_err(|e| RestError::Transport(e.to_string()))?
                .build()
                .map_err(|e| RestError::Transport(e.to_string()))?;
            let response = self
                .client
                .execute(built)
                .await
                .map_err(|e| self.count_error(RestError::Transport(e.to_string())))?;
            let status = response.status();
            if status.is_success() {
                return Ok(response);
            }
            let header_wait = header_seconds(&response, "retry-after");
            let body: Option<ErrorBody> = response.json().await.ok();
            if status == StatusCode::TOO_MANY_REQUESTS {
                self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                attempt += 1;
                let wait = body
                    .as_ref()
                    .and_then(|b| b.retry_after)
                    .or(header_wait)
                    .unwrap_or(1.0);
                let wait = Duration::from_secs_f64(wait.max(0.0));
                if attempt > MAX_RATE_LIMIT_RETRIES || wait > MAX_RETRY_AFTER {
                    return Err(self.count_error(RestError::RateLimited(attempt - 1)));
                }
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
        if let RestError::Discord { status: 429, .. } = error {
            self.counters.rate_limited.fetch_add(1, Ordering::Relaxed);
        }
        error
    }

    async fn call<T: DeserializeOwned>(&self, request: Request<'_>) -> Result<T, RestError> {
        let bytes = self
            .send(request)
            .await?
            .bytes()
            .await
            .map_err(|e| RestError::Transport(e.to_string()))?;
        serde_json::from_slice(&bytes).map_err(|e| RestError::Decode(e.to_string()))
    }

    async fn call_empty(&self, request: Request<'_>) -> Result<(), RestError> {
        self.send(request).await.map(drop)
    }

    fn json<'a>(
        route: Route<'a>,
        method: LightMethod,
        body: &impl serde::Serialize,
    ) -> Request<'a> {
        let bytes = serde_json::to_vec(body).expect("request bodies serialise");
        Request::new(route, method).body(Some(bytes))
    }

    fn app_id(&self) -> Result<ApplicationId, RestError> {
        self.http
            .application_id()
            .ok_or_else(|| RestError::Transport("application id not known before READY".into()))
    }

    pub async fn create_message(
        &self,
        channel: ChannelId,
        body: &serenity::builder::CreateMessage,
    ) -> Result<Message, RestError> {
        self.call(Self::json(
            Route::ChannelMessages {
                channel_id: channel,
            },
            LightMethod::Post,
            body,
        ))
        .await
    }

    pub async fn edit_message(
        &self,
        channel: ChannelId,
        message: MessageId,
        body: &serenity::builder::EditMessage,
    ) -> Result<Message, RestError> {
        let route = Route::ChannelMessage {
            channel_id: channel,
            message_id: message,
        };
        self.call(Self::json(route, LightMethod::Patch, body)).await
    }

    pub async fn delete_message(
        &self,
        channel: ChannelId,
        message: MessageId,
    ) -> Result<(), RestError> {
        let route = Route::ChannelMessage {
            channel_id: channel,
            message_id: message,
        };
        self.call_empty(Request::new(route, LightMethod::Delete))
            .await
    }

    /// Adds the bot's own reaction.
    pub async fn react(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
    ) -> Result<(), RestError> {
        let reaction = ReactionType::Unicode(emoji.to_string()).as_data();
        let route = Route::ChannelMessageReactionMe {
            channel_id: channel,
            message_id: message,
            reaction: &reaction,
        };
        self.call_empty(Request::new(route, LightMethod::Put)).await
    }

    /// One page (up to 100, by ascending id after `after`) of the users who reacted with `emoji`.
    pub async fn reaction_users(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
        after: Option<UserId>,
    ) -> Result<Vec<User>, RestError> {
        let reaction = ReactionType::Unicode(emoji.to_string()).as_data();
        let route = Route::ChannelMessageReactionEmoji {
            channel_id: channel,
            message_id: message,
            reaction: &reaction,
        };
        let mut params = vec![("limit", "100".to_string())];
        if let Some(after) = after {
            params.push(("after", after.to_string()));
        }
        self.call(Request::new(route, LightMethod::Get).params(Some(params)))
            .await
    }

    /// One page (up to 100, oldest first) of the messages in `channel` after `after`.
    pub async fn messages_after(
        &self,
        channel: ChannelId,
        after: MessageId,
    ) -> Result<Vec<Message>, RestError> {
        let params = vec![("limit", "100".to_string()), ("after", after.to_string())];
        let mut page: Vec<Message> = self
            .call(
                Request::new(
                    Route::ChannelMessages {
                        channel_id: channel,
                    },
                    LightMethod::Get,
                )
                .params(Some(params)),
            )
            .await?;
        page.sort_by_key(|m| m.id);
        Ok(page)
    }

    /// Creates a public thread (type 11) without a starter message.
    pub async fn create_public_thread(
        &self,
        channel: ChannelId,
        name: &str,
    ) -> Result<GuildChannel, RestError> {
        let body = serenity::builder::CreateThread::new(name)
            .kind(ChannelType::PublicThread)
            .auto_archive_duration(AutoArchiveDuration::OneWeek);
        self.call(Self::json(
            Route::ChannelThreads {
                channel_id: channel,
            },
            LightMethod::Post,
            &body,
        ))
        .await
    }

    pub async fn join_thread(&self, thread: ChannelId) -> Result<(), RestError> {
        self.call_empty(Request::new(
            Route::ChannelThreadMemberMe { channel_id: thread },
            LightMethod::Put,
        ))
        .await
    }

    pub async fn delete_channel(&self, channel: ChannelId) -> Result<(), RestError> {
        self.call_empty(Request::new(
            Route::Channel {
                channel_id: channel,
            },
            LightMethod::Delete,
        ))
        .await
    }

    /// The guild's active threads (all channels).
    pub async fn active_threads(&self, guild: GuildId) -> Result<Vec<GuildChannel>, RestError> {
        let data: ThreadsData = self
            .call(Request::new(
                Route::GuildThreadsActive { guild_id: guild },
                LightMethod::Get,
            ))
            .await?;
        Ok(data.threads)
    }

    pub async fn guild_roles(&self, guild: GuildId) -> Result<Vec<Role>, RestError> {
        self.call(Request::new(
            Route::GuildRoles { guild_id: guild },
            LightMethod::Get,
        ))
        .await
    }

    /// Answers an interaction (within 3 s of receiving it).
    pub async fn respond(
        &self,
        interaction: InteractionId,
        token: &str,
        body: &serenity::builder::CreateInteractionResponse,
    ) -> Result<(), RestError> {
        let route = Route::InteractionResponse {
            interaction_id: interaction,
            token,
        };
        self.call_empty(Self::json(route, LightMethod::Post, body))
            .await
    }

    /// Replaces the original (deferred) answer of an interaction.
    pub async fn edit_original(
        &self,
        token: &str,
        body: &serenity::builder::EditInteractionResponse,
    ) -> Result<Message, RestError> {
        let route = Route::WebhookOriginalInteractionResponse {
            application_id: self.app_id()?,
            token,
        };
        self.call(Self::json(route, LightMethod::Patch, body)).await
    }

    /// Registers the bot's global slash commands, replacing any older set.
    pub async fn set_global_commands(
        &self,
        commands: &[serenity::builder::CreateCommand],
    ) -> Result<(), RestError> {
        let route = Route::Commands {
            application_id: self.app_id()?,
        };
        self.call_empty(Self::json(route, LightMethod::Put, &commands))
            .await
    }
}

fn header_seconds(response: &reqwest::Response, name: &str) -> Option<f64> {
    response.headers().get(name)?.to_str().ok()?.parse().ok()
}
