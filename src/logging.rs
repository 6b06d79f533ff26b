//! Log output: the `RUST_LOG` filter (serenity kept quiet unless named) and the line format,
//! readable text or one JSON object per line (`log_format`, `RETROBOT_LOG_FORMAT`).

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

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

/// Installs the global subscriber: log lines go to standard output in `format`.
pub fn init(format: LogFormat) {
    let builder = tracing_subscriber::fmt().with_env_filter(log_filter());
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}
