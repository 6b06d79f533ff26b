//! The binary's command line as an operator uses it: `--version`, `check-config` on a good
//! config and on broken ones (exit code, file, field, problem), `invite-url`, and log lines
//! in JSON.
mod support;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use support::{BotProcess, StandIn};

/// Runs `retrobot args…` in `dir` with only `env` set.
fn retrobot(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_retrobot"))
        .env_clear()
        .envs(env.iter().copied())
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run the retrobot binary")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `retrobot check-config FILE` where FILE holds `config` (and `templates/` the given files);
/// asserts it fails with exit code 1 and returns what it printed on stderr.
fn check_config_fails(config: &str, templates: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    if !templates.is_empty() {
        std::fs::create_dir(dir.path().join("templates")).unwrap();
    }
    for (name, text) in templates {
        std::fs::write(dir.path().join("templates").join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("broken.toml"), config).unwrap();
    let out = retrobot(dir.path(), &["check-config", "broken.toml"], &[]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing on stdout for a broken config");
    stderr(&out)
}

#[test]
fn version_names_the_crate_version() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--version", "-V"] {
        let out = retrobot(dir.path(), &[flag], &[]);
        assert!(out.status.success());
        assert_eq!(
            stdout(&out),
            format!("retrobot {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    let out = retrobot(dir.path(), &["--help"], &[]);
    assert!(stdout(&out).contains("check-config") && stdout(&out).contains("invite-url"));
    let out = retrobot(dir.path(), &["frobnicate"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown argument `frobnicate`"));
}

#[test]
fn check_config_accepts_the_example_and_a_templates_folder() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let out = retrobot(
        dir.path(),
        &["check-config", example.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("config.example.toml: OK"), "{said}");
    assert!(said.contains("customer-obsession"), "{said}");
    assert!(stderr(&out).contains("DISCORD_TOKEN is not set"));

    // config.toml in the working folder, found without arguments, with its templates.
    std::fs::create_dir(dir.path().join("teams")).unwrap();
    std::fs::write(
        dir.path().join("teams/focus.toml"),
        "key = \"team-focus\"\nname = \"Team Focus\"\nstatements = [\"We know our priority.\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "templates_dir = \"teams\"\ndefault_template = \"team-focus\"\nlog_format = \"json\"\n",
    )
    .unwrap();
    let out = retrobot(dir.path(), &["check-config"], &[("DISCORD_TOKEN", "x")]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let said = stdout(&out);
    assert!(said.starts_with("config.toml: OK"), "{said}");
    assert!(
        said.contains("team-focus") && said.contains("log format json"),
        "{said}"
    );
    assert_eq!(stderr(&out), "", "no note when the token is set");
}

#[test]
fn check_config_names_file_line_and_problem_of_bad_toml() {
    let err = check_config_fails(
        "facilitator_role = \"Retro Lead\"\nmin_duration = \"1s\n",
        &[],
    );
    assert!(err.contains("broken.toml"), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn check_config_names_an_unknown_field() {
    let err = check_config_fails("\nfacilitator_roel = \"Retro Lead\"\n", &[]);
    assert!(err.contains("broken.toml"), "{err}");
    assert!(
        err.contains("line 2") && err.contains("unknown field `facilitator_roel`"),
        "{err}"
    );
}

#[test]
fn check_config_names_a_field_with_a_bad_value() {
    let err = check_config_fails("min_duration = \"soon\"\n", &[]);
    assert!(
        err.contains("broken.toml") && err.contains("min_duration"),
        "{err}"
    );
    let err = check_config_fails("log_format = \"yaml\"\n", &[]);
    assert!(
        err.contains("log_format") && err.contains("`yaml` is not `text` or `json`"),
        "{err}"
    );
    let err = check_config_fails("default_template = \"nope\"\n", &[]);
    assert!(
        err.contains("default_template") && err.contains("`nope`"),
        "{err}"
    );
}

#[test]
fn check_config_names_the_template_file_field_and_problem() {
    let bad = "key = \"team\"\nname = \"Team\"\nstatements = []\n";
    let err = check_config_fails("templates_dir = \"templates\"\n", &[("team.toml", bad)]);
    assert!(err.contains("team.toml"), "{err}");
    assert!(err.contains("field `statements`"), "{err}");
    assert!(err.contains("needs 1 to"), "{err}");

    let broken = "key = \"team\"\nname = \"Team\nstatements = [\"x\"]\n";
    let err = check_config_fails("templates_dir = \"templates\"\n", &[("team.toml", broken)]);
    assert!(err.contains("team.toml") && err.contains("line 2"), "{err}");

    let err = check_config_fails("templates_dir = \"missing\"\n", &[]);
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn check_config_of_a_file_that_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let out = retrobot(dir.path(), &["check-config", "nowhere.toml"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere.toml"), "{}", stderr(&out));
}

#[test]
fn invite_url_from_the_flag_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let expected = "https://discord.com/oauth2/authorize?client_id=1234567890&scope=bot%20applications.commands&permissions=309237763136\n";
    let out = retrobot(
        dir.path(),
        &["invite-url", "--application-id", "1234567890"],
        &[],
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    assert_eq!(stdout(&out), expected);
    let out = retrobot(
        dir.path(),
        &["invite-url"],
        &[("DISCORD_APPLICATION_ID", "1234567890")],
    );
    assert_eq!(stdout(&out), expected);

    let out = retrobot(dir.path(), &["invite-url"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("--application-id") && err.contains("DISCORD_APPLICATION_ID"),
        "{err}"
    );
    let out = retrobot(
        dir.path(),
        &["invite-url", "--application-id", "my-bot"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`my-bot`"));
}

#[tokio::test]
async fn json_log_lines_parse_and_never_hold_the_token() {
    let standin = StandIn::start().await;
    let db = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", db.path().join("bot.db").display());
    let bot = BotProcess::spawn(&standin, &url, &[("RETROBOT_LOG_FORMAT", "json")]);
    bot.wait_ready(Duration::from_secs(60)).await;
    let token = bot.token().to_string();
    let logs = bot.stop().await;
    assert!(!logs.contains(&token), "the token is in the log");
    let mut ready = false;
    for line in logs.lines().filter(|l| !l.trim().is_empty()) {
        let entry: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("a log line is not JSON ({e}): {line}"));
        assert!(entry["timestamp"].is_string(), "{line}");
        assert!(entry["level"].is_string(), "{line}");
        ready |= entry["message"]
            .as_str()
            .is_some_and(|m| m.contains("retrobot ready"));
    }
    assert!(ready, "no JSON line says the bot is ready:\n{logs}");
}
