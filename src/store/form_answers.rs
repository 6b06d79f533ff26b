//! Named answers given through the Answer button's form: each is a reply (counted and
//! summarised like a typed one, under its author's name) whose message is the bot's post in
//! the question's thread; `form_answers` says which member it belongs to, so submitting again
//! edits it and an empty form withdraws it. Changes only while the retro is open.

use sqlx::Row;

use super::anonymous::lock_if_open;
use super::text::{from_db, to_db};
use super::{id_from_db, id_to_db, Store, StoreResult};
use crate::domain::ids::{MemberId, MessageId};
use crate::domain::retro::RetroId;
use crate::domain::summary::Reply;

/// A member's current form answer to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormAnswer {
    /// The bot's post showing it.
    pub message_id: MessageId,
    /// Its text (`None` if the post was deleted in Discord meanwhile).
    pub content: Option<String>,
}

/// What withdrawing a form answer did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormWithdrawal {
    /// Removed; its post (to delete) was this message.
    Removed(MessageId),
    NothingToWithdraw,
    NotOpen,
}

impl Store {
    /// `member`'s form answer to `question` of `retro`, if any.
    pub async fn form_answer(
        &self,
        retro: RetroId,
        question: usize,
        member: MemberId,
    ) -> StoreResult<Option<FormAnswer>> {
        let row = sqlx::query(
            "SELECT f.message_id, r.content FROM form_answers f \
             LEFT JOIN replies r ON r.message_id = f.message_id \
             WHERE f.retro_id = $1 AND f.question = $2 AND f.member_id = $3",
        )
        .bind(retro.0)
        .bind(question as i64)
        .bind(id_to_db(member))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(FormAnswer {
                message_id: id_from_db(row.try_get("message_id")?),
                content: row.try_get::<Option<String>, _>("content")?.map(from_db),
            })
        })
        .transpose()
    }

    /// Records `reply` (whose message is the bot's post) as its author's form answer, replacing
    /// the one they gave before; `false` (nothing written) when the retro is not open.
    pub async fn save_form_answer(
        &self,
        retro: RetroId,
        reply: &Reply,
        written_at: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.begin_write().await?;
        if !lock_if_open(&mut tx, retro).await? {
            return Ok(false);
        }
        let (question, member) = (reply.question as i64, id_to_db(reply.author_id));
        let previous = sqlx::query(
            "SELECT message_id FROM form_answers WHERE retro_id = $1 AND question = $2 AND member_id = $3",
        )
        .bind(retro.0)
        .bind(question)
        .bind(member)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(previous) = previous {
            let previous: i64 = previous.try_get("message_id")?;
            if previous != id_to_db(reply.message_id) {
                for table in ["replies", "form_answers"] {
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DELETE FROM {table} WHERE message_id = $1"
                    )))
                    .bind(previous)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        sqlx::query(
            "INSERT INTO replies (message_id, retro_id, question, author_id, author_name, content, edited_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO UPDATE SET \
             author_name = excluded.author_name, content = excluded.content, edited_at = excluded.edited_at",
        )
        .bind(id_to_db(reply.message_id))
        .bind(retro.0)
        .bind(question)
        .bind(member)
        .bind(to_db(&reply.author_name))
        .bind(to_db(&reply.content))
        .bind(written_at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO form_answers (message_id, retro_id, question, member_id) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (message_id) DO NOTHING",
        )
        .bind(id_to_db(reply.message_id))
        .bind(retro.0)
        .bind(question)
        .bind(member)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Withdraws `member`'s form answer to `question` (the reply stops counting).
    pub async fn withdraw_form_answer(
        &self,
        retro: RetroId,
        question: usize,
        member: MemberId,
    ) -> StoreResult<FormWithdrawal> {
        let mut tx = self.begin_write().await?;
        if !lock_if_open(&mut tx, retro).await? {
            return Ok(FormWithdrawal::NotOpen);
        }
        let found = sqlx::query(
            "SELECT message_id FROM form_answers WHERE retro_id = $1 AND question = $2 AND member_id = $3",
        )
        .bind(retro.0)
        .bind(question as i64)
        .bind(id_to_db(member))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(found) = found else {
            return Ok(FormWithdrawal::NothingToWithdraw);
        };
        let message: i64 = found.try_get("message_id")?;
        for table in ["replies", "form_answers"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE message_id = $1"
            )))
            .bind(message)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(FormWithdrawal::Removed(id_from_db(message)))
    }

    /// The posts of `retro`'s form answers (the bot's messages that are members' replies).
    pub async fn form_answer_posts(&self, retro: RetroId) -> StoreResult<Vec<MessageId>> {
        let rows = sqlx::query("SELECT message_id FROM form_answers WHERE retro_id = $1")
            .bind(retro.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(id_from_db(row.try_get("message_id")?)))
            .collect()
    }
}
