//! Test databases for the store contract: a fresh SQLite file per test, and a fresh PostgreSQL
//! database per test when `TEST_POSTGRES_URL` is set (dropped again after a passing test).

#![allow(dead_code, unused_macros, unused_imports)] // shared by several test crates, each using a part

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;

use retrobot::store::Store;
use sqlx::Connection;

pub mod audit;

/// Declares a contract test that runs `$body` (an `async` closure taking a [`Store`]) on
/// SQLite and on PostgreSQL.
macro_rules! contract {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let (store, _dir) = store_support::sqlite().await;
                ($body)(store).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(db) = store_support::postgres().await else {
                    return;
                };
                ($body)(db.store.clone()).await;
                db.drop_database().await;
            }
        }
    };
}
pub(crate) use contract;

/// A store on a new SQLite file in a temporary folder (kept alive by the returned guard).
pub async fn sqlite() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("retrobot.db").display());
    (Store::connect(&url).await.expect("sqlite store"), dir)
}

/// A store on a fresh PostgreSQL database.
pub struct PostgresDb {
    pub store: Store,
    /// The fresh database's URL.
    pub url: String,
    admin_url: String,
    name: String,
}

impl PostgresDb {
    pub async fn drop_database(self) {
        self.store.close().await;
        let mut admin = sqlx::PgConnection::connect(&self.admin_url)
            .await
            .expect("admin connection");
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut admin)
            .await
            .expect("drop test database");
    }
}

/// `None` (and a note on stderr, once) when `TEST_POSTGRES_URL` is not set; panics when it is
/// set but the server cannot be reached.
pub async fn postgres() -> Option<PostgresDb> {
    let Ok(admin_url) = std::env::var("TEST_POSTGRES_URL") else {
        static NOTE: Once = Once::new();
        NOTE.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "note: TEST_POSTGRES_URL is not set; PostgreSQL store tests were skipped"
            );
        });
        return None;
    };
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "retrobot_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros()
    );
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let url = with_database(&admin_url, &name);
    let store = Store::connect(&url).await.expect("postgres store");
    Some(PostgresDb {
        store,
        url,
        admin_url,
        name,
    })
}

/// `admin_url` with its database name replaced by `name`.
pub fn with_database(admin_url: &str, name: &str) -> String {
    let (base, query) = admin_url
        .split_once('?')
        .map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}
