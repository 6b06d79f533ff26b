//! Settings: defaults, validation messages and the stored text form.

use super::*;

fn defaults() -> SettingDefaults {
    SettingDefaults {
        facilitator_role: FacilitatorRole::Configured("Retro Lead".into()),
        default_template: "customer-obsession".into(),
        timezone: "UTC".into(),
        anonymous_min_voters: 3,
        reminders: true,
        checkin_duration: Duration::from_secs(86_400),
    }
}

#[test]
fn unset_fields_fall_back_to_the_defaults_and_say_so() {
    let mut here = ServerSettings::default();
    here.set(SettingValue::timezone("Europe/Berlin").unwrap());
    here.set(SettingValue::FacilitatorRole(RoleId(77)));
    let effective = here.resolve(&defaults());
    assert_eq!(effective.timezone.value, "Europe/Berlin");
    assert_eq!(effective.timezone.source, Source::SetHere);
    assert_eq!(
        effective.anonymous_min_voters,
        Resolved {
            value: 3,
            source: Source::Default
        }
    );
    assert_eq!(
        effective.facilitator_role,
        Resolved {
            value: FacilitatorRole::Role(RoleId(77)),
            source: Source::SetHere
        }
    );
    here.clear(SettingName::Timezone);
    assert_eq!(here.resolve(&defaults()).timezone.source, Source::Default);
    assert_eq!(
        ServerSettings::default()
            .resolve(&defaults())
            .facilitator_role
            .value,
        FacilitatorRole::Configured("Retro Lead".into())
    );
}

#[test]
fn the_language_is_auto_until_a_server_chooses_one() {
    let mut here = ServerSettings::default();
    let auto = Resolved {
        value: None,
        source: Source::Default,
    };
    assert_eq!(here.resolve(&defaults()).language, auto);
    here.set(SettingValue::language("de").unwrap());
    assert_eq!(
        here.resolve(&defaults()).language,
        Resolved {
            value: Some("de".to_string()),
            source: Source::SetHere
        }
    );
    here.clear(SettingName::Language);
    assert_eq!(here.resolve(&defaults()).language, auto);
    for bad in ["", "German", "DE", "de-DE", "e"] {
        assert!(SettingValue::language(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn values_are_validated_with_messages_for_the_admin() {
    let e = SettingValue::timezone("Mars/Olympus").unwrap_err();
    assert_eq!(
        e.to_string(),
        "timezone: `Mars/Olympus` is not an IANA time zone such as `Europe/Berlin`"
    );
    let e = SettingValue::anonymous_min_voters(1).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("anonymous_min_voters: must be at least 2"),
        "{e}"
    );
    assert!(SettingValue::anonymous_min_voters(-4).is_err());
    assert_eq!(
        SettingValue::anonymous_min_voters(2),
        Ok(SettingValue::AnonymousMinVoters(2))
    );
    let e = SettingValue::checkin_duration("90d", DurationBounds::default()).unwrap_err();
    assert!(e.to_string().contains("too long"), "{e}");
    assert_eq!(
        SettingValue::checkin_duration("2d", DurationBounds::default()),
        Ok(SettingValue::CheckinDuration(Duration::from_secs(
            2 * 86_400
        )))
    );
    assert!(SettingValue::default_template("Not A Key").is_err());
}

#[test]
fn every_value_survives_its_stored_text() {
    let values = [
        SettingValue::FacilitatorRole(RoleId(u64::MAX - 1)),
        SettingValue::DefaultTemplate("team-check".into()),
        SettingValue::Timezone("America/New_York".into()),
        SettingValue::AnonymousMinVoters(4),
        SettingValue::Reminders(false),
        SettingValue::CheckinDuration(Duration::from_secs(3_600)),
        SettingValue::Language("de".into()),
    ];
    for value in values {
        let name = SettingName::parse(value.name().as_str()).unwrap();
        assert_eq!(
            SettingValue::from_storage(name, &value.to_storage()),
            Some(value)
        );
    }
    assert_eq!(
        SettingValue::from_storage(SettingName::Reminders, "maybe"),
        None
    );
    assert_eq!(SettingName::parse("colour"), None);
    assert_eq!(
        SettingValue::from_storage(SettingName::Language, "Klingon!"),
        None
    );
    assert_eq!(SettingName::ALL.len(), 7, "every setting is listed");
}
