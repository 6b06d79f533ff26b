//! Tests of loading the configuration from a file and a fake environment.

use super::*;
use secrecy::ExposeSecret;
use std::collections::HashMap;

struct FakeEnv(HashMap<&'static str, String>);

impl Env for FakeEnv {
    fn var(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }
}

fn env(pairs: &[(&'static str, &str)]) -> FakeEnv {
    FakeEnv(pairs.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

#[test]
fn token_is_required_and_never_printed() {
    assert!(matches!(
        Config::from_env(&env(&[])),
        Err(ConfigError::MissingToken)
    ));
    let config = Config::from_env(&env(&[("DISCORD_TOKEN", "very-secret-token")])).unwrap();
    assert_eq!(config.discord_token.expose_secret(), "very-secret-token");
    assert!(!format!("{config:?}").contains("very-secret-token"));
    assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
    assert_eq!(config.default_template, "customer-obsession");
}

#[test]
fn file_settings_and_templates_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/team.toml"),
        "key = \"team\"\nname = \"Team check\"\nstatements = [\"We ship.\"]\n",
    )
    .unwrap();
    let config_path = dir.path().join("retrobot.toml");
    std::fs::write(
        &config_path,
        "templates_dir = \"templates\"\nfacilitator_role = \"Retro Lead\"\nmin_duration = \"1s\"\ndatabase_url = \"sqlite://file.db\"\n",
    )
    .unwrap();
    let path = config_path.to_str().unwrap();
    let config = Config::from_env(&env(&[
        ("DISCORD_TOKEN", "t"),
        ("RETROBOT_CONFIG", path),
        ("DATABASE_URL", "sqlite://env-wins.db"),
    ]))
    .unwrap();
    assert!(config.templates.get("team").is_some());
    assert_eq!(config.facilitator_role.as_deref(), Some("Retro Lead"));
    assert_eq!(config.durations.min, Duration::from_secs(1));
    assert_eq!(config.database_url, "sqlite://env-wins.db");

    std::fs::write(
        dir.path().join("templates/zz-bad.toml"),
        "key = \"bad\"\nname = \"x\"\nstatements = []\n",
    )
    .unwrap();
    let err =
        Config::from_env(&env(&[("DISCORD_TOKEN", "t"), ("RETROBOT_CONFIG", path)])).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("zz-bad.toml") && text.contains("`statements`"),
        "{text}"
    );
}

#[test]
fn shards_come_from_the_environment() {
    let config = Config::from_env(&env(&[
        ("DISCORD_TOKEN", "t"),
        ("RETROBOT_SHARDS", "0-1"),
        ("RETROBOT_SHARD_TOTAL", "4"),
    ]))
    .unwrap();
    assert_eq!(
        config.shards,
        ShardPlan::Range {
            first: 0,
            last: 1,
            total: 4
        }
    );
}

#[test]
fn unknown_settings_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "facilitator_roel = \"x\"\n").unwrap();
    let err = Config::from_env(&env(&[
        ("DISCORD_TOKEN", "t"),
        ("RETROBOT_CONFIG", path.to_str().unwrap()),
    ]))
    .unwrap_err();
    assert!(err.to_string().contains("facilitator_roel"), "{err}");
}

#[test]
fn anonymous_threshold_defaults_to_3_and_is_at_least_2() {
    let config = Config::from_env(&env(&[("DISCORD_TOKEN", "t")])).unwrap();
    assert_eq!(config.anonymous_min_voters, 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let load = |text: &str| {
        std::fs::write(&path, text).unwrap();
        Config::from_env(&env(&[
            ("DISCORD_TOKEN", "t"),
            ("RETROBOT_CONFIG", path.to_str().unwrap()),
        ]))
    };
    assert_eq!(
        load("anonymous_min_voters = 5\n")
            .unwrap()
            .anonymous_min_voters,
        5
    );
    let err = load("anonymous_min_voters = 1\n").unwrap_err().to_string();
    assert!(
        err.contains("anonymous_min_voters") && err.contains("at least 2"),
        "{err}"
    );
}

#[test]
fn log_format_from_file_and_environment_which_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "log_format = \"json\"\n").unwrap();
    let file = path.to_str().unwrap();
    let load = |extra: &[(&'static str, &str)]| {
        let mut pairs = vec![("DISCORD_TOKEN", "t"), ("RETROBOT_CONFIG", file)];
        pairs.extend_from_slice(extra);
        Config::from_env(&env(&pairs))
    };
    assert_eq!(load(&[]).unwrap().log_format, LogFormat::Json);
    let text = load(&[("RETROBOT_LOG_FORMAT", "TEXT")]).unwrap();
    assert_eq!(text.log_format, LogFormat::Text);
    assert_eq!(text.config_file.as_deref(), Some(path.as_path()));
    let err = load(&[("RETROBOT_LOG_FORMAT", "xml")])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("RETROBOT_LOG_FORMAT") && err.contains("`xml`"),
        "{err}"
    );
    assert_eq!(
        Config::from_env(&env(&[("DISCORD_TOKEN", "t")]))
            .unwrap()
            .log_format,
        LogFormat::Text
    );
}

#[test]
fn check_validates_everything_but_needs_no_token() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "default_template = \"squad-health-check\"\n").unwrap();
    let file = path.to_str().unwrap();
    let check = Config::check(&env(&[("RETROBOT_CONFIG", file)])).unwrap();
    assert!(!check.token_set);
    assert_eq!(check.config_file.as_deref(), Some(path.as_path()));
    assert!(check
        .template_keys
        .contains(&"squad-health-check".to_string()));

    std::fs::write(&path, "# defaults\n\nmissed_grace = 5\n").unwrap();
    let err = Config::check(&env(&[("RETROBOT_CONFIG", file)]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("c.toml") && err.contains("line 3, `missed_grace`: invalid type"),
        "{err}"
    );
}
