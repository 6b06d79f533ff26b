//! Leases on a retro's work in progress (posting or closing): taken with compare-and-set,
//! renewed while working, taken over by someone else only once expired (or by the same
//! instance after a restart).

use chrono::{DateTime, Utc};

use super::retros::millis;
use super::{Store, StoreResult};
use crate::domain::retro::{RetroId, RetroStatus};

/// A lease owner name unique to this process: `{label}/{random}`, where `label` says which
/// work it does (its shard range) for people reading the database, and the random part keeps
/// two processes with the same label (a rolling deploy) from ever both holding a lease. Made
/// once at start-up; a restarted process waits for its old leases to expire.
pub fn new_lease_owner(label: &str) -> StoreResult<String> {
    let random = super::random::random_hex()?;
    Ok(format!("{label}/{}", &random[..16]))
}

impl Store {
    /// Takes the lease on a retro in `status` until `until`, if it is free or expired at `now`
    /// (or, with `own_ok`, already held by `owner`: a restarted instance taking back its work).
    /// Returns whether this caller holds it now.
    pub async fn take_lease(
        &self,
        retro: RetroId,
        status: RetroStatus,
        owner: &str,
        own_ok: bool,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE retros SET lease_owner = $1, lease_until = $2 WHERE id = $3 AND status = $4 \
             AND (lease_until IS NULL OR lease_until < $5 OR ($6 = 1 AND lease_owner = $1))",
        )
        .bind(owner)
        .bind(millis(until))
        .bind(retro.0)
        .bind(status.as_str())
        .bind(millis(now))
        .bind(i64::from(own_ok))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Claims an open retro for closing, with a lease: true for exactly one caller.
    pub async fn claim_close(
        &self,
        retro: RetroId,
        owner: &str,
        until: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE retros SET status = 'closing', lease_owner = $1, lease_until = $2 \
             WHERE id = $3 AND status = 'open'",
        )
        .bind(owner)
        .bind(millis(until))
        .bind(retro.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
