//! `/retro settings`: the settings shown in the reader's language, and the `language` option's
//! choices in every language.

use std::time::Duration;

use super::*;
use crate::domain::settings::{ServerSettings, SettingDefaults};

fn defaults() -> SettingDefaults {
    SettingDefaults {
        facilitator_role: FacilitatorRole::None,
        default_template: "customer-obsession".into(),
        timezone: "UTC".into(),
        anonymous_min_voters: 3,
        reminders: true,
        checkin_duration: Duration::from_secs(86_400),
    }
}

#[test]
fn the_settings_are_shown_in_the_readers_language_with_the_language_in_force() {
    let mut here = ServerSettings::default();
    here.set(SettingValue::timezone("Europe/Berlin").unwrap());
    let shown = lines(
        &here.resolve(&defaults()),
        Language::English,
        Language::German,
    );
    assert_eq!(shown.len(), SettingName::ALL.len(), "one line per setting");
    assert_eq!(shown[2], "timezone: `Europe/Berlin` (set here)");
    assert_eq!(shown[4], "reminders: on (default)");
    assert_eq!(
        shown[6],
        "language: auto (now German, the server's language in Discord) (default)"
    );
    here.set(SettingValue::Language("de".into()));
    let german = lines(
        &here.resolve(&defaults()),
        Language::German,
        Language::English,
    );
    assert_eq!(german[2], "zeitzone: `Europe/Berlin` (hier festgelegt)");
    assert_eq!(german[4], "erinnerungen: an (Standard)");
    assert_eq!(german[6], "sprache: Deutsch (hier festgelegt)");
}

#[test]
fn every_language_is_a_named_choice_in_every_language() {
    let option = serde_json::to_value(definition()).unwrap();
    let language = option["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "language")
        .expect("the language option")
        .clone();
    let choices = language["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 1 + Language::ALL.len());
    assert_eq!(choices[0]["value"], AUTO);
    for (choice, lang) in choices[1..].iter().zip(Language::ALL) {
        assert_eq!(choice["value"], lang.tag());
        for reader in Language::ALL {
            let name = reader.t(&language_name_id(lang));
            assert!(
                !name.starts_with("settings-"),
                "{reader:?} lacks {lang:?}'s name"
            );
        }
    }
    assert_eq!(choices[2]["name"], "German");
    assert_eq!(choices[2]["name_localizations"]["de"], "Deutsch");
    assert_eq!(
        choices[0]["name_localizations"]["de"],
        "automatisch (die Sprache des Servers in Discord)"
    );
}
