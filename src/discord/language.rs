//! Which language the bot writes in on Discord: answers only the caller sees follow the
//! member's locale (`interaction.locale`); channel posts follow the server's preferred locale,
//! learned from GUILD_CREATE and GUILD_UPDATE. A retro keeps the language it started in (its
//! template copy carries it), so its later posts and summary match its first ones.

use std::collections::HashMap;
use std::sync::RwLock;

use serenity::all::{CommandInteraction, Guild, PartialGuild};

use crate::domain::ids::GuildId;
use crate::domain::retro::Retro;
use crate::i18n::Language;

/// The servers' preferred locales, as Discord last told them.
#[derive(Default)]
pub struct ServerLanguages {
    locales: RwLock<HashMap<GuildId, String>>,
}

impl ServerLanguages {
    /// Remembers `guild`'s preferred locale (from GUILD_CREATE).
    pub fn learn(&self, guild: &Guild) {
        self.remember(GuildId(guild.id.get()), &guild.preferred_locale);
    }

    /// Remembers a changed preferred locale (from GUILD_UPDATE).
    pub fn learn_update(&self, guild: &PartialGuild) {
        self.remember(GuildId(guild.id.get()), &guild.preferred_locale);
    }

    fn remember(&self, guild: GuildId, locale: &str) {
        let mut locales = self.locales.write().unwrap_or_else(|e| e.into_inner());
        locales.insert(guild, locale.to_string());
    }

    /// The language of `guild`'s channel posts (English until Discord said otherwise).
    pub fn of(&self, guild: GuildId) -> Language {
        let locales = self.locales.read().unwrap_or_else(|e| e.into_inner());
        locales
            .get(&guild)
            .map_or(Language::English, |l| Language::from_locale(l))
    }
}

/// The language of answers only the member who used `command` sees.
pub fn of_member(command: &CommandInteraction) -> Language {
    Language::from_locale(&command.locale)
}

/// The language of `retro`'s posts: the one it started in.
pub fn of_retro(retro: &Retro) -> Language {
    Language::from_locale(&retro.template.language)
}
