//! The health check's write on a database that can no longer be written: it reports why.

use retrobot::ops::database_write_problem;
use sqlx::{Connection, Executor};

use super::*;

#[tokio::test]
async fn a_read_only_sqlite_database_is_reported() {
    let (store, dir) = store_support::sqlite().await;
    assert_eq!(database_write_problem(&store).await, None);
    store.close().await;
    let url = format!(
        "sqlite://{}?mode=ro",
        dir.path().join("retrobot.db").display()
    );
    let read_only = Store::connect(&url).await.expect("a read-only store");
    let problem = database_write_problem(&read_only)
        .await
        .expect("a read-only database is a problem");
    assert!(problem.contains("cannot be written"), "{problem}");
}

#[tokio::test]
async fn a_read_only_postgres_database_is_reported() {
    let Some(db) = store_support::postgres().await else {
        return;
    };
    assert_eq!(database_write_problem(&db.store).await, None);
    let name = db
        .url
        .rsplit('/')
        .next()
        .unwrap()
        .split('?')
        .next()
        .unwrap();
    let mut admin = sqlx::PgConnection::connect(&db.url).await.unwrap();
    admin
        .execute(sqlx::AssertSqlSafe(format!(
            "ALTER DATABASE {name} SET default_transaction_read_only = on"
        )))
        .await
        .unwrap();
    // The store's connections started read-write; make it reconnect.
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .await
        .unwrap();
    // A terminated connection may fail as a lost connection first; a fresh one as read-only.
    let mut problems = Vec::new();
    for _ in 0..20 {
        let problem = database_write_problem(&db.store)
            .await
            .expect("a read-only database is a problem");
        problems.push(problem);
        if problems.last().unwrap().contains("read-only") {
            break;
        }
    }
    let problem = problems.last().unwrap();
    assert!(problem.contains("read-only"), "{problems:?}");
    assert!(problem.contains("cannot be written"), "{problem}");
    admin.close().await.unwrap();
    db.drop_database().await;
}
