//! A channel's past check-ins: its closed retros newest first (for trends, history and
//! exports) and its latest retro (the one action items are recorded on).

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::retros::{from_millis, retro_from_row, RETRO_COLUMNS};
use super::{id_to_db, Store, StoreResult};
use crate::domain::ids::ChannelId;
use crate::domain::retro::{Retro, RetroId};

/// A closed retro and when it closed.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedRetro {
    pub retro: Retro,
    pub closed_at: DateTime<Utc>,
}

/// Which of a channel's closed retros to list.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClosedFilter<'a> {
    /// Only retros of this template.
    pub template_key: Option<&'a str>,
    /// Only retros older than this one.
    pub before: Option<RetroId>,
}

impl Store {
    /// The channel's closed retros matching `filter`, newest first, at most `limit`.
    pub async fn closed_retros_in_channel(
        &self,
        channel_id: ChannelId,
        filter: ClosedFilter<'_>,
        limit: usize,
    ) -> StoreResult<Vec<ClosedRetro>> {
        let mut sql = format!(
            "SELECT {RETRO_COLUMNS}, closed_at FROM retros \
             WHERE channel_id = $1 AND status = 'closed'"
        );
        let mut next = 2;
        if filter.template_key.is_some() {
            sql.push_str(&format!(" AND template_key = ${next}"));
            next += 1;
        }
        if filter.before.is_some() {
            sql.push_str(&format!(" AND id < ${next}"));
            next += 1;
        }
        sql.push_str(&format!(" ORDER BY id DESC LIMIT ${next}"));
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id_to_db(channel_id));
        if let Some(key) = filter.template_key {
            query = query.bind(key);
        }
        if let Some(before) = filter.before {
            query = query.bind(before.0);
        }
        let rows = query
            .bind(limit.min(i64::MAX as usize) as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(ClosedRetro {
                    retro: retro_from_row(row)?,
                    closed_at: row
                        .try_get::<Option<i64>, _>("closed_at")?
                        .map_or_else(Utc::now, from_millis),
                })
            })
            .collect()
    }

    /// The channel's newest retro that did not fail (open or closed).
    pub async fn latest_retro_in_channel(
        &self,
        channel_id: ChannelId,
    ) -> StoreResult<Option<Retro>> {
        let sql = format!(
            "SELECT {RETRO_COLUMNS} FROM retros WHERE channel_id = $1 AND status <> 'failed' \
             ORDER BY id DESC LIMIT 1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(channel_id))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(retro_from_row).transpose()
    }

    /// When a retro closed, if it has.
    pub async fn closed_at(&self, retro: RetroId) -> StoreResult<Option<DateTime<Utc>>> {
        let row = sqlx::query("SELECT closed_at FROM retros WHERE id = $1")
            .bind(retro.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => row.try_get::<Option<i64>, _>("closed_at")?.map(from_millis),
            None => None,
        })
    }
}
