//! The `retrobot` binary: reads the command line; to run the bot it reads the configuration,
//! sets up logging and runs it.

use std::process::ExitCode;

use retrobot::cli::{self, Command};
use retrobot::config::Config;

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(problem) => {
            eprintln!("retrobot: {problem}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    if command != Command::Run {
        return cli::execute(command);
    }
    let config = match Config::load() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("retrobot: {e}");
            return ExitCode::from(2);
        }
    };
    retrobot::logging::init(config.log_format);
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
