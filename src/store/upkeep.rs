//! The store's own upkeep: the health check's heartbeat write (the database must take writes,
//! not just answer) and the retros the vote writer flagged to be re-read from Discord because
//! it had to drop their changes while the database was away.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::marks::placeholders;
use super::retros::millis;
use super::{Store, StoreResult};
use crate::domain::retro::RetroId;

/// Rows per multi-row statement.
const ROWS_PER_STATEMENT: usize = 500;

impl Store {
    /// Proves that the database takes writes: upserts the heartbeat row `name` with `at`.
    /// Fails on a read-only database, a full disk or a lost connection.
    pub async fn write_heartbeat(&self, name: &str, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO heartbeats (name, written_at) VALUES ($1, $2) \
             ON CONFLICT (name) DO UPDATE SET written_at = excluded.written_at",
        )
        .bind(name)
        .bind(millis(at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Flags retros whose changes were dropped, to be re-read from Discord (a retro already
    /// flagged gets the new time, so a re-read that started earlier does not clear it).
    pub async fn flag_retros_for_reread(
        &self,
        retros: &BTreeSet<RetroId>,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let retros: Vec<RetroId> = retros.iter().copied().collect();
        for chunk in retros.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO retros_to_reread (retro_id, flagged_at) VALUES {} \
                 ON CONFLICT (retro_id) DO UPDATE SET flagged_at = excluded.flagged_at",
                placeholders(chunk.len(), 2)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for retro in chunk {
                query = query.bind(retro.0).bind(millis(at));
            }
            query.execute(&self.pool).await?;
        }
        Ok(())
    }

    /// The retros flagged to be re-read from Discord, oldest id first.
    pub async fn retros_needing_reread(&self) -> StoreResult<Vec<RetroId>> {
        let rows = sqlx::query("SELECT retro_id FROM retros_to_reread ORDER BY retro_id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(RetroId(row.try_get("retro_id")?)))
            .collect()
    }

    /// Clears a retro's flag once it was re-read from Discord, unless it was flagged again
    /// after `read_from` (when the re-read started): then it stays flagged.
    pub async fn clear_reread(&self, retro: RetroId, read_from: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("DELETE FROM retros_to_reread WHERE retro_id = $1 AND flagged_at <= $2")
            .bind(retro.0)
            .bind(millis(read_from))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
