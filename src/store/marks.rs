//! The reactions members have on statement messages (marks): multi-row upserts and deletes for
//! batches, reading them back for a tally, and reconciling them with what Discord lists.

use std::collections::HashSet;

use sqlx::{Any, Row, Transaction};

use super::{id_from_db, id_to_db, Store, StoreResult};
use crate::domain::ids::MemberId;
use crate::domain::retro::RetroId;
use crate::domain::vote::Mark;

/// Rows per multi-row statement (5 parameters each, far below every backend's limit).
const ROWS_PER_STATEMENT: usize = 200;

/// Identifies one reaction of one member on one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkKey {
    pub retro: RetroId,
    pub position: usize,
    pub voter: MemberId,
    pub option: usize,
}

/// `($1, $2, …), ($6, …)` for `rows` rows of `width` parameters.
pub(super) fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|r| {
            let params: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts the marks, or moves existing ones to their new sequence number.
pub(super) async fn upsert_marks(
    tx: &mut Transaction<'static, Any>,
    marks: &[(MarkKey, i64)],
) -> StoreResult<()> {
    for chunk in marks.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO reactions (retro_id, position, user_id, option_index, seq) VALUES {} \
             ON CONFLICT (retro_id, position, user_id, option_index) DO UPDATE SET seq = excluded.seq",
            placeholders(chunk.len(), 5)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (key, seq) in chunk {
            query = query
                .bind(key.retro.0)
                .bind(key.position as i64)
                .bind(id_to_db(key.voter))
                .bind(key.option as i64)
                .bind(*seq);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Deletes the marks (those that do not exist are ignored).
pub(super) async fn delete_marks(
    tx: &mut Transaction<'static, Any>,
    marks: &[MarkKey],
) -> StoreResult<()> {
    for chunk in marks.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "DELETE FROM reactions WHERE (retro_id, position, user_id, option_index) IN (VALUES {})",
            placeholders(chunk.len(), 4)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for key in chunk {
            query = query
                .bind(key.retro.0)
                .bind(key.position as i64)
                .bind(id_to_db(key.voter))
                .bind(key.option as i64);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// A mark from a row with `position, user_id, option_index, seq`.
pub(super) fn mark_from_row(row: &sqlx::any::AnyRow) -> StoreResult<Mark> {
    Ok(Mark {
        position: row.try_get::<i64, _>("position")? as usize,
        voter: id_from_db(row.try_get("user_id")?),
        option: row.try_get::<i64, _>("option_index")? as usize,
        seq: row.try_get("seq")?,
    })
}

impl Store {
    /// Every reaction members currently have on a retro's statements.
    pub async fn marks(&self, retro: RetroId) -> StoreResult<Vec<Mark>> {
        let rows = sqlx::query(
            "SELECT position, user_id, option_index, seq FROM reactions WHERE retro_id = $1",
        )
        .bind(retro.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(mark_from_row).collect()
    }

    /// Makes the stored reactions on one statement equal `present` (voter, option) as listed by
    /// Discord: marks no longer there are removed, new ones are added with fresh sequence
    /// numbers from `next_seq` (they are newer than anything already known), and marks already
    /// known keep their order. Reads what is stored once. Returns how many marks were added and
    /// removed.
    pub async fn reconcile_marks(
        &self,
        retro: RetroId,
        position: usize,
        present: &[(MemberId, usize)],
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
        let wanted: HashSet<(MemberId, usize)> = present.iter().copied().collect();
        let key = |(voter, option): (MemberId, usize)| MarkKey {
            retro,
            position,
            voter,
            option,
        };
        let gone: Vec<MarkKey> = known.difference(&wanted).map(|m| key(*m)).collect();
        let mut seen = HashSet::new();
        let new: Vec<(MarkKey, i64)> = present
            .iter()
            .filter(|m| !known.contains(m) && seen.insert(**m))
            .map(|m| (key(*m), next_seq()))
            .collect();
        delete_marks(&mut tx, &gone).await?;
        upsert_marks(&mut tx, &new).await?;
        tx.commit().await?;
        Ok((new.len(), gone.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_number_rows_and_columns() {
        assert_eq!(placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(1, 1), "($1)");
    }
}
