//! The operator's values from `config.toml` as the defaults of per-server settings: what a
//! server that set nothing gets.

use super::Config;
use crate::domain::settings::{FacilitatorRole, SettingDefaults};

impl Config {
    /// The defaults every server's settings resolve against.
    pub fn setting_defaults(&self) -> SettingDefaults {
        SettingDefaults {
            facilitator_role: match &self.facilitator_role {
                Some(role) => FacilitatorRole::Configured(role.clone()),
                None => FacilitatorRole::None,
            },
            default_template: self.default_template.clone(),
            timezone: self.default_timezone.clone(),
            anonymous_min_voters: self.anonymous_min_voters,
            // Reminders are on unless a server turns them off (`reminder_before` sets when).
            reminders: true,
            checkin_duration: self.checkin_duration,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Env};
    use crate::domain::settings::{FacilitatorRole, ServerSettings, Source};

    struct TokenOnly;

    impl Env for TokenOnly {
        fn var(&self, name: &str) -> Option<String> {
            (name == "DISCORD_TOKEN").then(|| "t".to_string())
        }
    }

    #[test]
    fn a_server_that_set_nothing_gets_the_configured_values() {
        let config = Config::from_env(&TokenOnly).unwrap();
        let defaults = config.setting_defaults();
        assert_eq!(defaults.facilitator_role, FacilitatorRole::None);
        let effective = ServerSettings::default().resolve(&defaults);
        assert_eq!(effective.timezone.value, config.default_timezone);
        assert_eq!(effective.checkin_duration.value, config.checkin_duration);
        assert_eq!(effective.default_template.value, "customer-obsession");
        assert_eq!(effective.anonymous_min_voters.source, Source::Default);
        assert!(effective.reminders.value);
    }
}
