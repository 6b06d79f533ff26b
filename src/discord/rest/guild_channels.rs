//! The server's channels with their names and permission overwrites, read once per command that
//! needs them (the overview's visibility and team names, the server export's channel names).

use serenity::http::{LightMethod, Request, Route};
use serenity::model::prelude::*;

use super::{DiscordRest, RestError};

impl DiscordRest {
    /// Every channel of the guild except threads (`GET /guilds/{id}/channels`).
    pub async fn guild_channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, RestError> {
        self.call(Request::new(
            Route::GuildChannels { guild_id: guild },
            LightMethod::Get,
        ))
        .await
    }
}
