//! Setting the bot up: templates from a folder, a clear start-up error for a bad template, the
//! token from a `.env` file, and the invite URL.

use std::process::{Command, Stdio};

use crate::harness::{s, World, WAIT};
use crate::support::{perms, BotProcess, StandIn};

const TEAM_FOCUS: &str = r#"
key = "team-focus"
name = "Team Focus Check"
description = "Are we working on what matters most?"
statements = ["We know our top priority.", "We finish what we start."]
questions = ["What pulled us away from our priority?"]
"#;

#[tokio::test]
async fn templates_from_a_folder_are_listed_and_used() {
    let w = World::start_with_files(
        Some("templates_dir = \"templates\"\n"),
        &[("templates/team-focus.toml", TEAM_FOCUS)],
    )
    .await;
    let listed = w.command(w.fx.bob, "retro templates", &[]).await;
    assert!(listed.ephemeral);
    for text in [
        "Team Focus Check",
        "`team-focus`, operator",
        "We finish what we start.",
        "Customer Obsession",
        "**Spotify Squad Health Check** (`squad-health-check`, built-in), voted 🟢 awesome · 🟡 some problems · 🔴 really bad",
        "• Teamwork: We are a totally gelled super-team with awesome collaboration!",
    ] {
        assert!(
            listed.text.contains(text),
            "lacks {text:?}: {}",
            listed.text
        );
    }
    let reply = w
        .command(w.fx.alice, "retro start", &[("template", s("team-focus"))])
        .await;
    assert!(reply.text.starts_with("Started"), "{}", reply.text);
    let posted = w.wait_for_posts(2, 1).await;
    assert!(posted.header.text().contains("Team Focus Check"));
    assert!(posted.statements[1]
        .content
        .contains("We finish what we start."));
    assert_eq!(
        posted.threads[0].name,
        "What pulled us away from our priority?"
    );
    w.finish().await;
}

#[tokio::test]
async fn an_invalid_template_stops_start_up_with_file_field_and_problem() {
    let discord = StandIn::start().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    let bad = "key = \"broken\"\nname = \"Broken\"\nstatements = [\"fine\", \"\"]\n";
    std::fs::write(dir.path().join("templates/broken.toml"), bad).unwrap();
    let config = dir.path().join("retrobot.toml");
    std::fs::write(&config, "templates_dir = \"templates\"\n").unwrap();
    let url = format!("sqlite://{}", dir.path().join("r.db").display());
    let config = config.display().to_string();
    let bot = BotProcess::spawn(&discord, &url, &[("RETROBOT_CONFIG", &config)]);
    bot.wait_log("field `statements[1]`: is empty", WAIT).await;
    let logs = bot.stop().await;
    assert!(logs.contains("broken.toml"), "{logs}");
    assert!(
        discord.sessions().is_empty(),
        "the bot never connected with a broken template"
    );
}

#[tokio::test]
async fn the_token_can_come_from_a_dotenv_file_and_is_never_logged() {
    let discord = StandIn::start().await;
    let dir = tempfile::tempdir().unwrap();
    let token = "Dot.Env-SECRET-token-for-test";
    std::fs::write(
        dir.path().join(".env"),
        format!(
            "DISCORD_TOKEN={token}\nDISCORD_API_URL={}\nDATABASE_URL=sqlite://from-env.db\n",
            discord.api_url()
        ),
    )
    .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_retrobot"))
        .env_clear()
        .env("RUST_LOG", "debug")
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    discord.wait_for_session(WAIT).await;
    assert_eq!(discord.gateway_tokens(), [format!("Bot {token}")]);
    let pid = child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    let logs = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(!logs.contains(token), "the token was logged:\n{logs}");
    assert!(logs.contains("retrobot ready"), "{logs}");
    let invite = format!(
        "permissions={}",
        perms::VIEW_CHANNEL
            | perms::SEND_MESSAGES
            | perms::EMBED_LINKS
            | perms::ADD_REACTIONS
            | perms::READ_MESSAGE_HISTORY
            | perms::CREATE_PUBLIC_THREADS
            | perms::SEND_MESSAGES_IN_THREADS
            | perms::ATTACH_FILES
    );
    assert!(
        logs.contains(&invite),
        "the invite URL asks for exactly the needed permissions:\n{logs}"
    );
    assert!(
        dir.path().join("from-env.db").exists(),
        "DATABASE_URL from .env was used"
    );
}

#[test]
fn without_a_token_the_bot_explains_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_retrobot"))
        .env_clear()
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("DISCORD_TOKEN is not set"), "{stderr}");
}
