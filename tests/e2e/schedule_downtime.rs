//! Scheduled check-ins across restarts and downtime: never posted twice; an occurrence missed
//! while the bot was down fires once within the grace window and not beyond it.

use retrobot::domain::ids::GuildId;
use std::time::Duration;

use chrono::Utc;

use crate::harness::{s, World, WAIT};
use crate::schedules::{headers, FAST};

/// Sleeps until wall-clock `at` has passed (for tests about real downtime).
async fn pass(at: chrono::DateTime<Utc>) {
    let wait = (at - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(200)).await;
}

/// (check-ins started by schedules, distinct occurrences among them) in the bot's database,
/// counting only occurrences due before `before` (milliseconds since the epoch).
async fn checkins_before(w: &World, before: i64) -> (i64, i64) {
    let pool = sqlx::SqlitePool::connect(&w.database_url)
        .await
        .expect("open the database");
    let row: (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT occurrence_at) FROM retros WHERE schedule_id IS NOT NULL AND status != 'failed' AND occurrence_at < ?",
    )
    .bind(before)
    .fetch_one(&pool)
    .await
    .expect("count check-ins");
    pool.close().await;
    row
}

/// (check-ins started by schedules, distinct occurrences among them) in the bot's database.
async fn checkins(w: &World) -> (i64, i64) {
    checkins_before(w, i64::MAX).await
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
    // The schedule keeps firing while the test looks, so a check-in may be between its row and
    // its header at any moment: wait for a moment when every started check-in shows exactly one
    // header, and fail at once if any ever shows more.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let (started, distinct) = checkins(&w).await;
        let posted = headers(&w) as i64;
        assert_eq!(started, distinct, "no occurrence started twice");
        assert!(
            posted <= started,
            "{posted} headers for {started} check-ins: one was posted twice"
        );
        if started >= 2 && posted == started {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no second check-in with its header: {started} started, {posted} headers"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    w.stop_bot().await;
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
    let relaunched = Utc::now();
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
        let schedule = &store.schedules_in(GuildId(w.fx.guild), None).await.unwrap()[0];
        schedule.next_at.is_some_and(|next| next > after_downtime)
    })
    .await;
    w.stop_bot().await;
    // Occurrences due after the restart are ordinary ones (every 4 s, maybe one before the stop).
    let (started, distinct) = checkins_before(&w, relaunched.timestamp_millis()).await;
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
