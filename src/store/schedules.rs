//! Schedules and what the scheduler needs from the database: due schedules, moving a schedule
//! on (compare-and-set, so two processes never both do it), outcomes of occurrences that did
//! not become a check-in, and reminders claimed once.

use chrono::{DateTime, Duration, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::retros::{from_millis, millis, retro_from_row, template_json, RETRO_COLUMNS};
use super::{id_from_db, id_to_db, Store, StoreError, StoreResult};
use crate::domain::ids::{ChannelId, GuildId, MemberId, RoleId};
use crate::domain::recurrence::Recurrence;
use crate::domain::retro::{Participation, Retro, RetroId};
use crate::domain::schedule::{Schedule, ScheduleId};
use crate::domain::template::Template;

/// What `/retro schedule add` asks the store to create.
#[derive(Clone, Debug)]
pub struct NewSchedule {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub creator_id: MemberId,
    pub recurrence: Recurrence,
    pub template_key: String,
    pub title: Option<String>,
    pub duration: Duration,
    pub team_role_id: Option<RoleId>,
    pub participation: Participation,
    pub next_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// An open retro whose reminder is due.
#[derive(Clone, Debug)]
pub struct DueReminder {
    pub retro: Retro,
    pub team_role_id: Option<RoleId>,
}

pub(super) const SCHEDULE_COLUMNS: &str =
    "id, guild_id, channel_id, creator_id, rule, template_key, template_json, title, \
     duration_ms, team_role_id, anonymous, paused, next_at";

pub(super) fn schedule_from_row(row: &AnyRow) -> StoreResult<Schedule> {
    let rule: String = row.try_get("rule")?;
    let template = row
        .try_get::<Option<String>, _>("template_json")?
        .map(|json| {
            serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("template of a schedule: {e}")))
        })
        .transpose()?;
    let recurrence = Recurrence::from_storage(&rule)
        .map_err(|e| StoreError::Corrupt(format!("stored schedule rule: {e}")))?;
    Ok(Schedule {
        id: ScheduleId(row.try_get("id")?),
        guild_id: id_from_db(row.try_get("guild_id")?),
        channel_id: id_from_db(row.try_get("channel_id")?),
        creator_id: id_from_db(row.try_get("creator_id")?),
        recurrence,
        template_key: row.try_get("template_key")?,
        template,
        title: super::text::opt_from_db(row.try_get("title")?),
        duration: Duration::milliseconds(row.try_get("duration_ms")?),
        team_role_id: row
            .try_get::<Option<i64>, _>("team_role_id")?
            .map(id_from_db),
        participation: Participation::from_anonymous(row.try_get::<i64, _>("anonymous")? != 0),
        paused: row.try_get::<i64, _>("paused")? != 0,
        next_at: row.try_get::<Option<i64>, _>("next_at")?.map(from_millis),
    })
}

/// (guild, time in `column`) of each row.
fn guild_times(rows: &[AnyRow], column: &str) -> StoreResult<Vec<(GuildId, DateTime<Utc>)>> {
    rows.iter()
        .map(|r| {
            Ok((
                id_from_db(r.try_get("guild_id")?),
                from_millis(r.try_get(column)?),
            ))
        })
        .collect()
}

impl Store {
    /// Creates a schedule that keeps no copy of its template (its check-ins look the key up
    /// when they start). Prefer [`Store::create_schedule_with_template`].
    pub async fn create_schedule(&self, new: &NewSchedule) -> StoreResult<Schedule> {
        self.insert_schedule(new, None).await
    }

    /// Creates a schedule that keeps a copy of `template` (the one named by
    /// `new.template_key`): its check-ins use that copy even if the server's template is
    /// edited or deleted later.
    pub async fn create_schedule_with_template(
        &self,
        new: &NewSchedule,
        template: &Template,
    ) -> StoreResult<Schedule> {
        let json = template_json(template)?;
        self.insert_schedule(new, Some(json)).await
    }

    async fn insert_schedule(
        &self,
        new: &NewSchedule,
        template_json: Option<String>,
    ) -> StoreResult<Schedule> {
        let row = sqlx::query(
            "INSERT INTO schedules (guild_id, channel_id, creator_id, rule, template_key, title, \
             duration_ms, team_role_id, paused, next_at, created_at, anonymous, template_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12) RETURNING id",
        )
        .bind(id_to_db(new.guild_id))
        .bind(id_to_db(new.channel_id))
        .bind(id_to_db(new.creator_id))
        .bind(new.recurrence.to_storage())
        .bind(&new.template_key)
        .bind(super::text::opt_to_db(new.title.as_deref()))
        .bind(new.duration.num_milliseconds())
        .bind(new.team_role_id.map(id_to_db))
        .bind(new.next_at.map(millis))
        .bind(millis(new.created_at))
        .bind(i64::from(new.participation.is_anonymous()))
        .bind(template_json)
        .fetch_one(&self.pool)
        .await?;
        let id = ScheduleId(row.try_get("id")?);
        self.schedule(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("a schedule vanished right after insert".into()))
    }

    pub async fn schedule(&self, id: ScheduleId) -> StoreResult<Option<Schedule>> {
        let sql = format!("SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(schedule_from_row).transpose()
    }

    /// A guild's schedules (only `channel_id`'s when given), oldest first.
    pub async fn schedules_in(
        &self,
        guild_id: GuildId,
        channel_id: Option<ChannelId>,
    ) -> StoreResult<Vec<Schedule>> {
        let sql = format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = $1 \
             AND ($2 IS NULL OR channel_id = $2) ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(guild_id))
            .bind(channel_id.map(id_to_db))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// Deletes a schedule of `guild_id`; false if there is none with that id there.
    pub async fn delete_schedule(&self, id: ScheduleId, guild_id: GuildId) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM schedules WHERE id = $1 AND guild_id = $2")
            .bind(id.0)
            .bind(id_to_db(guild_id))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Pauses or resumes a schedule; resuming sets its next occurrence.
    pub async fn set_paused(
        &self,
        id: ScheduleId,
        paused: bool,
        next_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE schedules SET paused = $1, next_at = $2 WHERE id = $3")
            .bind(i64::from(paused))
            .bind(next_at.map(millis))
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Running schedules whose next occurrence is at or before `now`.
    pub async fn due_schedules(&self, now: DateTime<Utc>) -> StoreResult<Vec<Schedule>> {
        let sql = format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE paused = 0 AND next_at IS NOT NULL \
             AND next_at <= $1 ORDER BY next_at"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(millis(now))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// (guild, next occurrence) of every running schedule that fires again.
    pub async fn upcoming_occurrences(&self) -> StoreResult<Vec<(GuildId, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT guild_id, next_at FROM schedules WHERE paused = 0 AND next_at IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        guild_times(&rows, "next_at")
    }

    /// Moves a schedule from occurrence `from` to `to` if nobody did yet. Returns whether this
    /// call moved it.
    pub async fn advance_schedule(
        &self,
        id: ScheduleId,
        from: DateTime<Utc>,
        to: Option<DateTime<Utc>>,
    ) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE schedules SET next_at = $1 WHERE id = $2 AND next_at = $3")
            .bind(to.map(millis))
            .bind(id.0)
            .bind(millis(from))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Whether a check-in was started for this occurrence.
    pub async fn occurrence_started(&self, id: ScheduleId, at: DateTime<Utc>) -> StoreResult<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM retros WHERE schedule_id = $1 AND occurrence_at = $2",
        )
        .bind(id.0)
        .bind(millis(at))
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Records why an occurrence did not become a check-in (the first record wins).
    pub async fn record_occurrence(
        &self,
        id: ScheduleId,
        at: DateTime<Utc>,
        outcome: &str,
        detail: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO occurrences (schedule_id, due_at, outcome, detail, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (schedule_id, due_at) DO NOTHING",
        )
        .bind(id.0)
        .bind(millis(at))
        .bind(outcome)
        .bind(detail)
        .bind(millis(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The recorded outcome of an occurrence that did not become a check-in.
    pub async fn occurrence_outcome(
        &self,
        id: ScheduleId,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<(String, String)>> {
        let row = sqlx::query(
            "SELECT outcome, detail FROM occurrences WHERE schedule_id = $1 AND due_at = $2",
        )
        .bind(id.0)
        .bind(millis(at))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok((
                r.try_get("outcome")?,
                r.try_get::<Option<String>, _>("detail")?
                    .unwrap_or_default(),
            ))
        })
        .transpose()
    }

    /// Open retros whose reminder time has come and who were not reminded yet.
    pub async fn due_reminders(&self, now: DateTime<Utc>) -> StoreResult<Vec<DueReminder>> {
        let sql = format!(
            "SELECT {RETRO_COLUMNS}, team_role_id FROM retros WHERE status = 'open' AND reminded = 0 \
             AND remind_at IS NOT NULL AND remind_at <= $1 ORDER BY remind_at"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(millis(now))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(DueReminder {
                    retro: retro_from_row(row)?,
                    team_role_id: row
                        .try_get::<Option<i64>, _>("team_role_id")?
                        .map(id_from_db),
                })
            })
            .collect()
    }

    /// (guild, time) of every pending reminder of an open retro.
    pub async fn upcoming_reminders(&self) -> StoreResult<Vec<(GuildId, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT guild_id, remind_at FROM retros WHERE status = 'open' AND reminded = 0 AND remind_at IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        guild_times(&rows, "remind_at")
    }

    /// Claims a retro's reminder: true for exactly one caller.
    pub async fn claim_reminder(&self, retro: RetroId) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE retros SET reminded = 1 WHERE id = $1 AND reminded = 0 AND status = 'open'",
        )
        .bind(retro.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The members who have a vote on any statement of a retro.
    pub async fn voters(&self, retro: RetroId) -> StoreResult<Vec<MemberId>> {
        let rows = sqlx::query("SELECT DISTINCT user_id FROM reactions WHERE retro_id = $1")
            .bind(retro.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok(id_from_db(r.try_get("user_id")?)))
            .collect()
    }
}
