//! A server's own settings (facilitator role, default template, time zone, anonymity threshold,
//! reminders, check-in duration, language): each is either set for that server or falls back
//! to the operator's default from `config.toml` (the language to "auto": the server's own
//! language in Discord). Validation of values a server admin types, the stored text form of
//! each value, and the effective settings, each marked "set here" or "default".

use std::time::Duration;

use super::anonymous::{validate_min_voters, MIN_MIN_VOTERS};
use super::duration::{parse_duration, DurationBounds, DurationError};
use super::ids::RoleId;

/// The name of one setting, as the `/retro settings` option and the stored row call it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingName {
    FacilitatorRole,
    DefaultTemplate,
    Timezone,
    AnonymousMinVoters,
    Reminders,
    CheckinDuration,
    Language,
}

impl SettingName {
    pub const ALL: [SettingName; 7] = [
        SettingName::FacilitatorRole,
        SettingName::DefaultTemplate,
        SettingName::Timezone,
        SettingName::AnonymousMinVoters,
        SettingName::Reminders,
        SettingName::CheckinDuration,
        SettingName::Language,
    ];

    /// The option name (and stored name): `facilitator_role`, `timezone`, …
    pub fn as_str(self) -> &'static str {
        match self {
            SettingName::FacilitatorRole => "facilitator_role",
            SettingName::DefaultTemplate => "default_template",
            SettingName::Timezone => "timezone",
            SettingName::AnonymousMinVoters => "anonymous_min_voters",
            SettingName::Reminders => "reminders",
            SettingName::CheckinDuration => "checkin_duration",
            SettingName::Language => "language",
        }
    }

    pub fn parse(name: &str) -> Option<SettingName> {
        SettingName::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// One setting with its value, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    FacilitatorRole(RoleId),
    /// A template key; whether such a template exists is checked by the caller, who knows
    /// the server's catalog.
    DefaultTemplate(String),
    /// An IANA time zone name.
    Timezone(String),
    AnonymousMinVoters(u32),
    Reminders(bool),
    CheckinDuration(Duration),
    /// The language of the server's channel posts, as its short tag (`en`, `de`); which
    /// languages exist is checked by the caller, who knows the translations.
    Language(String),
}

/// Why a setting's value was refused. The `Display` is English (logs, the operator); members
/// read it worded in their language by the Discord layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {problem}", name = name.as_str())]
pub struct SettingError {
    pub name: SettingName,
    pub problem: SettingProblem,
}

/// What is wrong with a setting's value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingProblem {
    #[error("`{0}` is not an IANA time zone such as `Europe/Berlin`")]
    NotATimeZone(String),
    #[error("must be a whole number of at least {MIN_MIN_VOTERS}")]
    NotAVoterCount,
    #[error("must be at least {MIN_MIN_VOTERS}: with fewer voters a split shows how each of them voted (got {0})")]
    TooFewVoters(u32),
    #[error("{0}")]
    Duration(DurationError),
    #[error("`{0}` must be 1 to 32 characters of lowercase letters, digits and '-'")]
    NotATemplateKey(String),
    #[error("`{0}` is not a language tag such as `en` or `de`")]
    NotALanguage(String),
}

fn refuse(name: SettingName, problem: SettingProblem) -> SettingError {
    SettingError { name, problem }
}

impl SettingValue {
    pub fn name(&self) -> SettingName {
        match self {
            SettingValue::FacilitatorRole(_) => SettingName::FacilitatorRole,
            SettingValue::DefaultTemplate(_) => SettingName::DefaultTemplate,
            SettingValue::Timezone(_) => SettingName::Timezone,
            SettingValue::AnonymousMinVoters(_) => SettingName::AnonymousMinVoters,
            SettingValue::Reminders(_) => SettingName::Reminders,
            SettingValue::CheckinDuration(_) => SettingName::CheckinDuration,
            SettingValue::Language(_) => SettingName::Language,
        }
    }

    /// A time zone as typed: must be an IANA name such as `Europe/Berlin`.
    pub fn timezone(text: &str) -> Result<SettingValue, SettingError> {
        let text = text.trim();
        match text.parse::<chrono_tz::Tz>() {
            Ok(tz) => Ok(SettingValue::Timezone(tz.name().to_string())),
            Err(_) => Err(refuse(
                SettingName::Timezone,
                SettingProblem::NotATimeZone(text.to_string()),
            )),
        }
    }

    /// The smallest number of voters whose split an anonymous retro shows (at least 2).
    pub fn anonymous_min_voters(value: i64) -> Result<SettingValue, SettingError> {
        let value = u32::try_from(value).map_err(|_| {
            refuse(
                SettingName::AnonymousMinVoters,
                SettingProblem::NotAVoterCount,
            )
        })?;
        validate_min_voters(value)
            .map(SettingValue::AnonymousMinVoters)
            .map_err(|_| {
                refuse(
                    SettingName::AnonymousMinVoters,
                    SettingProblem::TooFewVoters(value),
                )
            })
    }

    /// A check-in duration as typed (`2d`, `48h`), within the operator's duration bounds.
    pub fn checkin_duration(
        text: &str,
        bounds: DurationBounds,
    ) -> Result<SettingValue, SettingError> {
        parse_duration(text, bounds)
            .map(SettingValue::CheckinDuration)
            .map_err(|e| refuse(SettingName::CheckinDuration, SettingProblem::Duration(e)))
    }

    /// A template key as typed (its format only).
    pub fn default_template(key: &str) -> Result<SettingValue, SettingError> {
        let key = key.trim();
        super::template::validate_key(key)
            .map(|()| SettingValue::DefaultTemplate(key.to_string()))
            .map_err(|_| {
                refuse(
                    SettingName::DefaultTemplate,
                    SettingProblem::NotATemplateKey(key.to_string()),
                )
            })
    }

    /// A language tag as chosen (its format only: two or three lowercase letters).
    pub fn language(tag: &str) -> Result<SettingValue, SettingError> {
        let tag = tag.trim();
        if (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(SettingValue::Language(tag.to_string()))
        } else {
            Err(refuse(
                SettingName::Language,
                SettingProblem::NotALanguage(tag.to_string()),
            ))
        }
    }

    /// The text the store keeps for this value.
    pub fn to_storage(&self) -> String {
        match self {
            SettingValue::FacilitatorRole(role) => role.to_string(),
            SettingValue::DefaultTemplate(key) => key.clone(),
            SettingValue::Timezone(tz) => tz.clone(),
            SettingValue::AnonymousMinVoters(n) => n.to_string(),
            SettingValue::Reminders(on) => if *on { "on" } else { "off" }.to_string(),
            SettingValue::CheckinDuration(d) => d.as_secs().to_string(),
            SettingValue::Language(tag) => tag.clone(),
        }
    }

    /// Reads back what [`SettingValue::to_storage`] wrote; None if it is not a valid value.
    pub fn from_storage(name: SettingName, text: &str) -> Option<SettingValue> {
        match name {
            SettingName::FacilitatorRole => text
                .parse()
                .ok()
                .map(|id| SettingValue::FacilitatorRole(RoleId(id))),
            SettingName::DefaultTemplate => SettingValue::default_template(text).ok(),
            SettingName::Timezone => SettingValue::timezone(text).ok(),
            SettingName::AnonymousMinVoters => text
                .parse::<i64>()
                .ok()
                .and_then(|n| SettingValue::anonymous_min_voters(n).ok()),
            SettingName::Reminders => match text {
                "on" => Some(SettingValue::Reminders(true)),
                "off" => Some(SettingValue::Reminders(false)),
                _ => None,
            },
            SettingName::CheckinDuration => text
                .parse()
                .ok()
                .map(|secs| SettingValue::CheckinDuration(Duration::from_secs(secs))),
            SettingName::Language => SettingValue::language(text).ok(),
        }
    }
}

/// What one server has set; every field None means "not set here, use the default".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerSettings {
    pub facilitator_role: Option<RoleId>,
    pub default_template: Option<String>,
    pub timezone: Option<String>,
    pub anonymous_min_voters: Option<u32>,
    pub reminders: Option<bool>,
    pub checkin_duration: Option<Duration>,
    /// A language tag; None is "auto" (the server's own language in Discord).
    pub language: Option<String>,
}

impl ServerSettings {
    /// Sets one field.
    pub fn set(&mut self, value: SettingValue) {
        match value {
            SettingValue::FacilitatorRole(v) => self.facilitator_role = Some(v),
            SettingValue::DefaultTemplate(v) => self.default_template = Some(v),
            SettingValue::Timezone(v) => self.timezone = Some(v),
            SettingValue::AnonymousMinVoters(v) => self.anonymous_min_voters = Some(v),
            SettingValue::Reminders(v) => self.reminders = Some(v),
            SettingValue::CheckinDuration(v) => self.checkin_duration = Some(v),
            SettingValue::Language(v) => self.language = Some(v),
        }
    }

    /// Un-sets one field (back to the default).
    pub fn clear(&mut self, name: SettingName) {
        match name {
            SettingName::FacilitatorRole => self.facilitator_role = None,
            SettingName::DefaultTemplate => self.default_template = None,
            SettingName::Timezone => self.timezone = None,
            SettingName::AnonymousMinVoters => self.anonymous_min_voters = None,
            SettingName::Reminders => self.reminders = None,
            SettingName::CheckinDuration => self.checkin_duration = None,
            SettingName::Language => self.language = None,
        }
    }

    /// The settings in force: this server's where set, otherwise the operator's defaults.
    pub fn resolve(&self, defaults: &SettingDefaults) -> EffectiveSettings {
        fn pick<T: Clone>(here: &Option<T>, default: &T) -> Resolved<T> {
            match here {
                Some(value) => Resolved {
                    value: value.clone(),
                    source: Source::SetHere,
                },
                None => Resolved {
                    value: default.clone(),
                    source: Source::Default,
                },
            }
        }
        EffectiveSettings {
            facilitator_role: match self.facilitator_role {
                Some(role) => Resolved {
                    value: FacilitatorRole::Role(role),
                    source: Source::SetHere,
                },
                None => Resolved {
                    value: defaults.facilitator_role.clone(),
                    source: Source::Default,
                },
            },
            default_template: pick(&self.default_template, &defaults.default_template),
            timezone: pick(&self.timezone, &defaults.timezone),
            anonymous_min_voters: pick(&self.anonymous_min_voters, &defaults.anonymous_min_voters),
            reminders: pick(&self.reminders, &defaults.reminders),
            checkin_duration: pick(&self.checkin_duration, &defaults.checkin_duration),
            language: pick(&self.language.clone().map(Some), &None),
        }
    }
}

/// Which role may facilitate: a role chosen in Discord, the operator's role given by name or
/// id in `config.toml`, or none (only Manage Server and the starter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FacilitatorRole {
    Role(RoleId),
    /// `facilitator_role` from `config.toml`: a role name or id, matched by the adapter.
    Configured(String),
    None,
}

/// The operator's defaults (from `config.toml`) for servers that set nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingDefaults {
    pub facilitator_role: FacilitatorRole,
    pub default_template: String,
    pub timezone: String,
    pub anonymous_min_voters: u32,
    pub reminders: bool,
    pub checkin_duration: Duration,
}

/// Where an effective setting comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    SetHere,
    Default,
}

/// One setting in force and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<T> {
    pub value: T,
    pub source: Source,
}

/// A server's settings in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectiveSettings {
    pub facilitator_role: Resolved<FacilitatorRole>,
    pub default_template: Resolved<String>,
    pub timezone: Resolved<String>,
    pub anonymous_min_voters: Resolved<u32>,
    pub reminders: Resolved<bool>,
    pub checkin_duration: Resolved<Duration>,
    /// A language tag, or None for "auto" (the server's own language in Discord).
    pub language: Resolved<Option<String>>,
}

#[cfg(test)]
mod tests;
