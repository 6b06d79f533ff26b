//! Scheduled check-ins through the real binary: a seconds-level cron fires, posts and closes
//! itself; restarts never post an occurrence twice; an occurrence missed during downtime fires
//! once within the grace window and not beyond it; reminders count the team; bad input is
//! answered clearly.

use std::time::Duration;

use chrono::Utc;
use serde_json::json;

use crate::harness::{is_header, s, World, WAIT};

/// Fast check-ins for tests: durations down to a second.
const FAST: &str = "min_duration = \"1s\"\n";

/// Bot-posted retro headers in the fixture channel.
fn headers(w: &World) -> usize {
    w.discord
        .messages(w.fx.channel)
        .iter()
        .filter(|m| is_header(m))
        .count()
}

/// Sleeps until wall-clock `at` has passed (for tests about real downtime).
async fn pass(at: chrono::DateTime<Utc>) {
    let wait = (at - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(200)).await;
}

/// The schedule id from the confirmation ("This is schedule #3; …").
fn schedule_id(reply: &str) -> String {
    let start =
        reply.find("This is schedule #").expect("a schedule id") + "This is schedule #".len();
    reply[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn a_seconds_level_schedule_fires_posts_and_closes_itself() {
    let w = World::start_with_config(Some(FAST)).await;
    let added = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[("when", s("*/5 * * * * *")), ("duration", s("2s"))],
        )
        .await;
    assert!(added.ephemeral);
    assert!(
        added.text.contains("Scheduled **cron `*/5 * * * * *`"),
        "{}",
        added.text
    );
    assert_eq!(
        added.text.matches("<t:").count(),
        3,
        "the next three occurrences: {}",
        added.text
    );
    let id = schedule_id(&added.text);

    // The check-in is posted like /retro start (facilitator: the schedule's creator) and closes.
    let posted = w.wait_for_posts(3, 4).await;
    assert!(
        posted
            .header
            .text()
            .contains(&format!("<@{}>", w.fx.morgan)),
        "{}",
        posted.header.text()
    );
    w.discord
        .react(w.fx.bob, w.fx.channel, posted.statements[0].id, "👍");
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(summary.contains("👍 1 · 👎 0"), "{summary}");

    let listed = w.command(w.fx.bob, "retro schedule list", &[]).await;
    assert!(
        listed.text.contains(&format!("**#{id}**")) && listed.text.contains("next <t:"),
        "{}",
        listed.text
    );
    let removed = w
        .command(
            w.fx.morgan,
            "retro schedule remove",
            &[("schedule", json!(id))],
        )
        .await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    let store = w.store().await;
    let started = store.schedules_in(w.fx.guild, None).await.unwrap();
    assert!(started.is_empty());
    w.finish().await;
}

/// (check-ins started by schedules, distinct occurrences among them) in the bot's database.
async fn checkins(w: &World) -> (i64, i64) {
    let pool = sqlx::SqlitePool::connect(&w.database_url)
        .await
        .expect("open the database");
    let row: (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT occurrence_at) FROM retros WHERE schedule_id IS NOT NULL AND status != 'failed'",
    )
    .fetch_one(&pool)
    .await
    .expect("count check-ins");
    pool.close().await;
    row
}

#[tokio::test]
async fn a_restart_between_occurrences_does_not_post_twice() {
    let mut w = World::start_with_config(Some(FAST)).await;
    w.command(
        w.fx.morgan,
        "retro schedule add",
        &[("when", s("*/6 * * * * *")), ("duration", s("2s"))],
    )
    .await;
    w.wait_for_posts(3, 4).await;
    w.stop_bot().await;
    w.launch().await;
    w.discord
        .wait_until(WAIT, "a second check-in", |_| {
            (headers(&w) >= 2).then_some(())
        })
        .await;
    w.stop_bot().await;
    let (started, distinct) = checkins(&w).await;
    assert_eq!(started, distinct, "no occurrence started twice");
    assert_eq!(
        headers(&w) as i64,
        started,
        "one header per check-in, none posted twice"
    );
    w.finish().await;
}

#[tokio::test]
async fn an_occurrence_missed_during_downtime_fires_once_within_grace() {
    let mut w = World::start_with_config(Some(FAST)).await;
    w.command(
        w.fx.morgan,
        "retro schedule add",
        &[("when", s("*/4 * * * * *")), ("duration", s("1s"))],
    )
    .await;
    w.wait_for_posts(3, 4).await;
    w.stop_bot().await;
    // Stay down across at least two occurrences.
    let down_since = Utc::now();
    pass(down_since + chrono::Duration::seconds(9)).await;
    let before = headers(&w);
    w.launch().await;
    // On return the latest missed occurrence fires at once (long before the next one is due).
    w.discord
        .wait_until(WAIT, "the missed check-in", |_| {
            (headers(&w) == before + 1).then_some(())
        })
        .await;
    let store = w.store().await;
    let after_downtime = down_since + chrono::Duration::seconds(9);
    crate::harness::eventually("the schedule moved on to a future occurrence", || async {
        let schedule = &store.schedules_in(w.fx.guild, None).await.unwrap()[0];
        schedule.next_at.is_some_and(|next| next > after_downtime)
    })
    .await;
    w.stop_bot().await;
    let (started, distinct) = checkins(&w).await;
    assert_eq!(
        (started, distinct),
        (2, 2),
        "the first check-in and one for the downtime, not one per missed occurrence"
    );
    w.finish().await;
}

#[tokio::test]
async fn an_occurrence_missed_beyond_grace_is_skipped_and_logged() {
    let mut w =
        World::start_with_config(Some("min_duration = \"1s\"\nmissed_grace = \"1s\"\n")).await;
    w.command(
        w.fx.morgan,
        "retro schedule add",
        &[("when", s("*/5 * * * * *")), ("duration", s("1s"))],
    )
    .await;
    w.wait_for_posts(3, 4).await;
    w.stop_bot().await;
    let down_since = Utc::now();
    pass(down_since + chrono::Duration::seconds(7)).await;
    let back = Utc::now();
    w.launch().await;
    // The next check-in is for an occurrence after the restart, never a missed one.
    w.discord
        .wait_until(WAIT, "the next check-in", |_| {
            (headers(&w) == 2).then_some(())
        })
        .await;
    let pool = sqlx::SqlitePool::connect(&w.database_url).await.unwrap();
    let fired: Vec<(i64,)> = sqlx::query_as(
        "SELECT occurrence_at FROM retros WHERE schedule_id IS NOT NULL ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(
        fired[1].0 > back.timestamp_millis() - 1_000,
        "the second check-in is for a new occurrence"
    );
    let skipped: Vec<(String,)> = sqlx::query_as("SELECT outcome FROM occurrences")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(
        !skipped.is_empty() && skipped.iter().all(|(o,)| o == "skipped"),
        "{skipped:?}"
    );
    assert!(w
        .bot_logs()
        .contains("beyond the grace window, are skipped"));
    w.finish().await;
}

#[tokio::test]
async fn the_reminder_counts_the_team_and_mentions_who_has_not_voted() {
    let w =
        World::start_with_config(Some("min_duration = \"1s\"\nreminder_before = \"3s\"\n")).await;
    let team = w.discord.add_role(w.fx.guild, "Squad", 0);
    let members: Vec<u64> = ["Ana", "Ben", "Cem"]
        .iter()
        .map(|n| w.discord.add_member(w.fx.guild, n, &[team]))
        .collect();
    let added = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[
                ("when", s("*/10 * * * * *")),
                ("duration", s("6s")),
                ("team_role", json!(team.to_string())),
            ],
        )
        .await;
    assert!(
        added.text.contains(&format!("expecting <@&{team}>")),
        "{}",
        added.text
    );
    let posted = w.wait_for_posts(3, 4).await;
    w.discord
        .react(members[0], w.fx.channel, posted.statements[0].id, "👍");
    w.discord
        .react(w.fx.bob, w.fx.channel, posted.statements[0].id, "👍"); // not in the team
    let reminder = w
        .discord
        .wait_until(WAIT, "the reminder", |d| {
            d.messages(w.fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("⏰"))
        })
        .await;
    assert!(
        reminder.content.contains("1 of 3 have voted"),
        "{}",
        reminder.content
    );
    let nudge = w
        .discord
        .wait_until(WAIT, "the mentions", |d| {
            d.messages(w.fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("Still to vote:"))
        })
        .await;
    assert!(
        nudge.content.contains(&format!("<@{}>", members[1]))
            && nudge.content.contains(&format!("<@{}>", members[2]))
    );
    assert!(
        !nudge.content.contains(&format!("<@{}>", members[0])),
        "who voted is not nudged"
    );
    w.wait_for_summary(posted.statements[2].id).await;
    let reminders = w
        .discord
        .messages(w.fx.channel)
        .iter()
        .filter(|m| m.content.starts_with("⏰"))
        .count();
    assert_eq!(reminders, 1, "one reminder per check-in");
    w.finish().await;
}

#[tokio::test]
async fn schedule_input_is_checked_and_explained() {
    let w = World::start().await;
    let refused = w
        .command(
            w.fx.bob,
            "retro schedule add",
            &[("when", s("every monday 10:00"))],
        )
        .await;
    assert!(refused.text.contains("Manage Server"), "{}", refused.text);
    let morgan = w.fx.morgan;
    let cases: Vec<(Vec<(&str, serde_json::Value)>, &str)> = vec![
        (vec![("when", s("every funday 10:00"))], "funday"),
        (vec![("when", s("sometimes"))], "sometimes"),
        (
            vec![
                ("when", s("every monday 10:00")),
                ("timezone", s("Mars/Olympus")),
            ],
            "Mars/Olympus",
        ),
        (vec![("when", s("0 0 30 2 *"))], "never"),
        (
            vec![("when", s("every day 10:00")), ("duration", s("2d"))],
            "longer than the 1day between two occurrences",
        ),
        (
            vec![("when", s("every day 10:00")), ("template", s("nope"))],
            "There is no template called `nope`",
        ),
    ];
    for (options, expected) in cases {
        let reply = w.command(morgan, "retro schedule add", &options).await;
        assert!(reply.ephemeral);
        assert!(
            reply.text.contains(expected),
            "expected {expected:?} in {:?}",
            reply.text
        );
    }
    let elsewhere = w.discord.add_text_channel(w.fx.guild, "locked");
    w.discord
        .set_bot_permissions(elsewhere, crate::support::perms::VIEW_CHANNEL);
    let reply = w
        .command(
            morgan,
            "retro schedule add",
            &[
                ("when", s("every monday 10:00")),
                ("channel", json!(elsewhere.to_string())),
            ],
        )
        .await;
    assert!(
        reply.text.contains("missing these permissions there")
            && reply.text.contains("Send Messages"),
        "{}",
        reply.text
    );
    let ok = w
        .command(
            morgan,
            "retro schedule add",
            &[
                ("when", s("every 2 weeks on friday 16:30")),
                ("timezone", s("Europe/Berlin")),
            ],
        )
        .await;
    assert!(
        ok.text
            .contains("every 2 weeks on Friday at 16:30 (Europe/Berlin)"),
        "{}",
        ok.text
    );
    let id = schedule_id(&ok.text);
    let paused = w
        .command(morgan, "retro schedule pause", &[("schedule", json!(id))])
        .await;
    assert!(paused.text.contains("paused"), "{}", paused.text);
    let listed = w
        .command(morgan, "retro schedule list", &[("server", json!(true))])
        .await;
    assert!(listed.text.contains("paused"), "{}", listed.text);
    let resumed = w
        .command(morgan, "retro schedule resume", &[("schedule", json!(id))])
        .await;
    assert!(
        resumed.text.contains("resumed (next check-in <t:"),
        "{}",
        resumed.text
    );
    let zones = w.discord.autocomplete(
        morgan,
        w.fx.channel,
        "retro schedule add",
        &[("when", s("x")), ("timezone", s("berl"))],
        "timezone",
    );
    w.discord.wait_reply(zones, WAIT).await;
    let choices = w.discord.autocomplete_choices(zones).unwrap();
    assert!(
        choices.iter().any(|(name, _)| name == "Europe/Berlin"),
        "{choices:?}"
    );
    assert_eq!(headers(&w), 0, "nothing was posted");
    w.finish().await;
}

#[tokio::test]
async fn an_anonymous_schedule_starts_anonymous_check_ins() {
    let w = World::start_with_config(Some(FAST)).await;
    let options = [
        ("when", s("*/5 * * * * *")),
        ("duration", s("2s")),
        ("anonymous", json!(true)),
    ];
    let added = w.command(w.fx.morgan, "retro schedule add", &options).await;
    assert!(
        added.text.contains("Check-ins are anonymous."),
        "{}",
        added.text
    );
    let channel = w.fx.channel;
    let statement = w
        .discord
        .wait_until(WAIT, "an anonymous statement", |d| {
            d.messages(channel).into_iter().find(|m| {
                m.content.starts_with("**Statement")
                    && m.custom_ids().iter().any(|c| c.contains(":vote:"))
            })
        })
        .await;
    assert!(
        statement.reactions.is_empty(),
        "voted with buttons, not reactions"
    );
    w.finish().await;
}
