//! Configuration: the TOML file plus the environment (and `.env`), with the bot token kept in a
//! secret wrapper that never prints, and template folders loaded and validated at start-up.

use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::SecretString;
use serde::Deserialize;

mod message_content;
mod server_defaults;
mod shards;

pub use message_content::MessageContent;
pub use shards::ShardPlan;

use crate::domain::duration::{parse_duration, DurationBounds};
use crate::domain::template::{Template, TemplateCatalog, TemplateError, DEFAULT_TEMPLATE_KEY};
use crate::domain::toml_location::TomlProblem;

/// The SQLite file used when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://retrobot.db";

/// Everything the bot needs to run.
#[derive(Debug)]
pub struct Config {
    /// Only ever read from `DISCORD_TOKEN` (environment or `.env`).
    pub discord_token: SecretString,
    pub database_url: String,
    /// Base URL REST calls go to instead of `https://discord.com` (a rate-limit proxy).
    pub discord_api_url: Option<String>,
    /// Name or id of the role whose members may close any retro.
    pub facilitator_role: Option<String>,
    pub templates: TemplateCatalog,
    pub default_template: String,
    pub durations: DurationBounds,
    /// Time zone of new schedules when none is given (IANA name).
    pub default_timezone: String,
    /// How long a scheduled check-in stays open when no `duration` is given.
    pub checkin_duration: Duration,
    /// How long before a retro closes its reminder is posted (default: a quarter of its
    /// duration).
    pub reminder_before: Option<chrono::Duration>,
    /// How late a missed occurrence may still fire after downtime.
    pub missed_grace: chrono::Duration,
    /// Which gateway shards this process runs (and so which guilds it serves).
    pub shards: ShardPlan,
    /// Where to serve `/healthz` and `/metrics` (off when unset).
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// In anonymous retros, statements with fewer voters than this show no split (at least 2).
    pub anonymous_min_voters: u32,
    /// How log lines are written: text for people, JSON for log collectors.
    pub log_format: LogFormat,
    /// Whether to ask Discord for the privileged Message Content intent.
    pub message_content: MessageContent,
    /// The TOML file the settings came from (None: no file, defaults and environment only).
    pub config_file: Option<PathBuf>,
}

/// How log lines are written (`log_format`, or `RETROBOT_LOG_FORMAT`, which wins).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// One readable line per event.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

impl LogFormat {
    pub fn parse(text: &str) -> Option<LogFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "text" => Some(LogFormat::Text),
            "json" => Some(LogFormat::Json),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        }
    }
}

/// What `retrobot check-config` found in a configuration that loads.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigCheck {
    pub config_file: Option<PathBuf>,
    /// Keys of every template (built-in and from the templates folder), in key order.
    pub template_keys: Vec<String>,
    pub log_format: LogFormat,
    /// Whether `DISCORD_TOKEN` is set where the check ran (not required for the check).
    pub token_set: bool,
}

/// Why the configuration could not be loaded. Never contains the token.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("DISCORD_TOKEN is not set: put it in the environment or in a .env file")]
    MissingToken,
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("invalid template: {0}")]
    Template(#[from] TemplateError),
}

/// The settings the TOML file may hold (see `config.example.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    facilitator_role: Option<String>,
    templates_dir: Option<PathBuf>,
    default_template: Option<String>,
    min_duration: Option<String>,
    max_duration: Option<String>,
    default_timezone: Option<String>,
    checkin_duration: Option<String>,
    reminder_before: Option<String>,
    missed_grace: Option<String>,
    shards: Option<String>,
    shard_total: Option<u32>,
    metrics_addr: Option<String>,
    anonymous_min_voters: Option<u32>,
    log_format: Option<String>,
    message_content: Option<String>,
}

/// A source of environment variables (the process environment in production).
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;
}

/// The real process environment, after `.env` has been read into it.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

impl Config {
    /// Reads `.env` (variables already in the environment win), then the config file named by
    /// `RETROBOT_CONFIG` (or `config.toml` if present), then the environment.
    pub fn load() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        Config::from_env(&ProcessEnv)
    }

    pub fn from_env(env: &dyn Env) -> Result<Config, ConfigError> {
        let token = env.var("DISCORD_TOKEN").ok_or(ConfigError::MissingToken)?;
        Config::with_token(env, SecretString::from(token))
    }

    /// Validates the config file, its templates folder and the environment's settings as
    /// [`Config::from_env`] does, without needing the token (`retrobot check-config`: the
    /// token may live only in the service's environment file).
    pub fn check(env: &dyn Env) -> Result<ConfigCheck, ConfigError> {
        let config = Config::with_token(env, SecretString::from(String::new()))?;
        Ok(ConfigCheck {
            config_file: config.config_file,
            template_keys: config.templates.iter().map(|t| t.key.clone()).collect(),
            log_format: config.log_format,
            token_set: env.var("DISCORD_TOKEN").is_some(),
        })
    }

    fn with_token(env: &dyn Env, discord_token: SecretString) -> Result<Config, ConfigError> {
        let (file, path) = match env.var("RETROBOT_CONFIG") {
            Some(path) => (read_file(Path::new(&path))?, Some(PathBuf::from(path))),
            None if Path::new("config.toml").exists() => (
                read_file(Path::new("config.toml"))?,
                Some(PathBuf::from("config.toml")),
            ),
            None => (FileConfig::default(), None),
        };
        let config_file = path.clone();
        let path = path.unwrap_or_default();
        let invalid = |message: String| ConfigError::Invalid {
            path: path.clone(),
            message,
        };
        let mut durations = DurationBounds::default();
        let wide = DurationBounds {
            min: Duration::from_secs(1),
            max: Duration::from_secs(365 * 86_400),
        };
        if let Some(min) = &file.min_duration {
            durations.min =
                parse_duration(min, wide).map_err(|e| invalid(format!("min_duration: {e}")))?;
        }
        if let Some(max) = &file.max_duration {
            durations.max =
                parse_duration(max, wide).map_err(|e| invalid(format!("max_duration: {e}")))?;
        }
        if durations.min > durations.max {
            return Err(invalid("min_duration is longer than max_duration".into()));
        }

        let setting = |name: &str, value: &Option<String>| {
            value
                .as_deref()
                .map(|v| parse_duration(v, wide).map_err(|e| invalid(format!("{name}: {e}"))))
                .transpose()
        };
        let checkin_duration = setting("checkin_duration", &file.checkin_duration)?
            .unwrap_or(Duration::from_secs(86_400));
        if checkin_duration < durations.min || checkin_duration > durations.max {
            return Err(invalid(
                "checkin_duration is outside min_duration..max_duration".into(),
            ));
        }
        let chrono = |d: Duration| chrono::Duration::from_std(d).unwrap_or_default();
        let reminder_before = setting("reminder_before", &file.reminder_before)?.map(chrono);
        let missed_grace =
            setting("missed_grace", &file.missed_grace)?.map_or(chrono::Duration::hours(1), chrono);
        let default_timezone = file.default_timezone.unwrap_or_else(|| "UTC".to_string());
        if default_timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(invalid(format!(
                "default_timezone: `{default_timezone}` is not an IANA time zone such as `Europe/Berlin`"
            )));
        }

        let shards_text = env
            .var("RETROBOT_SHARDS")
            .or(file.shards)
            .unwrap_or_else(|| "auto".into());
        let shard_total = match env.var("RETROBOT_SHARD_TOTAL") {
            Some(total) => Some(total.trim().parse().map_err(|_| {
                invalid(format!("RETROBOT_SHARD_TOTAL: `{total}` is not a number"))
            })?),
            None => file.shard_total,
        };
        let shards = ShardPlan::parse(&shards_text, shard_total)
            .map_err(|e| invalid(format!("shards: {e}")))?;
        let metrics_addr = env
            .var("RETROBOT_METRICS_ADDR")
            .or(file.metrics_addr)
            .map(|a| {
                a.parse().map_err(|_| {
                    invalid(format!(
                        "metrics_addr: `{a}` is not an address such as 127.0.0.1:9100"
                    ))
                })
            })
            .transpose()?;
        let anonymous_min_voters = crate::domain::anonymous::validate_min_voters(
            file.anonymous_min_voters
                .unwrap_or(crate::domain::anonymous::DEFAULT_MIN_VOTERS),
        )
        .map_err(|e| invalid(format!("anonymous_min_voters: {e}")))?;
        let log_format = match env.var("RETROBOT_LOG_FORMAT") {
            Some(text) => LogFormat::parse(&text).ok_or_else(|| {
                invalid(format!(
                    "RETROBOT_LOG_FORMAT: `{text}` is not `text` or `json`"
                ))
            })?,
            None => match &file.log_format {
                Some(text) => LogFormat::parse(text).ok_or_else(|| {
                    invalid(format!("log_format: `{text}` is not `text` or `json`"))
                })?,
                None => LogFormat::default(),
            },
        };
        let message_content = MessageContent::resolve(
            env.var("RETROBOT_MESSAGE_CONTENT").as_deref(),
            file.message_content.as_deref(),
        )
        .map_err(invalid)?;

        let mut templates = TemplateCatalog::builtin();
        if let Some(dir) = &file.templates_dir {
            let dir = path
                .parent()
                .map_or_else(|| dir.clone(), |base| base.join(dir));
            load_templates(&dir, &mut templates)?;
        }
        let default_template = file
            .default_template
            .unwrap_or_else(|| DEFAULT_TEMPLATE_KEY.to_string());
        if templates.get(&default_template).is_none() {
            return Err(invalid(format!(
                "default_template: no template has the key `{default_template}`"
            )));
        }

        Ok(Config {
            discord_token,
            database_url: env
                .var("DATABASE_URL")
                .or(file.database_url)
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()),
            discord_api_url: env
                .var("DISCORD_API_URL")
                .map(|u| u.trim_end_matches('/').to_string()),
            facilitator_role: file.facilitator_role.filter(|r| !r.trim().is_empty()),
            templates,
            default_template,
            durations,
            default_timezone,
            checkin_duration,
            reminder_before,
            missed_grace,
            shards,
            metrics_addr,
            anonymous_min_voters,
            log_format,
            message_content,
            config_file,
        })
    }
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::Invalid {
        path: path.to_path_buf(),
        message: TomlProblem::new(&text, &e).to_string(),
    })
}

/// Adds every `*.toml` file in `dir` to `catalog`, in file-name order; the first invalid one
/// stops start-up with an error naming it.
pub fn load_templates(dir: &Path, catalog: &mut TemplateCatalog) -> Result<(), ConfigError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ConfigError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|source| ConfigError::Read {
            path: file.clone(),
            source,
        })?;
        let name = file.display().to_string();
        let template = Template::from_toml(&name, &text)?;
        catalog.add(&name, template)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
