//! Anonymous check-ins at rest: after close the SQLite file (and its write-ahead log) holds no
//! secret and no member key, and rows are not in the order members' clicks wrote them; on
//! PostgreSQL the secret's table is empty and vacuumed. The threshold is kept with the retro.

use retrobot::domain::ids::MemberId;
use std::time::{Duration, Instant};

use retrobot::domain::anonymous::{member_key, MemberKey};
use retrobot::domain::retro::Retro;
use sqlx::{Connection, Row};

use super::*;

const MEMBERS: u64 = 8;

/// Opens an anonymous retro where each member votes on every statement in a burst and
/// answers a question; returns it with the secret's hex and every member key's hex.
async fn vote_in_bursts(store: &Store, channel: u64) -> (Retro, String, Vec<String>) {
    let retro = store
        .create_retro(&NewRetro {
            participation: retrobot::domain::retro::Participation::Anonymous,
            ..new_retro(channel)
        })
        .await
        .unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap());
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
    let mut keys: Vec<MemberKey> = Vec::new();
    for member in 0..MEMBERS {
        let key = member_key(
            &secret,
            retro.id,
            MemberId(900_000_000_000_000_000 + member),
        );
        for position in 0..retro.template.statements.len() {
            let option = ((member + position as u64) % 2) as usize;
            store
                .anonymous_click(retro.id, position, key, option)
                .await
                .unwrap();
        }
        store
            .save_anonymous_answer(retro.id, 0, key, Some(&format!("answer {member}")))
            .await
            .unwrap();
        keys.push(key);
    }
    (
        retro,
        secret.to_hex(),
        keys.iter().map(MemberKey::to_hex).collect(),
    )
}

async fn close(store: &Store, retro: &Retro) {
    assert!(store
        .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
        .await
        .unwrap());
    store.seal_anonymous(retro.id).await.unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Closing, RetroStatus::Closed)
        .await
        .unwrap());
}

/// (position, option) of the votes and the answers' texts, in row order.
async fn row_order(url: &str) -> (Vec<(i64, i64)>, Vec<String>) {
    let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
    let votes = sqlx::query("SELECT position, option_index FROM anonymous_votes ORDER BY rowid")
        .fetch_all(&mut conn)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("position"), r.get("option_index")))
        .collect();
    let answers = sqlx::query("SELECT content FROM anonymous_answers ORDER BY rowid")
        .fetch_all(&mut conn)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("content"))
        .collect();
    conn.close().await.unwrap();
    (votes, answers)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[tokio::test]
async fn the_sqlite_files_hold_no_secret_key_or_click_order_after_close() {
    let (store, dir) = store_support::sqlite().await;
    let path = dir.path().join("retrobot.db");
    let url = format!("sqlite://{}", path.display());
    let (retro, secret, keys) = vote_in_bursts(&store, 700).await;
    let (votes_before, answers_before) = row_order(&url).await;
    assert_eq!(votes_before.len(), MEMBERS as usize * 3);
    let read_files = || {
        let mut files = vec![std::fs::read(&path).unwrap()];
        if let Ok(wal) = std::fs::read(dir.path().join("retrobot.db-wal")) {
            files.push(wal);
        }
        files
    };
    assert!(
        read_files().iter().any(|bytes| contains(bytes, &secret)),
        "while open, the search finds the secret"
    );
    close(&store, &retro).await;

    let (votes_after, answers_after) = row_order(&url).await;
    let sorted = |mut v: Vec<(i64, i64)>| {
        v.sort_unstable();
        v
    };
    assert_eq!(sorted(votes_after.clone()), sorted(votes_before.clone()));
    assert_ne!(
        votes_after, votes_before,
        "votes keep the order of the clicks"
    );
    assert_ne!(answers_after, answers_before, "answers keep their order");

    for bytes in &read_files() {
        assert!(
            !contains(bytes, &secret),
            "the secret is still in the files"
        );
        for key in &keys {
            assert!(!contains(bytes, key), "a member key is still in the files");
        }
    }
}

#[tokio::test]
async fn the_postgres_secret_table_is_empty_and_vacuumed_after_close() {
    let Some(db) = store_support::postgres().await else {
        return;
    };
    let (retro, _, _) = vote_in_bursts(&db.store, 701).await;
    close(&db.store, &retro).await;
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let secrets: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM anonymous_secrets")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(secrets, 0);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let vacuumed: bool = sqlx::query_scalar(
            "SELECT last_vacuum IS NOT NULL AND n_dead_tup = 0 FROM pg_stat_user_tables \
             WHERE relname = 'anonymous_secrets'",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        if vacuumed {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "anonymous_secrets was not vacuumed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    conn.close().await.unwrap();
    db.drop_database().await;
}

contract!(
    the_threshold_is_kept_with_the_retro,
    |store: Store| async move {
        let retro = store
            .create_retro(&NewRetro {
                participation: retrobot::domain::retro::Participation::Anonymous,
                ..new_retro(702)
            })
            .await
            .unwrap();
        assert_eq!(retro.anonymous_min_voters, None);
        store
            .record_anonymous_min_voters(retro.id, 5)
            .await
            .unwrap();
        store
            .record_anonymous_min_voters(retro.id, 2)
            .await
            .unwrap(); // never changes again
        let read = store.retro(retro.id).await.unwrap().unwrap();
        assert_eq!(read.anonymous_min_voters, Some(5));
    }
);
