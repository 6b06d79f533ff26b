//! Schedules, occurrences claimed once, reminders claimed once.

use super::*;
use chrono::Duration;
use retrobot::domain::ids::{ChannelId, GuildId, MemberId, RoleId};
use retrobot::domain::recurrence::Recurrence;
use retrobot::domain::schedule::ScheduleId;
use retrobot::store::NewSchedule;

fn at(minute: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, minute, 0).unwrap()
}

fn new_schedule(channel: u64, next: chrono::DateTime<Utc>) -> NewSchedule {
    NewSchedule {
        guild_id: GuildId(1_000_000_000_000_000_001),
        channel_id: ChannelId(channel),
        creator_id: MemberId(42),
        recurrence: Recurrence::parse("every day 10:00", "Europe/Berlin", at(0)).unwrap(),
        template_key: "customer-obsession".into(),
        title: Some("Daily".into()),
        duration: Duration::hours(2),
        team_role_id: Some(RoleId(77)),
        participation: retrobot::domain::retro::Participation::Named,
        next_at: Some(next),
        created_at: at(0),
    }
}

contract!(
    schedules_are_stored_listed_paused_and_removed,
    |store: Store| async move {
        let a = store
            .create_schedule(&new_schedule(5, at(30)))
            .await
            .unwrap();
        let b = store
            .create_schedule(&new_schedule(6, at(20)))
            .await
            .unwrap();
        assert_eq!(
            a.recurrence.describe(),
            "every day at 10:00 (Europe/Berlin)"
        );
        assert_eq!(
            (a.duration, a.team_role_id, a.next_at),
            (Duration::hours(2), Some(RoleId(77)), Some(at(30)))
        );
        let guild = a.guild_id;
        assert_eq!(store.schedules_in(guild, None).await.unwrap().len(), 2);
        assert_eq!(
            store.schedules_in(guild, Some(ChannelId(6))).await.unwrap()[0].id,
            b.id
        );
        let upcoming = store.upcoming_occurrences().await.unwrap();
        assert_eq!(upcoming.iter().map(|(_, at)| *at).min(), Some(at(20)));
        store.set_paused(b.id, true, b.next_at).await.unwrap();
        assert_eq!(
            store.upcoming_occurrences().await.unwrap(),
            vec![(guild, at(30))],
            "paused schedules are not due"
        );
        assert!(store
            .due_schedules(at(59))
            .await
            .unwrap()
            .iter()
            .all(|s| s.id == a.id));
        assert!(
            !store.delete_schedule(a.id, GuildId(999)).await.unwrap(),
            "only in its own guild"
        );
        assert!(store.delete_schedule(a.id, guild).await.unwrap());
        assert!(store.schedule(a.id).await.unwrap().is_none());
    }
);

contract!(
    an_occurrence_starts_one_check_in_and_the_schedule_moves_on_once,
    |store: Store| async move {
        let s = store
            .create_schedule(&new_schedule(8, at(10)))
            .await
            .unwrap();
        let mut checkin = new_retro(8);
        checkin.occurrence = Some((s.id, at(10)));
        let first = store.create_retro(&checkin).await.unwrap();
        assert!(store.occurrence_started(s.id, at(10)).await.unwrap());
        // Another process (or a retry after a crash) tries the same occurrence.
        store
            .mark_failed(first.id, "free the channel for the test")
            .await
            .unwrap();
        let again = store.create_retro(&checkin).await;
        assert!(
            matches!(again, Err(StoreError::OccurrenceTaken)),
            "{again:?}"
        );
        assert!(store
            .advance_schedule(s.id, at(10), Some(at(40)))
            .await
            .unwrap());
        assert!(
            !store
                .advance_schedule(s.id, at(10), Some(at(40)))
                .await
                .unwrap(),
            "moved on once"
        );
        store
            .record_occurrence(s.id, at(5), "skipped", "missed")
            .await
            .unwrap();
        store
            .record_occurrence(s.id, at(5), "failed", "later")
            .await
            .unwrap();
        assert_eq!(
            store.occurrence_outcome(s.id, at(5)).await.unwrap(),
            Some(("skipped".into(), "missed".into()))
        );
        assert_eq!(
            store
                .occurrence_outcome(ScheduleId(999), at(5))
                .await
                .unwrap(),
            None
        );
    }
);

contract!(reminders_are_due_once, |store: Store| async move {
    let mut new = new_retro(9);
    new.remind_at = Some(at(45));
    new.team_role_id = Some(RoleId(31));
    let retro = store.create_retro(&new).await.unwrap();
    assert!(
        store.due_reminders(at(50)).await.unwrap().is_empty(),
        "not while posting"
    );
    store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap();
    assert_eq!(
        store.upcoming_reminders().await.unwrap(),
        vec![(retro.guild_id, at(45))]
    );
    assert!(store.due_reminders(at(44)).await.unwrap().is_empty());
    let due = store.due_reminders(at(45)).await.unwrap();
    assert_eq!((due.len(), due[0].team_role_id), (1, Some(RoleId(31))));
    assert!(store.claim_reminder(retro.id).await.unwrap());
    assert!(
        !store.claim_reminder(retro.id).await.unwrap(),
        "claimed once"
    );
    assert!(store.due_reminders(at(59)).await.unwrap().is_empty());
    store
        .apply_changes(&[change(
            1,
            Change::MarkAdded {
                retro: retro.id,
                position: 0,
                voter: MemberId(5),
                option: 0,
            },
        )])
        .await
        .unwrap();
    assert_eq!(store.voters(retro.id).await.unwrap(), vec![MemberId(5)]);
});
