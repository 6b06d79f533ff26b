//! Past one machine, through the real binary and real PostgreSQL (when `TEST_POSTGRES_URL` is
//! set; skipped with a note otherwise): the whole story on PostgreSQL, two processes splitting
//! the guilds by shard, a schedule posted exactly once while one process is killed and
//! restarted, and a database outage in the middle of a retro that loses no vote.

use retrobot::domain::ids::ChannelId;
use serde_json::json;

use crate::harness::{eventually, is_header, s, World, STATEMENTS, WAIT};
use crate::store_support::{postgres, PostgresDb};
use crate::support::tcp_proxy::TcpProxy;
use crate::support::{BotProcess, StandIn};

/// A free local TCP port for the bot's health endpoint.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn the_core_story_runs_on_postgres() {
    let Some(db) = postgres().await else { return };
    let w = World::start_custom(None, &[], Some(db.url.clone()), Vec::new()).await;
    let (_, posted) = w.start_retro(&[("title", s("On Postgres"))]).await;
    let ch = w.fx.channel;
    w.discord.react(w.fx.bob, ch, posted.statements[0].id, "👍");
    w.discord
        .react(w.fx.carol, ch, posted.statements[0].id, "👍");
    w.discord
        .react(w.fx.carol, ch, posted.statements[0].id, "👎");
    w.discord.post(
        w.fx.dave,
        posted.threads[0].id,
        "A monthly customer council",
    );
    let closed = w.command(w.fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains(&format!(
            "**1. {}**\n👍 1 · 👎 1 · 50% agree · 2 participants",
            STATEMENTS[0]
        )),
        "{summary}"
    );
    assert!(
        summary.contains("> A monthly customer council\n— **Dave**"),
        "{summary}"
    );
    w.finish().await;
    db.drop_database().await;
}

/// A guild on `shard` of 2 with a channel "general" and a facilitator and a member.
fn guild_on(discord: &StandIn, shard: u32) -> (u64, u64, u64, u64) {
    let guild = discord.add_guild_on_shard(&format!("Shard {shard} guild"), shard, 2);
    let channel = discord.add_text_channel(guild, "general");
    let manager = discord.add_role(guild, "Manager", crate::support::perms::MANAGE_GUILD);
    let lead = discord.add_member(guild, "Lead", &[manager]);
    let member = discord.add_member(guild, "Member", &[]);
    (guild, channel, lead, member)
}

fn spawn_shard(discord: &StandIn, db: &PostgresDb, shard: &str, config: &str) -> BotProcess {
    BotProcess::spawn(
        discord,
        &db.url,
        &[
            ("RETROBOT_SHARDS", shard),
            ("RETROBOT_SHARD_TOTAL", "2"),
            ("RETROBOT_CONFIG", config),
        ],
    )
}

/// Bot-posted retro headers in a channel.
fn headers(discord: &StandIn, channel: u64) -> usize {
    discord
        .messages(channel)
        .iter()
        .filter(|m| is_header(m))
        .count()
}

#[tokio::test]
async fn two_processes_split_the_guilds_and_post_each_occurrence_once() {
    let Some(db) = postgres().await else { return };
    let discord = StandIn::start().await;
    let (g0, c0, lead0, member0) = guild_on(&discord, 0);
    let (g1, c1, lead1, member1) = guild_on(&discord, 1);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("retrobot.toml");
    std::fs::write(&config, "min_duration = \"1s\"\n").unwrap();
    let config = config.display().to_string();
    let a = spawn_shard(&discord, &db, "0", &config);
    let b = spawn_shard(&discord, &db, "1", &config);
    a.wait_ready(WAIT).await;
    b.wait_ready(WAIT).await;

    // A retro in each guild, each handled by the process holding its shard.
    for (channel, lead, member) in [(c0, lead0, member0), (c1, lead1, member1)] {
        let started = discord
            .wait_reply(discord.slash(lead, channel, "retro start", &[]), WAIT)
            .await;
        assert!(started.text.starts_with("Started"), "{}", started.text);
        let statement = discord
            .wait_until(WAIT, "a statement", |d| {
                d.messages(channel)
                    .into_iter()
                    .find(|m| m.content.starts_with("**Statement 1"))
            })
            .await;
        discord.react(member, channel, statement.id, "👎");
        let closed = discord
            .wait_reply(discord.slash(lead, channel, "retro close", &[]), WAIT)
            .await;
        assert!(closed.text.starts_with("Closed"), "{}", closed.text);
        let summary = discord
            .wait_until(WAIT, "the summary", |d| {
                d.messages(channel)
                    .into_iter()
                    .find(crate::harness::is_summary)
            })
            .await;
        assert!(summary.text().contains("👍 0 · 👎 1"), "{}", summary.text());
    }
    let a_logs = a.logs();
    assert!(
        a_logs.contains(&format!("guild={g0}")) && !a_logs.contains(&format!("guild={g1}")),
        "{a_logs}"
    );
    assert!(
        b.logs().contains(&format!("guild={g1}")) && !b.logs().contains(&format!("guild={g0}"))
    );

    // A schedule in shard 0's guild: both processes run, then shard 0's is killed and restarted.
    let added = discord
        .wait_reply(
            discord.slash(
                lead0,
                c0,
                "retro schedule add",
                &[("when", s("*/3 * * * * *")), ("duration", s("1s"))],
            ),
            WAIT,
        )
        .await;
    assert!(added.text.starts_with("Scheduled"), "{}", added.text);
    let before = headers(&discord, c0);
    discord
        .wait_until(WAIT, "two check-ins", |d| {
            (headers(d, c0) >= before + 2).then_some(())
        })
        .await;
    a.assert_clean_logs();
    a.kill().await;
    let a = spawn_shard(&discord, &db, "0", &config);
    a.wait_ready(WAIT).await;
    let now = headers(&discord, c0);
    discord
        .wait_until(WAIT, "check-ins after the restart", |d| {
            (headers(d, c0) >= now + 2).then_some(())
        })
        .await;
    let removed = discord
        .wait_reply(
            discord.slash(
                lead0,
                c0,
                "retro schedule remove",
                &[("schedule", json!("1"))],
            ),
            WAIT,
        )
        .await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    a.assert_clean_logs();
    b.assert_clean_logs();
    a.stop().await;
    b.stop().await;

    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT occurrence_at) FROM retros WHERE schedule_id IS NOT NULL AND status <> 'failed'",
    )
    .fetch_all(&sqlx::PgPool::connect(&db.url).await.unwrap())
    .await
    .unwrap();
    let (started, distinct) = rows[0];
    assert_eq!(started, distinct, "no occurrence started twice");
    assert_eq!(
        headers(&discord, c0) as i64,
        started + 1,
        "one header per check-in (plus the manual retro)"
    );
    assert_eq!(
        headers(&discord, c1),
        1,
        "shard 1's guild got nothing from the schedule"
    );
    db.drop_database().await;
}

#[tokio::test]
async fn a_database_outage_mid_retro_loses_no_vote() {
    let Some(db) = postgres().await else { return };
    let target: std::net::SocketAddr = {
        let rest = db.url.split("://").nth(1).unwrap();
        let host = rest
            .split('@')
            .next_back()
            .unwrap()
            .split('/')
            .next()
            .unwrap();
        tokio::net::lookup_host(host).await.unwrap().next().unwrap()
    };
    let proxy = TcpProxy::start(target).await;
    let proxied = db
        .url
        .replacen(&target.to_string(), &proxy.addr().to_string(), 1);
    assert_ne!(
        proxied, db.url,
        "the database URL names host:port: {}",
        db.url
    );
    let port = free_port();
    let env = vec![(
        "RETROBOT_METRICS_ADDR".to_string(),
        format!("127.0.0.1:{port}"),
    )];
    let w = World::start_custom(None, &[], Some(proxied), env).await;
    let health = format!("http://127.0.0.1:{port}/healthz");
    let http = reqwest::Client::new();
    let status = http.get(&health).send().await.unwrap();
    assert_eq!(status.status(), 200, "{}", status.text().await.unwrap());

    let (_, posted) = w.start_retro(&[]).await;
    let ch = w.fx.channel;
    w.discord.react(w.fx.bob, ch, posted.statements[0].id, "👍");
    proxy.cut();
    // Votes while the database is unreachable.
    w.discord
        .react(w.fx.carol, ch, posted.statements[0].id, "👎");
    w.discord
        .react(w.fx.dave, ch, posted.statements[1].id, "👍");
    w.discord
        .unreact(w.fx.bob, ch, posted.statements[0].id, "👍");
    w.discord.react(w.fx.bob, ch, posted.statements[0].id, "👎");
    eventually(
        "the health check reports the database unreachable",
        || async {
            let answer = http.get(&health).send().await.unwrap();
            answer.status() == 503
                && answer
                    .text()
                    .await
                    .unwrap()
                    .contains("\"database\":\"unreachable\"")
        },
    )
    .await;
    let status = w.command(w.fx.alice, "retro status", &[]).await;
    assert!(
        status.text.contains("database problem"),
        "a clear answer meanwhile: {}",
        status.text
    );
    let metrics_url = format!("http://127.0.0.1:{port}/metrics");
    let database_errors = |text: String| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix("retrobot_database_errors_total "))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    eventually("the outage shows in the metrics", || async {
        database_errors(
            http.get(&metrics_url)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        ) > 0
    })
    .await;
    proxy.restore();
    eventually("the health check recovers", || async {
        http.get(&health).send().await.unwrap().status() == 200
    })
    .await;
    let store = retrobot::store::Store::connect(&db.url).await.unwrap();
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    eventually("every vote is recorded", || async {
        store.participation(retro.id).await.unwrap().voters == 3
    })
    .await;
    let metrics = http
        .get(&metrics_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("retrobot_votes_recorded_total 5"),
        "{metrics}"
    );
    assert!(metrics.contains("retrobot_retros_open 1"), "{metrics}");
    w.command(w.fx.alice, "retro close", &[]).await;
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains(&format!("**1. {}**\n👍 0 · 👎 2", STATEMENTS[0])),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("**2. {}**\n👍 1 · 👎 0", STATEMENTS[1])),
        "{summary}"
    );
    w.finish().await;
    drop(store);
    db.drop_database().await;
}
