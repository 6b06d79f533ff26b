//! Voters' display names per retro, for exports: written with the votes as they arrive (the
//! gateway's server nickname) and filled in by reconciliation where still unknown.

use std::collections::{HashMap, HashSet};

use sqlx::{Any, Row, Transaction};

use super::marks::placeholders;
use super::{id_from_db, id_to_db, Store, StoreResult};
use crate::domain::ids::MemberId;
use crate::domain::retro::RetroId;

/// Rows per multi-row statement.
const ROWS_PER_STATEMENT: usize = 200;

/// Records names; with `overwrite` a changed name replaces the stored one, otherwise only
/// unknown voters are added. Each (retro, voter) may appear once.
pub(super) async fn upsert_names(
    tx: &mut Transaction<'static, Any>,
    names: &[((RetroId, MemberId), &str)],
    overwrite: bool,
) -> StoreResult<()> {
    let conflict = if overwrite {
        "DO UPDATE SET display_name = excluded.display_name \
         WHERE voters.display_name <> excluded.display_name"
    } else {
        "DO NOTHING"
    };
    for chunk in names.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO voters (retro_id, user_id, display_name) VALUES {} \
             ON CONFLICT (retro_id, user_id) {conflict}",
            placeholders(chunk.len(), 3)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for ((retro, voter), name) in chunk {
            query = query
                .bind(retro.0)
                .bind(id_to_db(*voter))
                .bind(super::text::to_db(name));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

impl Store {
    /// Adds the names of voters not named yet (a name already recorded is kept).
    pub async fn record_voter_names(
        &self,
        retro: RetroId,
        names: &[(MemberId, String)],
    ) -> StoreResult<()> {
        let mut seen = HashSet::new();
        let rows: Vec<((RetroId, MemberId), &str)> = names
            .iter()
            .filter(|(voter, _)| seen.insert(*voter))
            .map(|(voter, name)| ((retro, *voter), name.as_str()))
            .collect();
        if rows.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        upsert_names(&mut tx, &rows, false).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The recorded name of every voter of a retro.
    pub async fn voter_names(&self, retro: RetroId) -> StoreResult<HashMap<MemberId, String>> {
        let rows = sqlx::query("SELECT user_id, display_name FROM voters WHERE retro_id = $1")
            .bind(retro.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    id_from_db(row.try_get("user_id")?),
                    super::text::from_db(row.try_get("display_name")?),
                ))
            })
            .collect()
    }
}
