//! Replies written in question threads: applied in order as they arrive, read back for the
//! summary, and reconciled with the messages Discord lists.

use std::collections::{HashMap, HashSet};

use sqlx::{Any, Row, Transaction};

use super::text::{from_db, to_db};
use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::ids::MessageId;
use crate::domain::live::Change;
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;

const UPSERT_REPLY: &str = "INSERT INTO replies (message_id, retro_id, question, author_id, author_name, content, edited_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO UPDATE SET \
     content = excluded.content, edited_at = excluded.edited_at";

/// Applies one reply change (reaction changes are handled elsewhere and ignored here).
pub(super) async fn apply_reply_change(
    tx: &mut Transaction<'static, Any>,
    seq: i64,
    change: &Change,
) -> StoreResult<()> {
    match change {
        Change::ReplyWritten { retro, reply } => {
            sqlx::query(UPSERT_REPLY)
                .bind(id_to_db(reply.message_id))
                .bind(retro.0)
                .bind(reply.question as i64)
                .bind(id_to_db(reply.author_id))
                .bind(to_db(&reply.author_name))
                .bind(to_db(&reply.content))
                .bind(seq)
                .execute(&mut **tx)
                .await?;
        }
        Change::ReplyEdited {
            retro,
            message_id,
            content,
        } => {
            sqlx::query("UPDATE replies SET content = $1, edited_at = $2 WHERE message_id = $3 AND retro_id = $4")
                .bind(to_db(content))
                .bind(seq)
                .bind(id_to_db(*message_id))
                .bind(retro.0)
                .execute(&mut **tx)
                .await?;
        }
        Change::ReplyDeleted { retro, message_id } => {
            sqlx::query("DELETE FROM replies WHERE message_id = $1 AND retro_id = $2")
                .bind(id_to_db(*message_id))
                .bind(retro.0)
                .execute(&mut **tx)
                .await?;
        }
        Change::MarkAdded { .. } | Change::MarkRemoved { .. } | Change::VoterNamed { .. } => {}
    }
    Ok(())
}

impl Store {
    /// Every recorded reply of a retro, oldest first.
    pub async fn replies(&self, retro: RetroId) -> StoreResult<Vec<Reply>> {
        let rows = sqlx::query(
            "SELECT message_id, question, author_id, author_name, content FROM replies \
             WHERE retro_id = $1 ORDER BY message_id",
        )
        .bind(retro.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Reply {
                    message_id: id_from_db(row.try_get("message_id")?),
                    question: row.try_get::<i64, _>("question")? as usize,
                    author_id: id_from_db(row.try_get("author_id")?),
                    author_name: from_db(row.try_get("author_name")?),
                    content: from_db(row.try_get("content")?),
                })
            })
            .collect()
    }

    /// Makes the stored replies of one question equal `present` (the members' messages in its
    /// thread as listed by Discord). A reply the database rejects for good is logged and
    /// skipped. Returns how many were written and removed.
    pub async fn reconcile_replies(
        &self,
        retro: RetroId,
        question: usize,
        present: &[Reply],
        written_at: i64,
    ) -> StoreResult<(usize, usize)> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT message_id, content FROM replies WHERE retro_id = $1 AND question = $2",
        )
        .bind(retro.0)
        .bind(question as i64)
        .fetch_all(&mut *tx)
        .await?;
        let mut known = HashMap::with_capacity(rows.len());
        for row in &rows {
            let id = id_from_db(row.try_get("message_id")?);
            known.insert(id, from_db(row.try_get("content")?));
        }
        let wanted: HashSet<MessageId> = present.iter().map(|r| r.message_id).collect();
        let mut removed = 0;
        for id in known.keys().filter(|id| !wanted.contains(id)) {
            sqlx::query("DELETE FROM replies WHERE message_id = $1")
                .bind(id_to_db(*id))
                .execute(&mut *tx)
                .await?;
            removed += 1;
        }
        let mut written = 0;
        for reply in present {
            // A known reply keeps the display name it was recorded with (gateway events carry the
            // member's server nickname, listed messages do not).
            if known.get(&reply.message_id) == Some(&reply.content) {
                continue;
            }
            // Each reply in a savepoint: one the database refuses for good (as the vote writer
            // found too) is skipped, so it cannot keep the others, and the close, from being
            // recorded.
            let mut one = sqlx::Acquire::begin(&mut tx).await?;
            let upserted = sqlx::query(UPSERT_REPLY)
                .bind(id_to_db(reply.message_id))
                .bind(retro.0)
                .bind(question as i64)
                .bind(id_to_db(reply.author_id))
                .bind(to_db(&reply.author_name))
                .bind(to_db(&reply.content))
                .bind(written_at)
                .execute(&mut *one)
                .await
                .map_err(StoreError::from);
            match upserted {
                Ok(_) => {
                    one.commit().await?;
                    written += 1;
                }
                Err(error) if !error.is_transient() => {
                    one.rollback().await?;
                    tracing::error!(
                        %retro,
                        question,
                        message = reply.message_id.0,
                        %error,
                        "the database rejected a listed reply; it is skipped"
                    );
                }
                Err(error) => return Err(error),
            }
        }
        tx.commit().await?;
        Ok((written, removed))
    }
}
