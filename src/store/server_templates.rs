//! A server's own templates: created, edited and deleted from Discord, keyed per server, seen
//! by that server only; and the schedules of a server that use a template key.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::retros::{is_unique_violation, millis, template_json};
use super::schedules::{schedule_from_row, SCHEDULE_COLUMNS};
use super::{id_to_db, Store, StoreError, StoreResult};
use crate::domain::ids::{GuildId, MemberId};
use crate::domain::schedule::Schedule;
use crate::domain::template::Template;

fn template_from_row(row: &AnyRow) -> StoreResult<Template> {
    let json: String = row.try_get("template_json")?;
    serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("a server template: {e}")))
}

impl Store {
    /// Adds a template to `guild`. Fails with [`StoreError::TemplateKeyTaken`] when the server
    /// already has one with that key.
    pub async fn create_server_template(
        &self,
        guild: GuildId,
        template: &Template,
        author: MemberId,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let inserted = sqlx::query(
            "INSERT INTO server_templates (guild_id, template_key, template_json, author_id, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(id_to_db(guild.get()))
        .bind(&template.key)
        .bind(template_json(template)?)
        .bind(id_to_db(author.get()))
        .bind(millis(now))
        .execute(&self.pool)
        .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(e) if is_unique_violation(&e) => {
                Err(StoreError::TemplateKeyTaken(template.key.clone()))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces the template of `guild` with `template.key`; false if the server has none.
    /// Retros and schedules keep the copy they were started or created with.
    pub async fn update_server_template(
        &self,
        guild: GuildId,
        template: &Template,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE server_templates SET template_json = $1, updated_at = $2 \
             WHERE guild_id = $3 AND template_key = $4",
        )
        .bind(template_json(template)?)
        .bind(millis(now))
        .bind(id_to_db(guild.get()))
        .bind(&template.key)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes the template `key` of `guild`; false if the server has none.
    pub async fn delete_server_template(&self, guild: GuildId, key: &str) -> StoreResult<bool> {
        let done =
            sqlx::query("DELETE FROM server_templates WHERE guild_id = $1 AND template_key = $2")
                .bind(id_to_db(guild.get()))
                .bind(key)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The templates of `guild`, by key.
    pub async fn server_templates(&self, guild: GuildId) -> StoreResult<Vec<Template>> {
        let rows = sqlx::query(
            "SELECT template_json FROM server_templates WHERE guild_id = $1 ORDER BY template_key",
        )
        .bind(id_to_db(guild.get()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(template_from_row).collect()
    }

    /// The template `key` of `guild`, if the server has one.
    pub async fn server_template(
        &self,
        guild: GuildId,
        key: &str,
    ) -> StoreResult<Option<Template>> {
        let row = sqlx::query(
            "SELECT template_json FROM server_templates WHERE guild_id = $1 AND template_key = $2",
        )
        .bind(id_to_db(guild.get()))
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(template_from_row).transpose()
    }

    /// The schedules of `guild` created with the template `key` (to name them before the
    /// template is deleted), oldest first.
    pub async fn schedules_using_template(
        &self,
        guild: GuildId,
        key: &str,
    ) -> StoreResult<Vec<Schedule>> {
        let sql = format!(
            "SELECT {SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = $1 AND template_key = $2 \
             ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(guild.get()))
            .bind(key)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }
}
