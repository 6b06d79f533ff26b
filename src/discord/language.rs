//! Which language the bot writes in on Discord: answers only the caller sees follow the
//! member's locale (`interaction.locale`); channel posts follow the server's `language` setting
//! (`/retro settings language:`), or on "auto" the server's preferred locale, learned from
//! GUILD_CREATE and GUILD_UPDATE. A retro keeps the language it started in (its template copy
//! carries it), so its later posts and summary match its first ones.
//!
//! The setting lives in the store; it is kept here too, so that `bot.languages.of(guild)` stays
//! a plain lookup: loaded at GUILD_CREATE (`server::on_guild_create`) and refreshed whenever the
//! server's settings are read (`server::settings_of`, which every start, check-in and settings
//! change goes through).

use std::collections::HashMap;
use std::sync::RwLock;

use serenity::all::{CommandInteraction, Guild, PartialGuild};

use crate::domain::ids::GuildId;
use crate::domain::retro::Retro;
use crate::i18n::Language;

/// What decides one server's language.
#[derive(Clone, Debug, Default)]
struct ServerLanguage {
    /// The server's preferred locale, as Discord last told it.
    preferred: Option<String>,
    /// The server's `language` setting; None is "auto" (the preferred locale).
    chosen: Option<Language>,
}

/// The servers' languages: their preferred locales and their `language` settings.
#[derive(Default)]
pub struct ServerLanguages {
    servers: RwLock<HashMap<GuildId, ServerLanguage>>,
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
        let mut servers = self.servers.write().unwrap_or_else(|e| e.into_inner());
        servers.entry(guild).or_default().preferred = Some(locale.to_string());
    }

    /// Remembers `guild`'s `language` setting (None: auto), as the store last gave it.
    pub fn choose(&self, guild: GuildId, chosen: Option<Language>) {
        let mut servers = self.servers.write().unwrap_or_else(|e| e.into_inner());
        servers.entry(guild).or_default().chosen = chosen;
    }

    /// The language of `guild`'s channel posts: the one it chose, else its preferred locale's
    /// (English until Discord said otherwise).
    pub fn of(&self, guild: GuildId) -> Language {
        let servers = self.servers.read().unwrap_or_else(|e| e.into_inner());
        let Some(server) = servers.get(&guild) else {
            return Language::English;
        };
        server
            .chosen
            .unwrap_or_else(|| Language::from_locale(server.preferred.as_deref().unwrap_or("")))
    }

    /// The language of `guild`'s preferred locale: what "auto" means there now.
    pub fn preferred(&self, guild: GuildId) -> Language {
        let servers = self.servers.read().unwrap_or_else(|e| e.into_inner());
        servers
            .get(&guild)
            .and_then(|s| s.preferred.as_deref())
            .map_or(Language::English, Language::from_locale)
    }
}

/// The translated language a `language` setting's tag names; None for a tag without
/// translations (one stored before a language was removed: treated as auto).
pub fn of_tag(tag: &str) -> Option<Language> {
    Language::ALL.into_iter().find(|lang| lang.tag() == tag)
}

/// The language of answers only the member who used `command` sees.
pub fn of_member(command: &CommandInteraction) -> Language {
    Language::from_locale(&command.locale)
}

/// The language of `retro`'s posts: the one it started in.
pub fn of_retro(retro: &Retro) -> Language {
    Language::from_locale(&retro.template.language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_wins_over_the_preferred_locale_until_it_is_reset() {
        let languages = ServerLanguages::default();
        let (guild, other) = (GuildId(1), GuildId(2));
        assert_eq!(languages.of(guild), Language::English, "nothing known yet");
        languages.remember(guild, "en-US");
        languages.remember(other, "de");
        languages.choose(guild, Some(Language::German));
        assert_eq!(languages.of(guild), Language::German);
        assert_eq!(languages.preferred(guild), Language::English);
        assert_eq!(
            languages.of(other),
            Language::German,
            "other servers keep theirs"
        );
        languages.remember(guild, "en-GB");
        assert_eq!(
            languages.of(guild),
            Language::German,
            "a locale change keeps the choice"
        );
        languages.choose(guild, None);
        assert_eq!(languages.of(guild), Language::English);
        languages.choose(GuildId(3), Some(Language::German));
        assert_eq!(
            languages.of(GuildId(3)),
            Language::German,
            "chosen before GUILD_CREATE"
        );
    }

    #[test]
    fn every_language_is_found_by_its_tag() {
        for lang in Language::ALL {
            assert_eq!(of_tag(lang.tag()), Some(lang));
        }
        assert_eq!(of_tag("xx"), None);
    }
}
