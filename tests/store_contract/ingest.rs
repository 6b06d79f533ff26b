//! The vote writer on a real database: a change the database rejects is skipped while the
//! rest of its batch is committed, and during an outage longer than the queue lasts memory
//! stays bounded and the retro is flagged to be re-read from Discord.

use retrobot::domain::ids::{MemberId, MessageId};
use std::time::{Duration, Instant};

use retrobot::domain::retro::RetroId;
use retrobot::ingest::{Ingest, IngestLimits};
use sqlx::{Connection, Executor};

use super::*;

fn vote(retro: RetroId, voter: u64) -> Change {
    Change::MarkAdded {
        retro,
        position: (voter % 3) as usize,
        voter: MemberId(voter),
        option: (voter % 2) as usize,
    }
}

/// Waits (generously) until `condition` holds.
async fn wait_until<F: std::future::Future<Output = bool>>(what: &str, condition: impl Fn() -> F) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !condition().await {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

contract!(
    a_rejected_reply_does_not_block_its_batch,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(600)).await.unwrap().id;
        let ingest = Ingest::spawn(store.clone());
        let now = Instant::now();
        let nul_reply = Reply {
            message_id: MessageId(61),
            question: 0,
            author_id: MemberId(7),
            author_name: "Ann".into(),
            content: "a NUL \0 inside".into(),
        };
        for voter in 1_000..1_025 {
            ingest.submit(vote(retro, voter), now);
        }
        // A reply for a retro that does not exist: the database refuses it (foreign key).
        ingest.submit(
            Change::ReplyWritten {
                retro: RetroId(987_654),
                reply: Reply {
                    message_id: MessageId(60),
                    ..nul_reply.clone()
                },
            },
            now,
        );
        ingest.submit(
            Change::ReplyWritten {
                retro,
                reply: nul_reply.clone(),
            },
            now,
        );
        for voter in 1_025..1_050 {
            ingest.submit(vote(retro, voter), now);
        }
        ingest.flush().await;
        let marks = store.marks(retro).await.unwrap();
        assert_eq!(marks.len(), 50, "every good vote is counted");
        assert_eq!(store.replies(retro).await.unwrap(), vec![nul_reply]);
        let counters = &ingest.counters;
        assert_eq!(
            counters.rejected.load(std::sync::atomic::Ordering::Relaxed),
            1
        );
        assert_eq!(
            counters.marks.load(std::sync::atomic::Ordering::Relaxed),
            50
        );
        assert_eq!(ingest.queued(), 0);
        ingest.stop().await;
    }
);

/// Holds the database's write lock (SQLite) or an exclusive lock on the votes' table
/// (PostgreSQL) on a connection of its own, until rolled back.
enum Blocker {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Blocker {
    async fn block(url: &str) -> Blocker {
        if url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
            conn.execute("BEGIN IMMEDIATE").await.unwrap();
            Blocker::Sqlite(conn)
        } else {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            conn.execute("BEGIN").await.unwrap();
            conn.execute("LOCK TABLE reactions IN ACCESS EXCLUSIVE MODE")
                .await
                .unwrap();
            Blocker::Postgres(conn)
        }
    }

    /// Whether the writer has hit the blocked database (failed on SQLite, waiting on
    /// PostgreSQL).
    async fn writer_blocked(&mut self, ingest: &Ingest) -> bool {
        match self {
            Blocker::Sqlite(_) => {
                ingest
                    .counters
                    .commit_failures
                    .load(std::sync::atomic::Ordering::Relaxed)
                    > 0
            }
            Blocker::Postgres(conn) => {
                let waiting: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM pg_stat_activity \
                     WHERE datname = current_database() AND wait_event_type = 'Lock'",
                )
                .fetch_one(&mut *conn)
                .await
                .unwrap();
                waiting > 0
            }
        }
    }

    async fn release(self) {
        match self {
            Blocker::Sqlite(mut conn) => conn.execute("ROLLBACK").await.map(drop),
            Blocker::Postgres(mut conn) => conn.execute("ROLLBACK").await.map(drop),
        }
        .unwrap();
    }
}

async fn an_outage_longer_than_the_queue(store: Store, url: String) {
    let retro = store.create_retro(&new_retro(610)).await.unwrap().id;
    let other = store.create_retro(&new_retro(611)).await.unwrap().id;
    let limits = IngestLimits {
        max_queued: 20,
        max_flagged: 100,
    };
    let ingest = Ingest::spawn_with_limits(store.clone(), limits);
    let blocker = tokio::sync::Mutex::new(Blocker::block(&url).await);
    let now = Instant::now();
    ingest.submit(vote(other, 1), now);
    wait_until("the writer hits the blocked database", || async {
        blocker.lock().await.writer_blocked(&ingest).await
    })
    .await;
    for voter in 2_000..2_100 {
        ingest.submit(vote(retro, voter), now);
        assert!(ingest.queued() <= limits.max_queued, "memory stays bounded");
    }
    let dropped = ingest
        .counters
        .dropped
        .load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(dropped, 81, "1 + 19 changes fit, the other 81 are dropped");
    assert!(store.retros_needing_reread().await.unwrap().is_empty());

    blocker.into_inner().release().await;
    ingest.flush().await;
    ingest.submit(vote(retro, 3_000), Instant::now());
    ingest.flush().await;
    assert_eq!(store.marks(other).await.unwrap().len(), 1);
    assert_eq!(
        store.marks(retro).await.unwrap().len(),
        20,
        "what fitted in the queue, and what came after"
    );
    assert_eq!(
        store.retros_needing_reread().await.unwrap(),
        vec![retro],
        "the retro that lost changes is flagged to be re-read from Discord"
    );
    assert_eq!(ingest.queued(), 0);
    ingest.stop().await;
}

#[tokio::test]
async fn an_outage_longer_than_the_queue_sqlite() {
    let (store, dir) = store_support::sqlite().await;
    let url = format!("sqlite://{}", dir.path().join("retrobot.db").display());
    an_outage_longer_than_the_queue(store, url).await;
}

#[tokio::test]
async fn an_outage_longer_than_the_queue_postgres() {
    let Some(db) = store_support::postgres().await else {
        return;
    };
    an_outage_longer_than_the_queue(db.store.clone(), db.url.clone()).await;
    db.drop_database().await;
}
