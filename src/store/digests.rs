//! Digests: recurring posts of the sharing channels' overview into a hub channel. Like
//! schedules, a digest keeps its next occurrence (moved on by compare-and-set); each
//! occurrence is claimed by inserting a row unique per (digest, occurrence) before anything is
//! posted, so it is posted once, also across processes and restarts.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::retros::{from_millis, millis};
use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId};
use crate::domain::overview::{Digest, DigestId};
use crate::domain::recurrence::Recurrence;

/// What `/retro digest add` asks the store to create.
#[derive(Clone, Debug)]
pub struct NewDigest {
    pub guild: GuildId,
    pub hub: ChannelId,
    pub recurrence: Recurrence,
    pub template_key: Option<String>,
    pub creator: MemberId,
    pub next_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A claimed occurrence of a digest and, once posted, its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigestPost {
    pub digest: DigestId,
    pub occurrence: DateTime<Utc>,
    pub message: Option<MessageId>,
}

const DIGEST_COLUMNS: &str =
    "id, guild_id, hub_channel_id, rule, template_key, creator_id, paused, next_at";

fn digest_from_row(row: &AnyRow) -> StoreResult<Digest> {
    let rule: String = row.try_get("rule")?;
    let recurrence = Recurrence::from_storage(&rule)
        .map_err(|e| StoreError::Corrupt(format!("stored digest rule: {e}")))?;
    Ok(Digest {
        id: DigestId(row.try_get("id")?),
        guild: GuildId(id_from_db(row.try_get("guild_id")?)),
        hub: ChannelId(id_from_db(row.try_get("hub_channel_id")?)),
        recurrence,
        template_key: row.try_get("template_key")?,
        creator: MemberId(id_from_db(row.try_get("creator_id")?)),
        paused: row.try_get::<i64, _>("paused")? != 0,
        next_at: row.try_get::<Option<i64>, _>("next_at")?.map(from_millis),
    })
}

impl Store {
    pub async fn create_digest(&self, new: &NewDigest) -> StoreResult<Digest> {
        let row = sqlx::query(
            "INSERT INTO digests (guild_id, hub_channel_id, rule, template_key, creator_id, \
             paused, next_at, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7) RETURNING id",
        )
        .bind(id_to_db(new.guild.get()))
        .bind(id_to_db(new.hub.get()))
        .bind(new.recurrence.to_storage())
        .bind(&new.template_key)
        .bind(id_to_db(new.creator.get()))
        .bind(new.next_at.map(millis))
        .bind(millis(new.created_at))
        .fetch_one(&self.pool)
        .await?;
        let id = DigestId(row.try_get("id")?);
        self.digest(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("a digest vanished right after insert".into()))
    }

    pub async fn digest(&self, id: DigestId) -> StoreResult<Option<Digest>> {
        let sql = format!("SELECT {DIGEST_COLUMNS} FROM digests WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(digest_from_row).transpose()
    }

    /// A guild's digests, oldest first.
    pub async fn digests_in(&self, guild: GuildId) -> StoreResult<Vec<Digest>> {
        let sql = format!("SELECT {DIGEST_COLUMNS} FROM digests WHERE guild_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(guild.get()))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(digest_from_row).collect()
    }

    /// Deletes a digest of `guild`; false if there is none with that id there.
    pub async fn delete_digest(&self, id: DigestId, guild: GuildId) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM digests WHERE id = $1 AND guild_id = $2")
            .bind(id.0)
            .bind(id_to_db(guild.get()))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Pauses or resumes a digest; resuming sets its next occurrence.
    pub async fn set_digest_paused(
        &self,
        id: DigestId,
        paused: bool,
        next_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE digests SET paused = $1, next_at = $2 WHERE id = $3")
            .bind(i64::from(paused))
            .bind(next_at.map(millis))
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Running digests whose next occurrence is at or before `now`.
    pub async fn due_digests(&self, now: DateTime<Utc>) -> StoreResult<Vec<Digest>> {
        let sql = format!(
            "SELECT {DIGEST_COLUMNS} FROM digests WHERE paused = 0 AND next_at IS NOT NULL \
             AND next_at <= $1 ORDER BY next_at"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(millis(now))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(digest_from_row).collect()
    }

    /// (guild, next occurrence) of every running digest that fires again.
    pub async fn upcoming_digests(&self) -> StoreResult<Vec<(GuildId, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT guild_id, next_at FROM digests WHERE paused = 0 AND next_at IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    GuildId(id_from_db(r.try_get("guild_id")?)),
                    from_millis(r.try_get("next_at")?),
                ))
            })
            .collect()
    }

    /// Moves a digest from occurrence `from` to `to` if nobody did yet. Returns whether this
    /// call moved it.
    pub async fn advance_digest(
        &self,
        id: DigestId,
        from: DateTime<Utc>,
        to: Option<DateTime<Utc>>,
    ) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE digests SET next_at = $1 WHERE id = $2 AND next_at = $3")
            .bind(to.map(millis))
            .bind(id.0)
            .bind(millis(from))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Claims an occurrence of a digest before it is posted: true for exactly one caller.
    pub async fn claim_digest_occurrence(
        &self,
        id: DigestId,
        occurrence: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "INSERT INTO digest_posts (digest_id, occurrence_at, claimed_at) VALUES ($1, $2, $3) \
             ON CONFLICT (digest_id, occurrence_at) DO NOTHING",
        )
        .bind(id.0)
        .bind(millis(occurrence))
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records the message a claimed occurrence was posted as.
    pub async fn record_digest_post(
        &self,
        id: DigestId,
        occurrence: DateTime<Utc>,
        message: MessageId,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE digest_posts SET message_id = $1 WHERE digest_id = $2 AND occurrence_at = $3",
        )
        .bind(id_to_db(message.get()))
        .bind(id.0)
        .bind(millis(occurrence))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Claimed occurrences whose post was not recorded (interrupted by a crash or a Discord
    /// failure), oldest first: to be posted again (with a nonce, so not twice).
    pub async fn unposted_digests(&self) -> StoreResult<Vec<DigestPost>> {
        let rows = sqlx::query(
            "SELECT digest_id, occurrence_at, message_id FROM digest_posts \
             WHERE message_id IS NULL ORDER BY occurrence_at",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(post_from_row).collect()
    }

    /// The claimed occurrence of a digest, if any.
    pub async fn digest_post(
        &self,
        id: DigestId,
        occurrence: DateTime<Utc>,
    ) -> StoreResult<Option<DigestPost>> {
        let row = sqlx::query(
            "SELECT digest_id, occurrence_at, message_id FROM digest_posts \
             WHERE digest_id = $1 AND occurrence_at = $2",
        )
        .bind(id.0)
        .bind(millis(occurrence))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(post_from_row).transpose()
    }
}

fn post_from_row(row: &AnyRow) -> StoreResult<DigestPost> {
    Ok(DigestPost {
        digest: DigestId(row.try_get("digest_id")?),
        occurrence: from_millis(row.try_get("occurrence_at")?),
        message: row
            .try_get::<Option<i64>, _>("message_id")?
            .map(|m| MessageId(id_from_db(m))),
    })
}
