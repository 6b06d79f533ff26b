//! Per-server settings: one row per setting a server set (no row means the operator's
//! default). Values are stored in the text form the domain defines.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::retros::millis;
use super::{id_to_db, Store, StoreResult};
use crate::domain::ids::GuildId;
use crate::domain::settings::{ServerSettings, SettingName, SettingValue};

impl Store {
    /// What `guild` has set (fields it never set, or whose stored value no longer validates,
    /// are None).
    pub async fn server_settings(&self, guild: GuildId) -> StoreResult<ServerSettings> {
        let rows = sqlx::query("SELECT name, value FROM server_settings WHERE guild_id = $1")
            .bind(id_to_db(guild.get()))
            .fetch_all(&self.pool)
            .await?;
        let mut settings = ServerSettings::default();
        for row in rows {
            let name: String = row.try_get("name")?;
            let value: String = row.try_get("value")?;
            match SettingName::parse(&name).and_then(|n| SettingValue::from_storage(n, &value)) {
                Some(value) => settings.set(value),
                None => tracing::warn!(
                    guild = guild.get(),
                    setting = %name,
                    "ignoring a stored server setting that is no longer valid"
                ),
            }
        }
        Ok(settings)
    }

    /// Sets one setting of `guild` (replacing what it had).
    pub async fn set_server_setting(
        &self,
        guild: GuildId,
        value: &SettingValue,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO server_settings (guild_id, name, value, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (guild_id, name) DO UPDATE SET value = excluded.value, \
             updated_at = excluded.updated_at",
        )
        .bind(id_to_db(guild.get()))
        .bind(value.name().as_str())
        .bind(value.to_storage())
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Un-sets one setting of `guild` (back to the default); false if it was not set.
    pub async fn clear_server_setting(
        &self,
        guild: GuildId,
        name: SettingName,
    ) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM server_settings WHERE guild_id = $1 AND name = $2")
            .bind(id_to_db(guild.get()))
            .bind(name.as_str())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Un-sets every setting of `guild`; returns how many were set.
    pub async fn clear_server_settings(&self, guild: GuildId) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM server_settings WHERE guild_id = $1")
            .bind(id_to_db(guild.get()))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
