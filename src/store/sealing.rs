//! Sealing an anonymous retro at rest: its votes and answers are read, deleted, and written
//! again as new rows in random order with fresh random keys and tokens; then the old row
//! versions are wiped from the database files.

use sqlx::{Any, Executor, Row, Transaction};

use super::random::{random_hex, shuffle};
use super::{Backend, Store, StoreResult};
use crate::domain::retro::RetroId;

/// Replaces every vote and answer row of `retro` by a new one, in random order, with fresh
/// random keys (answers also get fresh tokens). Stored text is copied as stored.
pub(super) async fn rewrite_shuffled(
    tx: &mut Transaction<'static, Any>,
    retro: RetroId,
) -> StoreResult<()> {
    let mut votes: Vec<(i64, i64)> =
        sqlx::query("SELECT position, option_index FROM anonymous_votes WHERE retro_id = $1")
            .bind(retro.0)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("position")?, row.try_get("option_index")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    sqlx::query("DELETE FROM anonymous_votes WHERE retro_id = $1")
        .bind(retro.0)
        .execute(&mut **tx)
        .await?;
    shuffle(&mut votes)?;
    for (position, option) in votes {
        sqlx::query(
            "INSERT INTO anonymous_votes (retro_id, position, voter_key, option_index) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(retro.0)
        .bind(position)
        .bind(random_hex()?)
        .bind(option)
        .execute(&mut **tx)
        .await?;
    }

    type AnswerRow = (i64, Option<String>, Option<i64>, i64);
    let mut answers: Vec<AnswerRow> = sqlx::query(
        "SELECT question, content, message_id, synced FROM anonymous_answers WHERE retro_id = $1",
    )
    .bind(retro.0)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|row| {
        Ok((
            row.try_get("question")?,
            row.try_get("content")?,
            row.try_get("message_id")?,
            row.try_get("synced")?,
        ))
    })
    .collect::<Result<_, sqlx::Error>>()?;
    sqlx::query("DELETE FROM anonymous_answers WHERE retro_id = $1")
        .bind(retro.0)
        .execute(&mut **tx)
        .await?;
    shuffle(&mut answers)?;
    for (question, content, message_id, synced) in answers {
        sqlx::query(
            "INSERT INTO anonymous_answers \
             (token, retro_id, question, author_key, content, message_id, synced) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(random_hex()?)
        .bind(retro.0)
        .bind(question)
        .bind(random_hex()?)
        .bind(content)
        .bind(message_id)
        .bind(synced)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Wipes the old versions of sealed rows: on SQLite the write-ahead log is checkpointed and
/// truncated (`secure_delete` already zeroes freed pages); on PostgreSQL the tables that held
/// the secret and the keys are vacuumed. Failures are logged: the seal itself is committed.
pub(super) async fn wipe_old_versions(store: &Store, retro: RetroId) {
    let sql = match store.backend {
        Backend::Sqlite => "PRAGMA wal_checkpoint(TRUNCATE)",
        Backend::Postgres => "VACUUM anonymous_secrets, anonymous_votes, anonymous_answers",
    };
    if let Err(e) = store.pool.execute(sql).await {
        tracing::warn!(%retro, error = %e, "could not wipe old row versions after sealing");
    }
}
