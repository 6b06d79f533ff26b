//! The end-to-end harness: a stand-in Discord with the default fixture, the real `retrobot`
//! binary connected to it, and helpers that read what users see (the retro's posts, replies,
//! the summary).

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::{BotProcess, Fixture, MessageView, Reply, StandIn, ThreadView};

/// Deadline for anything a user waits for; generous for a busy 2-core machine.
pub const WAIT: Duration = Duration::from_secs(60);

/// The template's exact wording (also checked in the domain's unit tests).
pub const STATEMENTS: [&str; 3] = [
    "As a team, we have direct contact with our customers.",
    "As a team, we maintain a trusting and cooperative relationship with our customers.",
    "We scrutinize the intended customer benefit for every task.",
];
pub const QUESTIONS: [&str; 4] = [
    "What communication channels do we as a team have with our customers?",
    "Which decisions should we have discussed or reconsidered with customer satisfaction as our top priority?",
    "For which of our topics was or is the customer benefit still too unclear?",
    "What risks are there that could jeopardize the trust of our customers?",
];

/// A running world: stand-in, fixture, database, bot.
pub struct World {
    pub discord: StandIn,
    pub fx: Fixture,
    /// Holds the database and config files for the world's lifetime.
    _dir: tempfile::TempDir,
    pub database_url: String,
    pub config_path: Option<PathBuf>,
    bot: Option<BotProcess>,
    /// Logs of bot processes that were stopped or killed.
    pub old_logs: Vec<String>,
    /// Extra environment variables for the bot.
    env: Vec<(String, String)>,
}

/// The posts of one retro as members see them.
#[derive(Clone, Debug)]
pub struct PostedRetro {
    pub header: MessageView,
    pub statements: Vec<MessageView>,
    pub threads: Vec<ThreadView>,
}

impl World {
    /// A stand-in with the default fixture and a bot that is ready.
    pub async fn start() -> World {
        World::start_with_config(None).await
    }

    /// Like [`World::start`], with a config file holding `config` (TOML).
    pub async fn start_with_config(config: Option<&str>) -> World {
        World::start_with_files(config, &[]).await
    }

    /// Like [`World::start_with_config`], with extra files (relative path, content) written
    /// beside the config file first.
    pub async fn start_with_files(config: Option<&str>, files: &[(&str, &str)]) -> World {
        World::start_custom(config, files, None, Vec::new()).await
    }

    /// The most general start: a config file and files beside it, a database (default: a new
    /// SQLite file), and extra environment variables for the bot.
    pub async fn start_custom(
        config: Option<&str>,
        files: &[(&str, &str)],
        database_url: Option<String>,
        env: Vec<(String, String)>,
    ) -> World {
        World::start_prepared(config, files, database_url, env, |_| {}).await
    }

    /// Like [`World::start_custom`], with `prepare` setting up the stand-in before the bot
    /// connects (refusing an intent, a token…).
    pub async fn start_prepared(
        config: Option<&str>,
        files: &[(&str, &str)],
        database_url: Option<String>,
        env: Vec<(String, String)>,
        prepare: impl FnOnce(&StandIn),
    ) -> World {
        let (discord, fx) = StandIn::start_default().await;
        prepare(&discord);
        let dir = tempfile::tempdir().expect("temp dir");
        for (path, content) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("a parent folder"))
                .expect("create folder");
            std::fs::write(path, content).expect("write file");
        }
        let database_url = database_url
            .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("retrobot.db").display()));
        let config_path = config.map(|text| {
            let path = dir.path().join("retrobot.toml");
            std::fs::write(&path, text).expect("write config");
            path
        });
        let mut world = World {
            discord,
            fx,
            _dir: dir,
            database_url,
            config_path,
            bot: None,
            old_logs: Vec::new(),
            env,
        };
        world.launch().await;
        world
    }

    /// Starts the bot process and waits until it reports ready.
    pub async fn launch(&mut self) {
        let config = self.config_path.as_ref().map(|p| p.display().to_string());
        let mut env: Vec<(&str, &str)> = config
            .iter()
            .map(|p| ("RETROBOT_CONFIG", p.as_str()))
            .collect();
        env.extend(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let bot = BotProcess::spawn(&self.discord, &self.database_url, &env);
        bot.wait_ready(WAIT).await;
        self.bot = Some(bot);
    }

    /// Everything the bot logged so far, across restarts.
    pub fn bot_logs(&self) -> String {
        let mut logs = self.old_logs.join("\n");
        if let Some(bot) = &self.bot {
            logs.push_str(&bot.logs());
        }
        logs
    }

    /// Stops the bot gracefully (SIGTERM), keeping its log.
    pub async fn stop_bot(&mut self) {
        let bot = self.bot.take().expect("the bot is running");
        bot.assert_clean_logs();
        self.old_logs.push(bot.stop().await);
    }

    /// Kills the bot at once, like a crash.
    pub async fn kill_bot(&mut self) {
        let bot = self.bot.take().expect("the bot is running");
        bot.assert_clean_logs();
        self.old_logs.push(bot.kill().await);
    }

    /// The bot's database, opened alongside it (SQLite allows a second reader).
    pub async fn store(&self) -> retrobot::store::Store {
        retrobot::store::Store::connect(&self.database_url)
            .await
            .expect("open the bot's database")
    }

    /// Runs a slash command in the fixture's channel and waits for the visible answer.
    pub async fn command(&self, user: u64, command: &str, options: &[(&str, Value)]) -> Reply {
        let id = self.discord.slash(user, self.fx.channel, command, options);
        self.discord.wait_reply(id, WAIT).await
    }

    /// `/retro start` by Alice with `options`; returns the answer and the posts once complete.
    pub async fn start_retro(&self, options: &[(&str, Value)]) -> (Reply, PostedRetro) {
        let reply = self.command(self.fx.alice, "retro start", options).await;
        assert!(
            reply.ephemeral,
            "the start confirmation is only for the facilitator: {reply:?}"
        );
        assert!(
            reply.text.starts_with("Started"),
            "start failed: {}",
            reply.text
        );
        let posted = self.wait_for_posts(3, 4).await;
        (reply, posted)
    }

    /// `/retro start` by Alice of a template voted with `scale`; returns the answer and the
    /// posts once complete.
    pub async fn start_retro_on(
        &self,
        options: &[(&str, Value)],
        scale: &[&str],
        statements: usize,
        questions: usize,
    ) -> (Reply, PostedRetro) {
        let reply = self.command(self.fx.alice, "retro start", options).await;
        assert!(
            reply.text.starts_with("Started"),
            "start failed: {}",
            reply.text
        );
        let posted = self.wait_for_posts_on(scale, statements, questions).await;
        (reply, posted)
    }

    /// Waits until the newest retro in the channel has its header, `statements` statement
    /// messages with 👍 and 👎 added by the bot, and `questions` joined threads with their
    /// question inside.
    pub async fn wait_for_posts(&self, statements: usize, questions: usize) -> PostedRetro {
        self.wait_for_posts_on(&["👍", "👎"], statements, questions)
            .await
    }

    /// Like [`World::wait_for_posts`] for a template voted with the emoji of `scale`.
    pub async fn wait_for_posts_on(
        &self,
        scale: &[&str],
        statements: usize,
        questions: usize,
    ) -> PostedRetro {
        self.wait_for_posts_in(self.fx.channel, scale, statements, questions)
            .await
    }

    /// Like [`World::wait_for_posts_on`] for the newest retro in `channel`.
    pub async fn wait_for_posts_in(
        &self,
        channel: u64,
        scale: &[&str],
        statements: usize,
        questions: usize,
    ) -> PostedRetro {
        let bot_id = self.discord.bot_user_id();
        self.discord
            .wait_until(WAIT, "the retro's posts", |d| {
                let messages = d.messages(channel);
                let header_at = messages
                    .iter()
                    .rposition(|m| m.author_id == bot_id && is_header(m))?;
                let header = messages[header_at].clone();
                let stmts: Vec<MessageView> = messages[header_at..]
                    .iter()
                    .filter(|m| m.author_id == bot_id && m.content.starts_with("**Statement"))
                    .cloned()
                    .collect();
                let reacted = stmts
                    .iter()
                    .all(|m| scale.iter().all(|emoji| m.reactors(emoji) == [bot_id]));
                if stmts.len() != statements || !reacted {
                    return None;
                }
                let threads: Vec<ThreadView> = d
                    .threads(channel)
                    .into_iter()
                    .filter(|t| t.id > header.id)
                    .collect();
                let complete = threads
                    .iter()
                    .all(|t| t.bot_is_member && !d.messages(t.id).is_empty());
                (threads.len() == questions && complete).then_some(PostedRetro {
                    header,
                    statements: stmts,
                    threads,
                })
            })
            .await
    }

    /// Waits for a summary message (title containing "Summary") after `after` and returns the
    /// text of all its parts.
    pub async fn wait_for_summary(&self, after: u64) -> String {
        self.wait_for_summary_parts(after)
            .await
            .iter()
            .map(MessageView::text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Waits for a complete summary after `after` and returns its messages.
    pub async fn wait_for_summary_parts(&self, after: u64) -> Vec<MessageView> {
        let channel = self.fx.channel;
        self.discord
            .wait_until(WAIT, "the summary", |d| {
                let parts: Vec<MessageView> = d
                    .messages(channel)
                    .into_iter()
                    .filter(|m| m.id > after && is_summary(m))
                    .collect();
                let complete = parts.last().is_some_and(|last| {
                    let footer = last.text();
                    !footer.contains("Part ") || parts.len() == part_count(&footer)
                });
                (complete && !parts.is_empty()).then_some(parts)
            })
            .await
    }

    /// Stops the bot and checks it never logged an unparseable event or the token, and that
    /// it made no request the stand-in did not expect.
    pub async fn finish(mut self) {
        if let Some(bot) = self.bot.take() {
            bot.assert_clean_logs();
            bot.stop().await;
        }
        let unexpected = self.discord.unexpected_requests();
        assert!(
            unexpected.is_empty(),
            "unexpected requests: {unexpected:#?}"
        );
        self.discord.assert_healthy();
    }
}

pub fn is_header(m: &MessageView) -> bool {
    m.embeds
        .first()
        .and_then(|e| e["title"].as_str())
        .is_some_and(|t| t.contains("Health Check") || t.contains("Check"))
        && m.embeds[0]["description"]
            .as_str()
            .is_some_and(|d| d.contains("How to take part"))
}

pub fn is_summary(m: &MessageView) -> bool {
    m.embeds
        .first()
        .and_then(|e| e["title"].as_str())
        .is_some_and(|t| t.contains("Summary"))
}

fn part_count(text: &str) -> usize {
    text.rsplit("Part ")
        .next()
        .and_then(|rest| rest.split(" of ").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1)
}

/// Polls `check` until it holds (every 50 ms, up to [`WAIT`]); for state that is only
/// visible by asking, such as the database.
pub async fn eventually<F, Fut>(what: &str, check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting until {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A string option value.
pub fn s(value: &str) -> Value {
    json!(value)
}
