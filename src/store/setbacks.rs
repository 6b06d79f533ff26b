//! What the store keeps about work that did not go through: a close given up after a permanent
//! Discord failure ("could not close", with the reason), and which schedule occurrence a
//! check-in was started for.

use chrono::{DateTime, TimeZone, Utc};
use sqlx::Row;

use super::retros::millis;
use super::{Store, StoreResult};
use crate::domain::retro::{RetroId, RetroStatus};
use crate::domain::schedule::ScheduleId;

impl Store {
    /// Ends a retro being closed as "could not close" with `reason`: it frees its channel and
    /// keeps its data (exportable); an anonymous one loses its secret like a closed one.
    /// Returns whether this caller ended it (false if it was no longer closing).
    pub async fn abandon_close(&self, id: RetroId, reason: &str) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE retros SET status = $1, failure = $2, closed_at = $3, lease_owner = NULL, \
             lease_until = NULL WHERE id = $4 AND status = 'closing'",
        )
        .bind(RetroStatus::Abandoned.as_str())
        .bind(reason)
        .bind(millis(Utc::now()))
        .bind(id.0)
        .execute(&self.pool)
        .await?;
        let ended = done.rows_affected() == 1;
        if ended {
            self.seal_anonymous(id).await?;
        }
        Ok(ended)
    }

    /// Why a retro ended as it did (a failed start or a close given up), if recorded.
    pub async fn failure_reason(&self, id: RetroId) -> StoreResult<Option<String>> {
        let row = sqlx::query("SELECT failure FROM retros WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => row.try_get("failure")?,
            None => None,
        })
    }

    /// The schedule occurrence a check-in was started for (`None` for a retro started by hand).
    pub async fn retro_occurrence(
        &self,
        retro: RetroId,
    ) -> StoreResult<Option<(ScheduleId, DateTime<Utc>)>> {
        let row = sqlx::query("SELECT schedule_id, occurrence_at FROM retros WHERE id = $1")
            .bind(retro.0)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let schedule: Option<i64> = row.try_get("schedule_id")?;
        let at: Option<i64> = row.try_get("occurrence_at")?;
        Ok(match (schedule, at) {
            (Some(schedule), Some(at)) => Utc
                .timestamp_millis_opt(at)
                .single()
                .map(|at| (ScheduleId(schedule), at)),
            _ => None,
        })
    }
}
