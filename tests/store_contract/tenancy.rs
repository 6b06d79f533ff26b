//! Per-server settings and templates: each server sees and changes only its own; schedules and
//! retros keep the copy they started with.

use super::*;
use std::time::Duration as StdDuration;

use retrobot::domain::ids::{ChannelId, GuildId, MemberId, RoleId};
use retrobot::domain::recurrence::Recurrence;
use retrobot::domain::settings::{ServerSettings, SettingName, SettingValue};
use retrobot::domain::template::Template;
use retrobot::domain::template_text::{parse_template_text, TemplateText};
use retrobot::store::NewSchedule;

const A: GuildId = GuildId(1_000_000_000_000_000_001);
const B: GuildId = GuildId(2_000_000_000_000_000_002);

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap()
}

fn team_template(key: &str, statement: &str) -> Template {
    parse_template_text(
        key,
        &TemplateText {
            name: format!("Team {key}"),
            statements: format!("{statement}\nWe learn."),
            questions: "What slowed us down?".into(),
            scale: "🟢 good 1\n🔴 bad 0".into(),
            ..TemplateText::default()
        },
    )
    .unwrap()
}

fn schedule_in(guild: GuildId, template_key: &str) -> NewSchedule {
    NewSchedule {
        guild_id: guild,
        channel_id: ChannelId(5),
        creator_id: MemberId(42),
        recurrence: Recurrence::parse("every day 10:00", "UTC", now()).unwrap(),
        template_key: template_key.into(),
        title: None,
        duration: chrono::Duration::hours(2),
        team_role_id: None,
        participation: retrobot::domain::retro::Participation::Named,
        next_at: Some(now() + chrono::Duration::days(1)),
        created_at: now(),
    }
}

contract!(
    settings_are_per_server_set_one_at_a_time_and_cleared,
    |store: Store| async move {
        assert_eq!(
            store.server_settings(A).await.unwrap(),
            ServerSettings::default()
        );
        let role = SettingValue::FacilitatorRole(RoleId(u64::MAX - 3));
        store.set_server_setting(A, &role, now()).await.unwrap();
        store
            .set_server_setting(A, &SettingValue::timezone("Europe/Berlin").unwrap(), now())
            .await
            .unwrap();
        store
            .set_server_setting(A, &SettingValue::Reminders(false), now())
            .await
            .unwrap();
        store
            .set_server_setting(
                A,
                &SettingValue::CheckinDuration(StdDuration::from_secs(7_200)),
                now(),
            )
            .await
            .unwrap();
        store
            .set_server_setting(A, &SettingValue::language("de").unwrap(), now())
            .await
            .unwrap();
        // Setting again replaces.
        store
            .set_server_setting(A, &SettingValue::anonymous_min_voters(4).unwrap(), now())
            .await
            .unwrap();
        store
            .set_server_setting(A, &SettingValue::anonymous_min_voters(5).unwrap(), now())
            .await
            .unwrap();
        store
            .set_server_setting(
                B,
                &SettingValue::default_template("squad-health-check").unwrap(),
                now(),
            )
            .await
            .unwrap();

        let a = store.server_settings(A).await.unwrap();
        assert_eq!(
            a,
            ServerSettings {
                facilitator_role: Some(RoleId(u64::MAX - 3)),
                default_template: None,
                timezone: Some("Europe/Berlin".into()),
                anonymous_min_voters: Some(5),
                reminders: Some(false),
                checkin_duration: Some(StdDuration::from_secs(7_200)),
                language: Some("de".into()),
            }
        );
        let b = store.server_settings(B).await.unwrap();
        assert_eq!(b.default_template.as_deref(), Some("squad-health-check"));
        assert_eq!(b.timezone, None, "A's settings never reach B");

        assert!(store
            .clear_server_setting(A, SettingName::Timezone)
            .await
            .unwrap());
        assert!(!store
            .clear_server_setting(A, SettingName::Timezone)
            .await
            .unwrap());
        assert_eq!(store.server_settings(A).await.unwrap().timezone, None);
        assert_eq!(store.clear_server_settings(A).await.unwrap(), 5);
        assert_eq!(
            store.server_settings(A).await.unwrap(),
            ServerSettings::default()
        );
        assert!(store
            .server_settings(B)
            .await
            .unwrap()
            .default_template
            .is_some());
    }
);

contract!(
    templates_are_per_server_with_unique_keys,
    |store: Store| async move {
        let pulse = team_template("pulse", "We ship.");
        store
            .create_server_template(A, &pulse, MemberId(42), now())
            .await
            .unwrap();
        let taken = store
            .create_server_template(A, &team_template("pulse", "Other."), MemberId(43), now())
            .await;
        assert!(
            matches!(&taken, Err(StoreError::TemplateKeyTaken(key)) if key == "pulse"),
            "{taken:?}"
        );
        // The same key in another server is another template.
        store
            .create_server_template(B, &team_template("pulse", "B ships."), MemberId(44), now())
            .await
            .unwrap();
        store
            .create_server_template(A, &team_template("alpha", "First."), MemberId(42), now())
            .await
            .unwrap();

        assert_eq!(
            store.server_template(A, "pulse").await.unwrap(),
            Some(pulse.clone())
        );
        assert_eq!(
            store
                .server_template(B, "pulse")
                .await
                .unwrap()
                .unwrap()
                .statements[0],
            "B ships."
        );
        assert_eq!(store.server_template(B, "alpha").await.unwrap(), None);
        let keys: Vec<String> = store
            .server_templates(A)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(keys, ["alpha", "pulse"]);
        assert_eq!(store.server_templates(GuildId(3)).await.unwrap(), vec![]);

        let edited = team_template("pulse", "We ship weekly.");
        assert!(store
            .update_server_template(A, &edited, now())
            .await
            .unwrap());
        assert!(!store
            .update_server_template(A, &team_template("nope", "x"), now())
            .await
            .unwrap());
        assert_eq!(
            store.server_template(A, "pulse").await.unwrap(),
            Some(edited)
        );
        assert_eq!(
            store
                .server_template(B, "pulse")
                .await
                .unwrap()
                .unwrap()
                .statements[0],
            "B ships.",
            "editing A's template leaves B's alone"
        );

        assert!(store.delete_server_template(A, "pulse").await.unwrap());
        assert!(!store.delete_server_template(A, "pulse").await.unwrap());
        assert_eq!(store.server_template(A, "pulse").await.unwrap(), None);
        assert!(store.server_template(B, "pulse").await.unwrap().is_some());
    }
);

contract!(
    schedules_keep_their_template_and_are_named_before_a_delete,
    |store: Store| async move {
        let pulse = team_template("pulse", "We ship.");
        store
            .create_server_template(A, &pulse, MemberId(42), now())
            .await
            .unwrap();
        let kept = store
            .create_schedule_with_template(&schedule_in(A, "pulse"), &pulse)
            .await
            .unwrap();
        assert_eq!(kept.template.as_ref(), Some(&pulse));
        let plain = store
            .create_schedule(&schedule_in(A, "customer-obsession"))
            .await
            .unwrap();
        assert_eq!(plain.template, None);
        store
            .create_schedule(&schedule_in(B, "pulse"))
            .await
            .unwrap();

        let users = store.schedules_using_template(A, "pulse").await.unwrap();
        assert_eq!(users.iter().map(|s| s.id).collect::<Vec<_>>(), [kept.id]);

        // Editing and deleting the server's template leaves the schedule's copy as it was.
        store
            .update_server_template(A, &team_template("pulse", "Changed."), now())
            .await
            .unwrap();
        store.delete_server_template(A, "pulse").await.unwrap();
        let again = store.schedule(kept.id).await.unwrap().unwrap();
        assert_eq!(again.template, Some(pulse));
    }
);

contract!(
    a_retro_keeps_the_threshold_it_started_with,
    |store: Store| async move {
        let kept = store.create_retro_keeping(&new_retro(7), 6).await.unwrap();
        assert_eq!(kept.anonymous_min_voters, Some(6));
        let again = store.retro(kept.id).await.unwrap().unwrap();
        assert_eq!(again.anonymous_min_voters, Some(6));
        let plain = store.create_retro(&new_retro(8)).await.unwrap();
        assert_eq!(plain.anonymous_min_voters, None);
    }
);
