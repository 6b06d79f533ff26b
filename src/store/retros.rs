//! Retros and their posted items: creation (one active retro per channel), life-cycle
//! transitions as compare-and-set claims, and the Discord ids of what was posted.

use chrono::{DateTime, TimeZone, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId, RoleId};
use crate::domain::retro::{ItemKind, Participation, Retro, RetroId, RetroStatus};
use crate::domain::schedule::ScheduleId;
use crate::domain::template::Template;

/// What `/retro start` asks the store to create.
#[derive(Clone, Debug)]
pub struct NewRetro {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub template: Template,
    pub title: Option<String>,
    pub facilitator_id: MemberId,
    pub created_at: DateTime<Utc>,
    pub closes_at: Option<DateTime<Utc>>,
    /// When to remind the channel before it closes.
    pub remind_at: Option<DateTime<Utc>>,
    /// The schedule occurrence this check-in is for (unique: an occurrence fires once).
    pub occurrence: Option<(ScheduleId, DateTime<Utc>)>,
    /// The role whose members are expected to take part.
    pub team_role_id: Option<RoleId>,
    /// The creator's lease on posting it: (owner, until).
    pub lease: Option<(String, DateTime<Utc>)>,
    /// How members take part; for anonymous retros the store makes the secret of their keys.
    pub participation: Participation,
}

/// A statement message or question thread posted for a retro.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetroItem {
    pub kind: ItemKind,
    pub position: usize,
    /// The statement's message, or the first message inside a question's thread.
    pub message_id: Option<MessageId>,
    /// The question's thread.
    pub thread_id: Option<ChannelId>,
}

pub(super) const RETRO_COLUMNS: &str =
    "id, guild_id, channel_id, template_json, title, facilitator_id, status, \
     created_at, closes_at, header_message_id, anonymous, anonymous_min_voters";

pub(super) fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(super) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn kind_str(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Statement => "statement",
        ItemKind::Question => "question",
    }
}

pub(super) fn retro_from_row(row: &AnyRow) -> StoreResult<Retro> {
    let template_json: String = row.try_get("template_json")?;
    let template: Template = serde_json::from_str(&template_json)
        .map_err(|e| StoreError::Corrupt(format!("template of a retro: {e}")))?;
    let status: String = row.try_get("status")?;
    Ok(Retro {
        id: RetroId(row.try_get("id")?),
        guild_id: id_from_db(row.try_get("guild_id")?),
        channel_id: id_from_db(row.try_get("channel_id")?),
        template,
        title: super::text::opt_from_db(row.try_get("title")?),
        facilitator_id: id_from_db(row.try_get("facilitator_id")?),
        status: RetroStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown retro status `{status}`")))?,
        created_at: from_millis(row.try_get("created_at")?),
        closes_at: row.try_get::<Option<i64>, _>("closes_at")?.map(from_millis),
        header_message_id: row
            .try_get::<Option<i64>, _>("header_message_id")?
            .map(id_from_db),
        participation: Participation::from_anonymous(row.try_get::<i64, _>("anonymous")? == 1),
        anonymous_min_voters: row
            .try_get::<Option<i64>, _>("anonymous_min_voters")?
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
    })
}

/// The stored form of a template copy (retros, schedules, server templates).
pub(super) fn template_json(template: &Template) -> StoreResult<String> {
    serde_json::to_string(template)
        .map_err(|e| StoreError::Corrupt(format!("template not serialisable: {e}")))
}

pub(super) fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

impl Store {
    /// Creates a retro in the `posting` state. Fails with [`StoreError::ChannelBusy`] when the
    /// channel already has an active retro.
    pub async fn create_retro(&self, new: &NewRetro) -> StoreResult<Retro> {
        self.insert_retro(new, None).await
    }

    /// Like [`Store::create_retro`], and the retro keeps the server's anonymity threshold in
    /// force at its start (`Retro::anonymous_min_voters`), so a later settings change does not
    /// alter its summary.
    pub async fn create_retro_keeping(
        &self,
        new: &NewRetro,
        anonymous_min_voters: u32,
    ) -> StoreResult<Retro> {
        self.insert_retro(new, Some(anonymous_min_voters)).await
    }

    async fn insert_retro(
        &self,
        new: &NewRetro,
        anonymous_min_voters: Option<u32>,
    ) -> StoreResult<Retro> {
        let template_json = template_json(&new.template)?;
        let secret = new
            .participation
            .is_anonymous()
            .then(super::random::random_hex)
            .transpose()?;
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO retros (guild_id, channel_id, template_key, template_json, title, \
             facilitator_id, status, created_at, closes_at, remind_at, schedule_id, occurrence_at, \
             team_role_id, lease_owner, lease_until, anonymous, anonymous_min_voters) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
             RETURNING id",
        )
        .bind(id_to_db(new.guild_id))
        .bind(id_to_db(new.channel_id))
        .bind(&new.template.key)
        .bind(template_json)
        .bind(super::text::opt_to_db(new.title.as_deref()))
        .bind(id_to_db(new.facilitator_id))
        .bind(RetroStatus::Posting.as_str())
        .bind(millis(new.created_at))
        .bind(new.closes_at.map(millis))
        .bind(new.remind_at.map(millis))
        .bind(new.occurrence.map(|(s, _)| s.0))
        .bind(new.occurrence.map(|(_, at)| millis(at)))
        .bind(new.team_role_id.map(id_to_db))
        .bind(new.lease.as_ref().map(|(owner, _)| owner.clone()))
        .bind(new.lease.as_ref().map(|(_, until)| millis(*until)))
        .bind(i64::from(new.participation.is_anonymous()))
        .bind(anonymous_min_voters.map(i64::from))
        .fetch_one(&mut *tx)
        .await;
        let id: i64 = match inserted {
            Ok(row) => row.try_get("id")?,
            Err(e) if is_unique_violation(&e) => {
                drop(tx);
                if let Some((schedule, at)) = new.occurrence {
                    if self.occurrence_started(schedule, at).await? {
                        return Err(StoreError::OccurrenceTaken);
                    }
                }
                let busy = self.active_retro_in_channel(new.channel_id).await?;
                return Err(StoreError::ChannelBusy(busy.map_or(RetroId(0), |r| r.id)));
            }
            Err(e) => return Err(e.into()),
        };
        if let Some(secret) = secret {
            super::anonymous::insert_secret(&mut tx, RetroId(id), &secret).await?;
        }
        tx.commit().await?;
        self.retro(RetroId(id))
            .await?
            .ok_or_else(|| StoreError::Corrupt("a retro vanished right after insert".into()))
    }

    pub async fn retro(&self, id: RetroId) -> StoreResult<Option<Retro>> {
        let sql = format!("SELECT {RETRO_COLUMNS} FROM retros WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(retro_from_row).transpose()
    }

    /// The retro that occupies `channel_id` (posting, open or closing), if any.
    pub async fn active_retro_in_channel(
        &self,
        channel_id: ChannelId,
    ) -> StoreResult<Option<Retro>> {
        let sql = format!(
            "SELECT {RETRO_COLUMNS} FROM retros WHERE channel_id = $1 \
             AND status IN ('posting', 'open', 'closing')"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(channel_id))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(retro_from_row).transpose()
    }

    /// Every retro in `status`, oldest first.
    pub async fn retros_with_status(&self, status: RetroStatus) -> StoreResult<Vec<Retro>> {
        let sql = format!("SELECT {RETRO_COLUMNS} FROM retros WHERE status = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(status.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(retro_from_row).collect()
    }

    /// Moves a retro from `from` to `to` if it is still in `from`. Returns whether this call
    /// made the move: the claim that keeps two closers (or processes) from both acting.
    pub async fn transition(
        &self,
        id: RetroId,
        from: RetroStatus,
        to: RetroStatus,
    ) -> StoreResult<bool> {
        debug_assert!(from.can_become(to), "{from:?} -> {to:?}");
        let closed_at = (to == RetroStatus::Closed).then(|| millis(Utc::now()));
        let done = sqlx::query(
            "UPDATE retros SET status = $1, closed_at = COALESCE($2, closed_at) \
             WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(closed_at)
        .bind(id.0)
        .bind(from.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks a retro that could not be posted as failed, with the reason. An anonymous one
    /// loses its secret: nothing it recorded can be linked to a member any more.
    pub async fn mark_failed(&self, id: RetroId, reason: &str) -> StoreResult<()> {
        let failed = sqlx::query("UPDATE retros SET status = 'failed', failure = $1 WHERE id = $2 AND status = 'posting'")
            .bind(reason)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if failed.rows_affected() == 1 {
            // Clicks made while it was posting keep no link either.
            self.seal_anonymous(id).await?;
        }
        Ok(())
    }

    pub async fn record_header(&self, id: RetroId, message_id: MessageId) -> StoreResult<()> {
        sqlx::query("UPDATE retros SET header_message_id = $1 WHERE id = $2")
            .bind(id_to_db(message_id))
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records (or updates) the Discord ids of a posted statement or question.
    pub async fn record_item(&self, id: RetroId, item: RetroItem) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO retro_items (retro_id, kind, position, message_id, thread_id) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (retro_id, kind, position) DO UPDATE SET \
             message_id = COALESCE(excluded.message_id, retro_items.message_id), \
             thread_id = COALESCE(excluded.thread_id, retro_items.thread_id)",
        )
        .bind(id.0)
        .bind(kind_str(item.kind))
        .bind(item.position as i64)
        .bind(item.message_id.map(id_to_db))
        .bind(item.thread_id.map(id_to_db))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The posted items of a retro: statements first, then questions, each by position.
    pub async fn items(&self, id: RetroId) -> StoreResult<Vec<RetroItem>> {
        let rows = sqlx::query(
            "SELECT kind, position, message_id, thread_id FROM retro_items WHERE retro_id = $1 \
             ORDER BY kind DESC, position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(RetroItem {
                    kind: if kind == "statement" {
                        ItemKind::Statement
                    } else {
                        ItemKind::Question
                    },
                    position: row.try_get::<i64, _>("position")? as usize,
                    message_id: row.try_get::<Option<i64>, _>("message_id")?.map(id_from_db),
                    thread_id: row.try_get::<Option<i64>, _>("thread_id")?.map(id_from_db),
                })
            })
            .collect()
    }

    /// Saves the rendered summary of a closing retro, so a restart posts the same one.
    pub async fn save_summary(&self, id: RetroId, summary_json: &str) -> StoreResult<()> {
        sqlx::query("UPDATE retros SET summary_json = $1 WHERE id = $2 AND summary_json IS NULL")
            .bind(summary_json)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The saved summary of a closing retro and the ids of the parts already posted.
    pub async fn summary_progress(
        &self,
        id: RetroId,
    ) -> StoreResult<(Option<String>, Vec<MessageId>)> {
        let row = sqlx::query("SELECT summary_json, summary_message_ids FROM retros WHERE id = $1")
            .bind(id.0)
            .fetch_one(&self.pool)
            .await?;
        let posted: String = row.try_get("summary_message_ids")?;
        let ids = posted
            .split(',')
            .filter_map(|s| s.parse().ok().map(MessageId))
            .collect();
        Ok((row.try_get("summary_json")?, ids))
    }

    /// Appends the id of a posted summary part, in one statement (two closers recording parts
    /// at once both keep theirs); an id already recorded is not added again.
    pub async fn record_summary_part(&self, id: RetroId, message_id: MessageId) -> StoreResult<()> {
        sqlx::query(
            "UPDATE retros SET summary_message_ids = CASE WHEN summary_message_ids = '' THEN $1 \
             ELSE summary_message_ids || ',' || $1 END \
             WHERE id = $2 AND ',' || summary_message_ids || ',' NOT LIKE '%,' || $1 || ',%'",
        )
        .bind(message_id.to_string())
        .bind(id.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
