//! The `retrobot` binary: reads the configuration, sets up logging, runs the bot.

use std::process::ExitCode;

use retrobot::config::Config;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "retrobot — team health-check retrospectives on Discord

Usage: retrobot            run the bot (needs DISCORD_TOKEN in the environment or .env)
       retrobot --version  print the version

Settings: DISCORD_TOKEN, DATABASE_URL (default sqlite://retrobot.db), DISCORD_API_URL,
RETROBOT_CONFIG (default config.toml if present), RUST_LOG (default info).";

/// `RUST_LOG` (default `info`). Serenity's own spans are kept at `warn` unless `RUST_LOG` names
/// serenity: at `info` they format every gateway event with `Debug`, which costs more CPU than
/// handling the event.
fn log_filter() -> EnvFilter {
    let mut directives = std::env::var("RUST_LOG").unwrap_or_else(|_| "info".to_string());
    if !directives.contains("serenity") {
        directives.push_str(",serenity=warn");
    }
    EnvFilter::try_new(&directives).unwrap_or_else(|e| {
        eprintln!("retrobot: ignoring RUST_LOG ({e}); logging at info");
        EnvFilter::new("info,serenity=warn")
    })
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        None => {}
        Some("--version" | "-V") => {
            println!("retrobot {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("--help" | "-h") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("unknown argument `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let config = match Config::load() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("retrobot: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(log_filter())
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(retrobot::discord::run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("retrobot stopped: {e:#}");
            ExitCode::FAILURE
        }
    }
}
