//! Anonymous retros in the database: the per-retro secret, button votes and modal answers keyed
//! by member keys, and sealing at close (the secret erased, every key replaced by a random one).
//! Writes only happen while the retro takes input: each locks the retro's row first, so a close
//! (which moves the row out of `open`) waits for them and no vote slips in after the tally.

use sqlx::{Any, Row, Transaction};

use super::random::random_hex;
use super::text::{from_db, opt_from_db, opt_to_db, to_db};
use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::anonymous::summary::Answer;
use crate::domain::anonymous::{click, Ballot, ClickOutcome, MemberKey, RetroSecret};
use crate::domain::ids::MessageId;
use crate::domain::retro::RetroId;

/// A member's answer with where it stands on Discord.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRecord {
    /// Random; names the answer on Discord (in its message), never the member.
    pub token: String,
    pub question: usize,
    /// `None`: withdrawn, its message still to be deleted.
    pub content: Option<String>,
    pub message_id: Option<MessageId>,
    /// Discord shows `content` (or, withdrawn, no longer shows the message).
    pub synced: bool,
}

/// What saving an answer did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerSaved {
    /// Saved; it still has to be brought to Discord (`synced` is false).
    Saved(AnswerRecord),
    /// An empty answer from a member who had none.
    NothingToWithdraw,
    /// The retro no longer takes input.
    NotOpen,
}

/// Stores the secret of a new anonymous retro in its own row (deleted when the retro closes).
pub(super) async fn insert_secret(
    tx: &mut Transaction<'static, Any>,
    retro: RetroId,
    secret_hex: &str,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO anonymous_secrets (retro_id, secret) VALUES ($1, $2)")
        .bind(retro.0)
        .bind(secret_hex)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Locks the retro's row for this transaction if it takes input (posting or open).
pub(super) async fn lock_if_open(
    tx: &mut Transaction<'static, Any>,
    retro: RetroId,
) -> StoreResult<bool> {
    let locked = sqlx::query(
        "UPDATE retros SET status = status WHERE id = $1 AND status IN ('posting', 'open')",
    )
    .bind(retro.0)
    .execute(&mut **tx)
    .await?;
    Ok(locked.rows_affected() == 1)
}

fn answer_from_row(row: &sqlx::any::AnyRow) -> StoreResult<AnswerRecord> {
    Ok(AnswerRecord {
        token: row.try_get("token")?,
        question: row.try_get::<i64, _>("question")? as usize,
        content: opt_from_db(row.try_get("content")?),
        message_id: row.try_get::<Option<i64>, _>("message_id")?.map(id_from_db),
        synced: row.try_get::<i64, _>("synced")? == 1,
    })
}

fn corrupt_key(what: &str) -> StoreError {
    StoreError::Corrupt(format!("a stored {what} is not a member key"))
}

const ANSWER_COLUMNS: &str = "token, question, content, message_id, synced";

/// A ballot from a row with `position, voter_key, option_index`.
pub(super) fn ballot_from_row(row: &sqlx::any::AnyRow) -> StoreResult<Ballot> {
    let key: String = row.try_get("voter_key")?;
    Ok(Ballot {
        position: row.try_get::<i64, _>("position")? as usize,
        key: MemberKey::from_hex(&key).ok_or_else(|| corrupt_key("voter key"))?,
        option: row.try_get::<i64, _>("option_index")? as usize,
    })
}

impl Store {
    /// The secret of an anonymous retro while it takes input; `None` once it closed (the secret
    /// is gone) or for a named retro.
    pub async fn retro_secret(&self, retro: RetroId) -> StoreResult<Option<RetroSecret>> {
        let row = sqlx::query(
            "SELECT s.secret FROM anonymous_secrets s JOIN retros r ON r.id = s.retro_id \
             WHERE s.retro_id = $1 AND r.status IN ('posting', 'open')",
        )
        .bind(retro.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let hex: String = row.try_get("secret")?;
        RetroSecret::from_hex(&hex)
            .map(Some)
            .ok_or_else(|| corrupt_key("secret"))
    }

    /// Records the small-group threshold an anonymous retro starts with; a threshold already
    /// recorded is kept (it never changes for a running or closed retro).
    pub async fn record_anonymous_min_voters(
        &self,
        retro: RetroId,
        min_voters: u32,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE retros SET anonymous_min_voters = $1 \
             WHERE id = $2 AND anonymous = 1 AND anonymous_min_voters IS NULL",
        )
        .bind(i64::from(min_voters))
        .bind(retro.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Applies a click on vote button `option` of statement `position` by the member with
    /// `key`: votes, switches or retracts. `None` if the retro no longer takes input.
    pub async fn anonymous_click(
        &self,
        retro: RetroId,
        position: usize,
        key: MemberKey,
        option: usize,
    ) -> StoreResult<Option<ClickOutcome>> {
        let mut tx = self.begin_write().await?;
        if !lock_if_open(&mut tx, retro).await? {
            return Ok(None);
        }
        let current = sqlx::query(
            "SELECT option_index FROM anonymous_votes \
             WHERE retro_id = $1 AND position = $2 AND voter_key = $3",
        )
        .bind(retro.0)
        .bind(position as i64)
        .bind(key.to_hex())
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get::<i64, _>("option_index"))
        .transpose()?
        .map(|o| o as usize);
        let outcome = click(current, option);
        match outcome.current() {
            Some(chosen) => sqlx::query(
                "INSERT INTO anonymous_votes (retro_id, position, voter_key, option_index) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (retro_id, position, voter_key) \
                 DO UPDATE SET option_index = excluded.option_index",
            )
            .bind(retro.0)
            .bind(position as i64)
            .bind(key.to_hex())
            .bind(chosen as i64),
            None => sqlx::query(
                "DELETE FROM anonymous_votes WHERE retro_id = $1 AND position = $2 AND voter_key = $3",
            )
            .bind(retro.0)
            .bind(position as i64)
            .bind(key.to_hex()),
        }
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(outcome))
    }

    /// How many members have a vote on statement `position`.
    pub async fn anonymous_voter_count(&self, retro: RetroId, position: usize) -> StoreResult<u64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS voters FROM anonymous_votes WHERE retro_id = $1 AND position = $2",
        )
        .bind(retro.0)
        .bind(position as i64)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("voters")? as u64)
    }

    /// Every current vote of an anonymous retro (the keys are random after it closed).
    pub async fn anonymous_ballots(&self, retro: RetroId) -> StoreResult<Vec<Ballot>> {
        let rows = sqlx::query(
            "SELECT position, voter_key, option_index FROM anonymous_votes WHERE retro_id = $1",
        )
        .bind(retro.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ballot_from_row).collect()
    }

    /// The member's answer to `question`, if they have one (withdrawn ones included).
    pub async fn anonymous_answer(
        &self,
        retro: RetroId,
        question: usize,
        key: MemberKey,
    ) -> StoreResult<Option<AnswerRecord>> {
        let sql = format!(
            "SELECT {ANSWER_COLUMNS} FROM anonymous_answers \
             WHERE retro_id = $1 AND question = $2 AND author_key = $3"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(retro.0)
            .bind(question as i64)
            .bind(key.to_hex())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(answer_from_row).transpose()
    }

    /// Saves the member's answer (`None`: withdraws it) for the bot to bring to Discord.
    pub async fn save_anonymous_answer(
        &self,
        retro: RetroId,
        question: usize,
        key: MemberKey,
        content: Option<&str>,
    ) -> StoreResult<AnswerSaved> {
        let mut tx = self.begin_write().await?;
        if !lock_if_open(&mut tx, retro).await? {
            return Ok(AnswerSaved::NotOpen);
        }
        let sql = format!(
            "SELECT {ANSWER_COLUMNS} FROM anonymous_answers \
             WHERE retro_id = $1 AND question = $2 AND author_key = $3"
        );
        let existing = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(retro.0)
            .bind(question as i64)
            .bind(key.to_hex())
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(answer_from_row)
            .transpose()?;
        let saved = match (existing, content) {
            (None | Some(AnswerRecord { content: None, .. }), None) => {
                AnswerSaved::NothingToWithdraw
            }
            (None, Some(text)) => {
                let token = random_hex()?;
                sqlx::query(
                    "INSERT INTO anonymous_answers (token, retro_id, question, author_key, content) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&token)
                .bind(retro.0)
                .bind(question as i64)
                .bind(key.to_hex())
                .bind(to_db(text))
                .execute(&mut *tx)
                .await?;
                AnswerSaved::Saved(AnswerRecord {
                    token,
                    question,
                    content: Some(text.to_string()),
                    message_id: None,
                    synced: false,
                })
            }
            (Some(record), content) => {
                sqlx::query(
                    "UPDATE anonymous_answers SET content = $1, synced = 0 WHERE token = $2",
                )
                .bind(opt_to_db(content))
                .bind(&record.token)
                .execute(&mut *tx)
                .await?;
                AnswerSaved::Saved(AnswerRecord {
                    content: content.map(str::to_string),
                    synced: false,
                    ..record
                })
            }
        };
        tx.commit().await?;
        Ok(saved)
    }

    /// Records that Discord shows `posted` (the content that was sent) in message `message_id`;
    /// the answer counts as synced only if it was not changed meanwhile.
    pub async fn anonymous_answer_posted(
        &self,
        token: &str,
        message_id: MessageId,
        posted: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE anonymous_answers SET message_id = $1, \
             synced = CASE WHEN content = $2 THEN 1 ELSE 0 END WHERE token = $3",
        )
        .bind(id_to_db(message_id))
        .bind(to_db(posted))
        .bind(token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets a withdrawn answer whose message is gone (unless it was written again meanwhile).
    pub async fn anonymous_answer_removed(&self, token: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM anonymous_answers WHERE token = $1 AND content IS NULL")
            .bind(token)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Answers Discord does not show as they are yet (new, edited or withdrawn).
    pub async fn unsynced_anonymous_answers(
        &self,
        retro: RetroId,
    ) -> StoreResult<Vec<AnswerRecord>> {
        let sql = format!(
            "SELECT {ANSWER_COLUMNS} FROM anonymous_answers \
             WHERE retro_id = $1 AND synced = 0 ORDER BY question, token"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(retro.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(answer_from_row).collect()
    }

    /// The answers of an anonymous retro (not the withdrawn ones), for its summary and export.
    pub async fn anonymous_answers(&self, retro: RetroId) -> StoreResult<Vec<Answer>> {
        let rows = sqlx::query(
            "SELECT question, author_key, content, message_id FROM anonymous_answers \
             WHERE retro_id = $1 AND content IS NOT NULL ORDER BY message_id, token",
        )
        .bind(retro.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let key: String = row.try_get("author_key")?;
                Ok(Answer {
                    question: row.try_get::<i64, _>("question")? as usize,
                    author: MemberKey::from_hex(&key).ok_or_else(|| corrupt_key("author key"))?,
                    content: from_db(row.try_get("content")?),
                    message_id: row.try_get::<Option<i64>, _>("message_id")?.map(id_from_db),
                })
            })
            .collect()
    }

    /// Cuts every link between an anonymous retro's rows and its members, for good: deletes
    /// the secret's row and rewrites every vote and answer as a new row, in random order, with
    /// a fresh random key (and a fresh token), so neither keys, nor row ids, nor row order group
    /// ballots by member. Then the old row versions are wiped: a WAL checkpoint on SQLite
    /// (`secure_delete` zeroes freed pages), a VACUUM of the tables on PostgreSQL. Idempotent;
    /// run once the summary is computed.
    pub async fn seal_anonymous(&self, retro: RetroId) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM anonymous_secrets WHERE retro_id = $1")
            .bind(retro.0)
            .execute(&mut *tx)
            .await?;
        super::sealing::rewrite_shuffled(&mut tx, retro).await?;
        tx.commit().await?;
        super::sealing::wipe_old_versions(self, retro).await;
        Ok(())
    }
}
