//! Action items: recorded on a check-in, listed per channel or per retro, completed once.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::retros::{from_millis, millis};
use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::action::Action;
use crate::domain::ids::{ChannelId, MemberId};
use crate::domain::retro::RetroId;

/// What `/retro action add` asks the store to record.
#[derive(Clone, Debug)]
pub struct NewAction {
    pub retro: RetroId,
    pub channel_id: ChannelId,
    pub text: String,
    pub owner_id: Option<MemberId>,
    pub due: Option<NaiveDate>,
    pub created_by: MemberId,
    pub created_at: DateTime<Utc>,
}

const ACTION_COLUMNS: &str =
    "id, retro_id, channel_id, text, owner_id, due, created_by, created_at, done_at";

fn action_from_row(row: &AnyRow) -> StoreResult<Action> {
    let due: Option<String> = row.try_get("due")?;
    let due = due
        .map(|d| {
            NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|e| StoreError::Corrupt(format!("due date `{d}` of an action: {e}")))
        })
        .transpose()?;
    Ok(Action {
        id: row.try_get("id")?,
        retro: RetroId(row.try_get("retro_id")?),
        channel_id: id_from_db(row.try_get("channel_id")?),
        text: super::text::from_db(row.try_get("text")?),
        owner_id: row.try_get::<Option<i64>, _>("owner_id")?.map(id_from_db),
        due,
        created_by: id_from_db(row.try_get("created_by")?),
        created_at: from_millis(row.try_get("created_at")?),
        done_at: row.try_get::<Option<i64>, _>("done_at")?.map(from_millis),
    })
}

impl Store {
    pub async fn add_action(&self, new: &NewAction) -> StoreResult<Action> {
        let row = sqlx::query(
            "INSERT INTO actions (retro_id, channel_id, text, owner_id, due, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.retro.0)
        .bind(id_to_db(new.channel_id))
        .bind(super::text::to_db(&new.text))
        .bind(new.owner_id.map(id_to_db))
        .bind(new.due.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(id_to_db(new.created_by))
        .bind(millis(new.created_at))
        .fetch_one(&self.pool)
        .await?;
        let id: i64 = row.try_get("id")?;
        self.action(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("an action vanished right after insert".into()))
    }

    pub async fn action(&self, id: i64) -> StoreResult<Option<Action>> {
        let sql = format!("SELECT {ACTION_COLUMNS} FROM actions WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(action_from_row).transpose()
    }

    /// The actions recorded on a retro, oldest first.
    pub async fn actions_of_retro(&self, retro: RetroId) -> StoreResult<Vec<Action>> {
        let sql = format!("SELECT {ACTION_COLUMNS} FROM actions WHERE retro_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(retro.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// The channel's open actions recorded on retros older than `before` (all retros when
    /// `None`), oldest first.
    pub async fn open_actions_in_channel(
        &self,
        channel_id: ChannelId,
        before: Option<RetroId>,
    ) -> StoreResult<Vec<Action>> {
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM actions WHERE channel_id = $1 AND done_at IS NULL \
             AND retro_id < $2 ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(channel_id))
            .bind(before.map_or(i64::MAX, |r| r.0))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// The channel's actions completed most recently, newest first, at most `limit`.
    pub async fn done_actions_in_channel(
        &self,
        channel_id: ChannelId,
        limit: usize,
    ) -> StoreResult<Vec<Action>> {
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM actions WHERE channel_id = $1 AND done_at IS NOT NULL \
             ORDER BY done_at DESC, id DESC LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(channel_id))
            .bind(limit as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// Marks an open action as done; returns whether this call did it.
    pub async fn complete_action(
        &self,
        id: i64,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE actions SET done_at = $1, done_by = $2 WHERE id = $3 AND done_at IS NULL",
        )
        .bind(millis(at))
        .bind(id_to_db(by))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
