//! Looking back: a channel's closed check-ins for trends and history, voters' names for
//! exports, and action items.

use super::store_support::{self, contract};
use chrono::{NaiveDate, TimeZone, Utc};
use retrobot::domain::ids::{ChannelId, GuildId, MemberId};
use retrobot::domain::live::Change;
use retrobot::domain::retro::{Retro, RetroId, RetroStatus};
use retrobot::domain::template::TemplateCatalog;
use retrobot::store::{ClosedFilter, NewAction, NewRetro, SequencedChange, Store};

fn retro_of(channel: u64, template: &str) -> NewRetro {
    NewRetro {
        guild_id: GuildId(1_000_000_000_000_000_001),
        channel_id: ChannelId(channel),
        template: TemplateCatalog::builtin().get(template).unwrap().clone(),
        title: None,
        facilitator_id: MemberId(42),
        created_at: Utc.timestamp_millis_opt(1_700_000_000_123).unwrap(),
        closes_at: None,
        remind_at: None,
        occurrence: None,
        team_role_id: None,
        lease: None,
        participation: retrobot::domain::retro::Participation::Named,
    }
}

/// Creates a retro and walks it through its life to `closed`.
async fn closed_retro(store: &Store, channel: u64, template: &str) -> Retro {
    let retro = store
        .create_retro(&retro_of(channel, template))
        .await
        .unwrap();
    for (from, to) in [
        (RetroStatus::Posting, RetroStatus::Open),
        (RetroStatus::Open, RetroStatus::Closing),
        (RetroStatus::Closing, RetroStatus::Closed),
    ] {
        assert!(store.transition(retro.id, from, to).await.unwrap());
    }
    retro
}

fn ids(closed: &[retrobot::store::ClosedRetro]) -> Vec<RetroId> {
    closed.iter().map(|c| c.retro.id).collect()
}

contract!(
    lists_a_channels_closed_check_ins_newest_first,
    |store: Store| async move {
        let channel = 900_000_000_000_000_001;
        let a1 = closed_retro(&store, channel, "customer-obsession").await;
        let s1 = closed_retro(&store, channel, "squad-health-check").await;
        let a2 = closed_retro(&store, channel, "customer-obsession").await;
        let elsewhere = closed_retro(&store, 5, "customer-obsession").await;
        let failed = store
            .create_retro(&retro_of(channel, "customer-obsession"))
            .await
            .unwrap();
        store.mark_failed(failed.id, "test").await.unwrap();

        let all = store
            .closed_retros_in_channel(ChannelId(channel), ClosedFilter::default(), 10)
            .await
            .unwrap();
        assert_eq!(ids(&all), [a2.id, s1.id, a1.id]);
        assert!(all.iter().all(|c| c.retro.status == RetroStatus::Closed));
        let age = Utc::now() - all[0].closed_at;
        assert!(age < chrono::Duration::minutes(5), "closed just now: {age}");

        let filter = ClosedFilter {
            template_key: Some("customer-obsession"),
            before: Some(a2.id),
        };
        let earlier = store
            .closed_retros_in_channel(ChannelId(channel), filter, 10)
            .await
            .unwrap();
        assert_eq!(ids(&earlier), [a1.id], "same template, before a2");
        let limited = store
            .closed_retros_in_channel(ChannelId(channel), ClosedFilter::default(), 2)
            .await
            .unwrap();
        assert_eq!(ids(&limited), [a2.id, s1.id]);
        assert!(store
            .closed_retros_in_channel(ChannelId(77), ClosedFilter::default(), 10)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .closed_retros_in_channel(ChannelId(5), ClosedFilter::default(), 10)
                .await
                .unwrap()[0]
                .retro
                .id,
            elsewhere.id
        );

        // The latest retro (actions go there) skips failed ones and includes open ones.
        assert_eq!(
            store
                .latest_retro_in_channel(ChannelId(channel))
                .await
                .unwrap()
                .unwrap()
                .id,
            a2.id
        );
        let open = store
            .create_retro(&retro_of(channel, "squad-health-check"))
            .await
            .unwrap();
        assert_eq!(
            store
                .latest_retro_in_channel(ChannelId(channel))
                .await
                .unwrap()
                .unwrap()
                .id,
            open.id
        );
        assert!(store
            .latest_retro_in_channel(ChannelId(77))
            .await
            .unwrap()
            .is_none());
        assert!(store.closed_at(a1.id).await.unwrap().is_some());
        assert!(store.closed_at(open.id).await.unwrap().is_none());
    }
);

contract!(
    remembers_voters_names_nickname_first,
    |store: Store| async move {
        let retro = store
            .create_retro(&retro_of(11, "squad-health-check"))
            .await
            .unwrap();
        let big = u64::MAX - 7;
        let named = |seq, voter, name: &str| SequencedChange {
            seq,
            change: Change::VoterNamed {
                retro: retro.id,
                voter: MemberId(voter),
                name: name.into(),
            },
        };
        store
            .apply_changes(&[
                named(1, 5, "Bob"),
                named(2, big, "Zed"),
                named(3, 5, "Bobby"), // newest in the batch wins
            ])
            .await
            .unwrap();
        // Reconciliation only fills in voters not named yet.
        store
            .record_voter_names(
                retro.id,
                &[
                    (MemberId(5), "bob-global".into()),
                    (MemberId(6), "Carol".into()),
                    (MemberId(6), "Carol again".into()),
                ],
            )
            .await
            .unwrap();
        store
            .apply_changes(&[named(4, big, "Zed (nick)")])
            .await
            .unwrap();
        let names = store.voter_names(retro.id).await.unwrap();
        assert_eq!(names.len(), 3);
        assert_eq!(names[&MemberId(5)], "Bobby");
        assert_eq!(names[&MemberId(6)], "Carol");
        assert_eq!(names[&MemberId(big)], "Zed (nick)");
        store.record_voter_names(retro.id, &[]).await.unwrap();
    }
);

contract!(
    records_lists_and_completes_actions,
    |store: Store| async move {
        let channel = 12;
        let first = closed_retro(&store, channel, "customer-obsession").await;
        let due = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
        let new = |retro: RetroId, text: &str, owner, due| NewAction {
            retro,
            channel_id: ChannelId(channel),
            text: text.into(),
            owner_id: owner,
            due,
            created_by: MemberId(42),
            created_at: Utc.timestamp_millis_opt(1_700_000_100_000).unwrap(),
        };
        let a = store
            .add_action(&new(
                first.id,
                "Automate releases",
                Some(MemberId(u64::MAX - 1)),
                Some(due),
            ))
            .await
            .unwrap();
        let b = store
            .add_action(&new(first.id, "Talk to customers", None, None))
            .await
            .unwrap();
        assert_eq!(a.owner_id, Some(MemberId(u64::MAX - 1)));
        assert_eq!(a.due, Some(due));
        assert_eq!(a.channel_id, ChannelId(channel));
        assert_eq!(
            a.created_at.timestamp_millis(),
            1_700_000_100_000,
            "times round-trip"
        );
        assert!(!a.is_done());
        assert_eq!(store.action(b.id).await.unwrap().unwrap(), b);

        let second = store
            .create_retro(&retro_of(channel, "customer-obsession"))
            .await
            .unwrap();
        let c = store
            .add_action(&new(second.id, "During the second", None, None))
            .await
            .unwrap();
        let from_last_time = store
            .open_actions_in_channel(ChannelId(channel), Some(second.id))
            .await
            .unwrap();
        assert_eq!(from_last_time, vec![a.clone(), b.clone()]);
        let all_open = store
            .open_actions_in_channel(ChannelId(channel), None)
            .await
            .unwrap();
        assert_eq!(all_open.len(), 3);
        assert_eq!(
            store.actions_of_retro(second.id).await.unwrap(),
            vec![c.clone()]
        );

        let at = Utc.timestamp_millis_opt(1_700_000_200_000).unwrap();
        assert!(store.complete_action(a.id, MemberId(7), at).await.unwrap());
        assert!(
            !store.complete_action(a.id, MemberId(8), at).await.unwrap(),
            "done once"
        );
        let open = store
            .open_actions_in_channel(ChannelId(channel), Some(second.id))
            .await
            .unwrap();
        assert_eq!(open, vec![b.clone()]);
        let done = store
            .done_actions_in_channel(ChannelId(channel), 5)
            .await
            .unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].done_at, Some(at));
        assert!(store.action(999_999).await.unwrap().is_none());
        assert!(store
            .open_actions_in_channel(ChannelId(99), None)
            .await
            .unwrap()
            .is_empty());
    }
);
