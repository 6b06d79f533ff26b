//! One server's view of the bot's configuration: its settings in force (what it set, else the
//! operator's defaults from `config.toml`) and the templates it can use (built-in, operator's
//! and its own). Commands, schedules and autocomplete read them from here; GUILD_CREATE loads
//! the server's language setting from here too.

use std::sync::Arc;

use serenity::all::Guild;

use crate::discord::bot::Bot;
use crate::discord::language;
use crate::domain::ids::GuildId;
use crate::domain::server_catalog::ServerCatalog;
use crate::domain::settings::EffectiveSettings;
use crate::store::StoreResult;

/// The settings in force in `guild` now. Also refreshes the server's language kept in
/// `bot.languages`, so channel posts follow a changed `language` setting.
pub async fn settings_of(bot: &Bot, guild: GuildId) -> StoreResult<EffectiveSettings> {
    let here = bot.store.server_settings(guild).await?;
    let chosen = here.language.as_deref().and_then(language::of_tag);
    if chosen.is_none() && here.language.is_some() {
        tracing::warn!(
            guild = guild.get(),
            "the server's language has no translations; its posts follow its locale"
        );
    }
    bot.languages.choose(guild, chosen);
    Ok(here.resolve(&bot.config.setting_defaults()))
}

/// GUILD_CREATE: remembers the server's preferred locale now and loads its `language` setting
/// in the background (a store that cannot be read leaves it on auto until the next read).
pub fn on_guild_create(bot: &Arc<Bot>, guild: &Guild) {
    bot.languages.learn(guild);
    let (bot, guild) = (bot.clone(), GuildId(guild.id.get()));
    tokio::spawn(async move {
        if let Err(e) = settings_of(&bot, guild).await {
            tracing::warn!(guild = guild.get(), error = %e, "could not read the server's settings");
        }
    });
}

/// The templates `guild` can use (`None`: outside any server, the shared ones only).
pub async fn catalog_of(bot: &Bot, guild: Option<GuildId>) -> StoreResult<ServerCatalog<'_>> {
    let own = match guild {
        Some(guild) => bot.store.server_templates(guild).await?,
        None => Vec::new(),
    };
    Ok(ServerCatalog::new(&bot.config.templates, own))
}
