//! The REST calls that describe a server as a whole: the guild object (its owner and roles)
//! and its channels with their permission overwrites. Used only to fill the permission cache
//! for a server whose GUILD_CREATE has not arrived yet.

use serenity::http::{LightMethod, Request, Route};
use serenity::model::prelude::*;

use super::{DiscordRest, RestError};

impl DiscordRest {
    /// The guild object (owner, roles).
    pub async fn guild(&self, guild: GuildId) -> Result<PartialGuild, RestError> {
        self.call(Request::new(
            Route::Guild { guild_id: guild },
            LightMethod::Get,
        ))
        .await
    }

    /// The guild's channels (not threads) with their permission overwrites.
    pub async fn guild_channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, RestError> {
        self.call(Request::new(
            Route::GuildChannels { guild_id: guild },
            LightMethod::Get,
        ))
        .await
    }
}
