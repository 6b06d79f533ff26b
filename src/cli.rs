//! The command line: `retrobot` runs the bot; `--version`, `--help`, `check-config [FILE]` and
//! `invite-url [--application-id ID]` answer and exit without connecting to Discord.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{Config, ConfigCheck, Env, ProcessEnv};
use crate::invite::{invite_url, parse_application_id};

pub const USAGE: &str = "retrobot — team health-check retrospectives on Discord

Usage: retrobot                      run the bot (needs DISCORD_TOKEN in the environment or .env)
       retrobot check-config [FILE]  validate the config file (default: RETROBOT_CONFIG, or
                                     config.toml if present) and its templates folder
       retrobot invite-url [--application-id ID]
                                     print the URL that adds the bot to a server (the id can
                                     also come from DISCORD_APPLICATION_ID)
       retrobot --version            print the version
       retrobot --help               print this help

Settings: DISCORD_TOKEN, DATABASE_URL (default sqlite://retrobot.db), DISCORD_API_URL,
RETROBOT_CONFIG (default config.toml if present), RETROBOT_LOG_FORMAT (text or json),
RUST_LOG (default info). See config.example.toml for the config file.";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Run,
    Version,
    Help,
    /// Validate the config (this file instead of `RETROBOT_CONFIG` / `config.toml`).
    CheckConfig {
        file: Option<PathBuf>,
    },
    /// Print the invite URL (the id from the flag, else `DISCORD_APPLICATION_ID`).
    InviteUrl {
        application_id: Option<String>,
    },
}

/// Reads the arguments after the program name; the error says what is wrong with them.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let command = match args.next().as_deref() {
        None => Command::Run,
        Some("--version" | "-V") => Command::Version,
        Some("--help" | "-h" | "help") => Command::Help,
        Some("check-config") => Command::CheckConfig {
            file: args.next().map(PathBuf::from),
        },
        Some("invite-url") => match args.next().as_deref() {
            None => Command::InviteUrl {
                application_id: None,
            },
            Some("--application-id") => Command::InviteUrl {
                application_id: Some(
                    args.next()
                        .ok_or("`--application-id` needs a value: the application's id")?,
                ),
            },
            Some(flag) => match flag.strip_prefix("--application-id=") {
                Some(id) => Command::InviteUrl {
                    application_id: Some(id.to_string()),
                },
                None => return Err(format!("invite-url: unknown argument `{flag}`")),
            },
        },
        Some(other) => return Err(format!("unknown argument `{other}`")),
    };
    match args.next() {
        Some(extra) => Err(format!("unexpected argument `{extra}`")),
        None => Ok(command),
    }
}

/// Carries out every command but [`Command::Run`] (which the binary does itself).
pub fn execute(command: Command) -> ExitCode {
    match command {
        Command::Run | Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("retrobot {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::CheckConfig { file } => {
            let _ = dotenvy::dotenv();
            check_config(&ConfigFileFirst {
                file: file.as_deref(),
                env: &ProcessEnv,
            })
        }
        Command::InviteUrl { application_id } => {
            let _ = dotenvy::dotenv();
            print_invite_url(application_id.or_else(|| ProcessEnv.var("DISCORD_APPLICATION_ID")))
        }
    }
}

/// The environment, except that a file named on the command line wins over `RETROBOT_CONFIG`.
struct ConfigFileFirst<'a> {
    file: Option<&'a Path>,
    env: &'a dyn Env,
}

impl Env for ConfigFileFirst<'_> {
    fn var(&self, name: &str) -> Option<String> {
        match (name, self.file) {
            ("RETROBOT_CONFIG", Some(file)) => Some(file.display().to_string()),
            _ => self.env.var(name),
        }
    }
}

fn check_config(env: &dyn Env) -> ExitCode {
    match Config::check(env) {
        Ok(check) => {
            println!("{}", ok_line(&check));
            if !check.token_set {
                eprintln!(
                    "note: DISCORD_TOKEN is not set here; the bot needs it to start (from the environment, .env, or the service's EnvironmentFile)"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("retrobot check-config: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `config.toml: OK (3 templates: a, b, c; log format text)`
fn ok_line(check: &ConfigCheck) -> String {
    let source = match &check.config_file {
        Some(file) => file.display().to_string(),
        None => "no config file (RETROBOT_CONFIG unset, no config.toml here), defaults".to_string(),
    };
    format!(
        "{source}: OK ({} templates: {}; log format {})",
        check.template_keys.len(),
        check.template_keys.join(", "),
        check.log_format.name()
    )
}

fn print_invite_url(application_id: Option<String>) -> ExitCode {
    let Some(text) = application_id else {
        eprintln!(
            "retrobot invite-url needs the application id: pass --application-id ID or set DISCORD_APPLICATION_ID.\n\
             Find it in the developer portal (https://discord.com/developers/applications): your application → General Information → Application ID.\n\
             The running bot also logs this URL at start-up."
        );
        return ExitCode::from(2);
    };
    match parse_application_id(&text) {
        Ok(id) => {
            println!("{}", invite_url(id));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("retrobot invite-url: {problem}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &str) -> Result<Command, String> {
        parse(words.split_whitespace().map(str::to_string))
    }

    #[test]
    fn reads_every_command() {
        assert_eq!(parse_words(""), Ok(Command::Run));
        assert_eq!(parse_words("-V"), Ok(Command::Version));
        assert_eq!(
            parse_words("check-config /etc/retrobot/config.toml"),
            Ok(Command::CheckConfig {
                file: Some("/etc/retrobot/config.toml".into())
            })
        );
        assert_eq!(
            parse_words("invite-url --application-id 12"),
            Ok(Command::InviteUrl {
                application_id: Some("12".into())
            })
        );
        assert_eq!(
            parse_words("invite-url --application-id=12"),
            parse_words("invite-url --application-id 12")
        );
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(parse_words("start").unwrap_err().contains("`start`"));
        assert!(parse_words("check-config a b").unwrap_err().contains("`b`"));
        assert!(parse_words("invite-url --application-id").is_err());
        assert!(parse_words("invite-url --app 1")
            .unwrap_err()
            .contains("--app"));
    }
}
