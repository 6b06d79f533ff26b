//! Members' input: reactions (marks) and replies, written in ordered batches (one transaction
//! per batch) and replaced wholesale when reconciled with what Discord shows.

use std::collections::HashSet;

use sqlx::Row;

use super::{id_from_db, id_to_db, Store, StoreResult};
use crate::domain::live::Change;
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;
use crate::domain::vote::Mark;

/// A change together with the arrival sequence number it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct SequencedChange {
    pub seq: i64,
    pub change: Change,
}

/// How many members voted and how many replies a retro has so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Participation {
    pub voters: u64,
    pub replies: u64,
}

const UPSERT_REPLY: &str = "INSERT INTO replies (message_id, retro_id, question, author_id, author_name, content, edited_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO UPDATE SET \
     content = excluded.content, edited_at = excluded.edited_at";

impl Store {
    /// Applies `changes` in order, all in one transaction.
    pub async fn apply_changes(&self, changes: &[SequencedChange]) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        for SequencedChange { seq, change } in changes {
            match change {
                Change::MarkAdded {
                    retro,
                    position,
                    voter,
                    option,
                } => {
                    sqlx::query(
                        "INSERT INTO reactions (retro_id, position, user_id, option_index, seq) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (retro_id, position, user_id, option_index) \
                         DO UPDATE SET seq = excluded.seq",
                    )
                    .bind(retro.0)
                    .bind(*position as i64)
                    .bind(id_to_db(*voter))
                    .bind(*option as i64)
                    .bind(*seq)
                    .execute(&mut *tx)
                    .await?;
                }
                Change::MarkRemoved {
                    retro,
                    position,
                    voter,
                    option,
                } => {
                    sqlx::query(
                        "DELETE FROM reactions WHERE retro_id = $1 AND position = $2 AND user_id = $3 \
                         AND option_index = $4",
                    )
                    .bind(retro.0)
                    .bind(*position as i64)
                    .bind(id_to_db(*voter))
                    .bind(*option as i64)
                    .execute(&mut *tx)
                    .await?;
                }
                Change::ReplyWritten { retro, reply } => {
                    sqlx::query(UPSERT_REPLY)
                        .bind(id_to_db(reply.message_id))
                        .bind(retro.0)
                        .bind(reply.question as i64)
                        .bind(id_to_db(reply.author_id))
                        .bind(&reply.author_name)
                        .bind(&reply.content)
                        .bind(*seq)
                        .execute(&mut *tx)
                        .await?;
                }
                Change::ReplyEdited {
                    retro,
                    message_id,
                    content,
                } => {
                    sqlx::query("UPDATE replies SET content = $1, edited_at = $2 WHERE message_id = $3 AND retro_id = $4")
                        .bind(content)
                        .bind(*seq)
                        .bind(id_to_db(*message_id))
                        .bind(retro.0)
                        .execute(&mut *tx)
                        .await?;
                }
                Change::ReplyDeleted { retro, message_id } => {
                    sqlx::query("DELETE FROM replies WHERE message_id = $1 AND retro_id = $2")
                        .bind(id_to_db(*message_id))
                        .bind(retro.0)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every reaction members currently have on a retro's statements.
    pub async fn marks(&self, retro: RetroId) -> StoreResult<Vec<Mark>> {
        let rows = sqlx::query(
            "SELECT position, user_id, option_index, seq FROM reactions WHERE retro_id = $1",
        )
        .bind(retro.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Mark {
                    position: row.try_get::<i64, _>("position")? as usize,
                    voter: id_from_db(row.try_get("user_id")?),
                    option: row.try_get::<i64, _>("option_index")? as usize,
                    seq: row.try_get("seq")?,
                })
            })
            .collect()
    }

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
                    author_name: row.try_get("author_name")?,
                    content: row.try_get("content")?,
                })
            })
            .collect()
    }

    pub async fn participation(&self, retro: RetroId) -> StoreResult<Participation> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(DISTINCT user_id) FROM reactions WHERE retro_id = $1) AS voters, \
                    (SELECT COUNT(*) FROM replies WHERE retro_id = $1) AS replies",
        )
        .bind(retro.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(Participation {
            voters: row.try_get::<i64, _>("voters")? as u64,
            replies: row.try_get::<i64, _>("replies")? as u64,
        })
    }

    /// Makes the stored reactions on one statement equal `present` (voter, option) as listed by
    /// Discord: marks no longer there are removed, new ones are added with fresh sequence
    /// numbers from `next_seq` (they are newer than anything already known), and marks already
    /// known keep their order. Returns how many marks were added and removed.
    pub async fn reconcile_marks(
        &self,
        retro: RetroId,
        position: usize,
        present: &[(u64, usize)],
        next_seq: &mut (dyn FnMut() -> i64 + Send),
    ) -> StoreResult<(usize, usize)> {
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT user_id, option_index FROM reactions WHERE retro_id = $1 AND position = $2",
        )
        .bind(retro.0)
        .bind(position as i64)
        .fetch_all(&mut *tx)
        .await?;
        let mut known = HashSet::with_capacity(rows.len());
        for row in &rows {
            let voter = id_from_db(row.try_get("user_id")?);
            known.insert((voter, row.try_get::<i64, _>("option_index")? as usize));
        }
        let wanted: HashSet<(u64, usize)> = present.iter().copied().collect();
        let mut removed = 0;
        for (voter, option) in known.difference(&wanted) {
            sqlx::query(
                "DELETE FROM reactions WHERE retro_id = $1 AND position = $2 AND user_id = $3 AND option_index = $4",
            )
            .bind(retro.0)
            .bind(position as i64)
            .bind(id_to_db(*voter))
            .bind(*option as i64)
            .execute(&mut *tx)
            .await?;
            removed += 1;
        }
        let mut added = 0;
        for (voter, option) in present.iter().filter(|p| !known.contains(p)) {
            sqlx::query(
                "INSERT INTO reactions (retro_id, position, user_id, option_index, seq) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (retro_id, position, user_id, option_index) DO NOTHING",
            )
            .bind(retro.0)
            .bind(position as i64)
            .bind(id_to_db(*voter))
            .bind(*option as i64)
            .bind(next_seq())
            .execute(&mut *tx)
            .await?;
            added += 1;
        }
        tx.commit().await?;
        Ok((added, removed))
    }

    /// Makes the stored replies of one question equal `present` (the members' messages in its
    /// thread as listed by Discord). Returns how many were written and removed.
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
        let mut known = std::collections::HashMap::with_capacity(rows.len());
        for row in &rows {
            let id = id_from_db(row.try_get("message_id")?);
            known.insert(id, row.try_get::<String, _>("content")?);
        }
        let wanted: HashSet<u64> = present.iter().map(|r| r.message_id).collect();
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
            sqlx::query(UPSERT_REPLY)
                .bind(id_to_db(reply.message_id))
                .bind(retro.0)
                .bind(question as i64)
                .bind(id_to_db(reply.author_id))
                .bind(&reply.author_name)
                .bind(&reply.content)
                .bind(written_at)
                .execute(&mut *tx)
                .await?;
            written += 1;
        }
        tx.commit().await?;
        Ok((written, removed))
    }
}
