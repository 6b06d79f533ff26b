//! The store contract: the same tests run against a real SQLite file and, when
//! `TEST_POSTGRES_URL` is set, against a fresh PostgreSQL database, so the two backends can
//! never drift. A set but unreachable `TEST_POSTGRES_URL` fails the tests.

mod store_support;

#[path = "store_contract/anonymous.rs"]
mod anonymous;

use chrono::{TimeZone, Utc};
use retrobot::domain::live::Change;
use retrobot::domain::retro::{ItemKind, RetroStatus};
use retrobot::domain::summary::Reply;
use retrobot::domain::tally::tally;
use retrobot::domain::template::TemplateCatalog;
use retrobot::store::{NewRetro, RetroItem, SequencedChange, Store, StoreError};
use store_support::contract;

fn new_retro(channel: u64) -> NewRetro {
    NewRetro {
        guild_id: 1_000_000_000_000_000_001,
        channel_id: channel,
        template: TemplateCatalog::builtin()
            .get("customer-obsession")
            .unwrap()
            .clone(),
        title: Some("Sprint 14".into()),
        facilitator_id: 42,
        created_at: Utc.timestamp_millis_opt(1_700_000_000_123).unwrap(),
        closes_at: Some(Utc.timestamp_millis_opt(1_700_000_900_000).unwrap()),
        remind_at: None,
        occurrence: None,
        team_role_id: None,
        lease: None,
        anonymous: false,
    }
}

fn change(seq: i64, change: Change) -> SequencedChange {
    SequencedChange { seq, change }
}

contract!(creates_and_reads_back_a_retro, |store: Store| async move {
    let created = store
        .create_retro(&new_retro(900_000_000_000_000_001))
        .await
        .unwrap();
    let read = store.retro(created.id).await.unwrap().unwrap();
    assert_eq!(read, created);
    assert_eq!(read.status, RetroStatus::Posting);
    assert_eq!(read.title.as_deref(), Some("Sprint 14"));
    assert_eq!(read.template.statements.len(), 3);
    assert_eq!(read.channel_id, 900_000_000_000_000_001);
    assert_eq!(
        read.closes_at.unwrap().timestamp_millis(),
        1_700_000_900_000
    );
    assert_eq!(read.created_at.timestamp_millis(), 1_700_000_000_123);
});

contract!(one_active_retro_per_channel, |store: Store| async move {
    let first = store.create_retro(&new_retro(7)).await.unwrap();
    match store.create_retro(&new_retro(7)).await {
        Err(StoreError::ChannelBusy(id)) => assert_eq!(id, first.id),
        other => panic!("expected ChannelBusy, got {other:?}"),
    }
    assert!(
        store.create_retro(&new_retro(8)).await.is_ok(),
        "another channel is free"
    );
    store.mark_failed(first.id, "test").await.unwrap();
    let again = store.create_retro(&new_retro(7)).await.unwrap();
    assert_ne!(again.id, first.id);
    assert_eq!(
        store.active_retro_in_channel(7).await.unwrap().unwrap().id,
        again.id
    );
});

contract!(transitions_are_claims, |store: Store| async move {
    let retro = store.create_retro(&new_retro(9)).await.unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap());
    assert!(store
        .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
        .await
        .unwrap());
    assert!(
        !store
            .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
            .await
            .unwrap(),
        "second claim loses"
    );
    assert_eq!(
        store
            .retros_with_status(RetroStatus::Closing)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store
        .transition(retro.id, RetroStatus::Closing, RetroStatus::Closed)
        .await
        .unwrap());
    assert!(store.active_retro_in_channel(9).await.unwrap().is_none());
    store.mark_failed(retro.id, "too late").await.unwrap();
    assert_eq!(
        store.retro(retro.id).await.unwrap().unwrap().status,
        RetroStatus::Closed,
        "closed never changes"
    );
});

contract!(records_posted_items, |store: Store| async move {
    let retro = store.create_retro(&new_retro(10)).await.unwrap();
    store.record_header(retro.id, 5_000).await.unwrap();
    let statement = RetroItem {
        kind: ItemKind::Statement,
        position: 1,
        message_id: Some(5_001),
        thread_id: None,
    };
    store.record_item(retro.id, statement).await.unwrap();
    let thread = RetroItem {
        kind: ItemKind::Question,
        position: 0,
        message_id: None,
        thread_id: Some(6_000),
    };
    store.record_item(retro.id, thread).await.unwrap();
    store
        .record_item(
            retro.id,
            RetroItem {
                message_id: Some(6_001),
                thread_id: None,
                ..thread
            },
        )
        .await
        .unwrap();
    let items = store.items(retro.id).await.unwrap();
    assert_eq!(
        items,
        vec![
            statement,
            RetroItem {
                kind: ItemKind::Question,
                position: 0,
                message_id: Some(6_001),
                thread_id: Some(6_000)
            }
        ]
    );
    assert_eq!(
        store
            .retro(retro.id)
            .await
            .unwrap()
            .unwrap()
            .header_message_id,
        Some(5_000)
    );
});

contract!(applies_changes_in_order, |store: Store| async move {
    let retro = store.create_retro(&new_retro(11)).await.unwrap();
    let id = retro.id;
    let big_voter = u64::MAX - 3; // ids above i64::MAX survive the round trip
    store
        .apply_changes(&[
            change(
                1,
                Change::MarkAdded {
                    retro: id,
                    position: 0,
                    voter: 5,
                    option: 0,
                },
            ),
            change(
                2,
                Change::MarkAdded {
                    retro: id,
                    position: 0,
                    voter: 5,
                    option: 1,
                },
            ),
            change(
                3,
                Change::MarkAdded {
                    retro: id,
                    position: 0,
                    voter: big_voter,
                    option: 1,
                },
            ),
            change(
                4,
                Change::MarkAdded {
                    retro: id,
                    position: 1,
                    voter: 6,
                    option: 1,
                },
            ),
            change(
                5,
                Change::MarkRemoved {
                    retro: id,
                    position: 1,
                    voter: 6,
                    option: 1,
                },
            ),
            change(
                6,
                Change::MarkRemoved {
                    retro: id,
                    position: 2,
                    voter: 6,
                    option: 0,
                },
            ),
        ])
        .await
        .unwrap();
    let marks = store.marks(id).await.unwrap();
    let t = tally(&retro.template.scale, 3, &marks);
    assert_eq!(t.statements[0].counts, vec![0, 2]);
    assert_eq!(t.statements[1].counts, vec![0, 0]);
    assert!(marks.iter().any(|m| m.voter == big_voter));
    // 👎 removed: member 5's 👍 counts again.
    store
        .apply_changes(&[change(
            7,
            Change::MarkRemoved {
                retro: id,
                position: 0,
                voter: 5,
                option: 1,
            },
        )])
        .await
        .unwrap();
    let t = tally(&retro.template.scale, 3, &store.marks(id).await.unwrap());
    assert_eq!(t.statements[0].counts, vec![1, 1]);
    assert_eq!(store.participation(id).await.unwrap().voters, 2);
});

contract!(
    a_batch_keeps_only_the_last_change_of_each_reaction,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(17)).await.unwrap();
        let id = retro.id;
        let mut batch = Vec::new();
        let mut push = |change| {
            let seq = batch.len() as i64 + 1;
            batch.push(SequencedChange { seq, change });
        };
        // 600 members (more than one multi-row statement holds): 👍, then 👎, then every
        // third retracts 👎 and falls back to 👍.
        for voter in 0..600u64 {
            push(Change::MarkAdded {
                retro: id,
                position: 0,
                voter,
                option: 0,
            });
            push(Change::MarkAdded {
                retro: id,
                position: 0,
                voter,
                option: 1,
            });
            if voter % 3 == 0 {
                push(Change::MarkRemoved {
                    retro: id,
                    position: 0,
                    voter,
                    option: 1,
                });
            }
        }
        // Removed, then added again, in the same batch: present.
        push(Change::MarkRemoved {
            retro: id,
            position: 1,
            voter: 7,
            option: 0,
        });
        push(Change::MarkAdded {
            retro: id,
            position: 1,
            voter: 7,
            option: 0,
        });
        store.apply_changes(&batch).await.unwrap();
        let t = tally(&retro.template.scale, 3, &store.marks(id).await.unwrap());
        assert_eq!(t.statements[0].counts, vec![200, 400]);
        assert_eq!(t.statements[1].counts, vec![1, 0]);
    }
);

contract!(
    replies_are_written_edited_and_deleted,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(12)).await.unwrap();
        let id = retro.id;
        let reply = |message_id, content: &str| Reply {
            message_id,
            question: 2,
            author_id: 77,
            author_name: "Bob".into(),
            content: content.into(),
        };
        store
            .apply_changes(&[
                change(
                    1,
                    Change::ReplyWritten {
                        retro: id,
                        reply: reply(100, "first"),
                    },
                ),
                change(
                    2,
                    Change::ReplyWritten {
                        retro: id,
                        reply: reply(101, "second"),
                    },
                ),
                change(
                    3,
                    Change::ReplyEdited {
                        retro: id,
                        message_id: 100,
                        content: "first, edited".into(),
                    },
                ),
                change(
                    4,
                    Change::ReplyDeleted {
                        retro: id,
                        message_id: 101,
                    },
                ),
                change(
                    5,
                    Change::ReplyEdited {
                        retro: id,
                        message_id: 555,
                        content: "unknown".into(),
                    },
                ),
            ])
            .await
            .unwrap();
        assert_eq!(
            store.replies(id).await.unwrap(),
            vec![reply(100, "first, edited")]
        );
        assert_eq!(store.participation(id).await.unwrap().replies, 1);
    }
);

contract!(
    reconciling_marks_matches_discord,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(13)).await.unwrap();
        let id = retro.id;
        store
            .apply_changes(&[
                change(
                    10,
                    Change::MarkAdded {
                        retro: id,
                        position: 0,
                        voter: 1,
                        option: 0,
                    },
                ),
                change(
                    11,
                    Change::MarkAdded {
                        retro: id,
                        position: 0,
                        voter: 2,
                        option: 0,
                    },
                ),
            ])
            .await
            .unwrap();
        // Discord shows: 1 kept 👍 and added 👎 while we were away; 2 removed 👍; 3 voted 👍.
        let mut seq = 100;
        let mut next = || {
            seq += 1;
            seq
        };
        let (added, removed) = store
            .reconcile_marks(id, 0, &[(1, 0), (1, 1), (3, 0)], &mut next)
            .await
            .unwrap();
        assert_eq!((added, removed), (2, 1));
        let marks = store.marks(id).await.unwrap();
        let t = tally(&retro.template.scale, 3, &marks);
        assert_eq!(
            t.statements[0].counts,
            vec![1, 1],
            "member 1's newly found 👎 is newer than the known 👍"
        );
        let known = marks
            .iter()
            .find(|m| m.voter == 1 && m.option == 0)
            .unwrap();
        assert_eq!(known.seq, 10, "known marks keep their order");
        let (added, removed) = store
            .reconcile_marks(id, 0, &[(1, 0), (1, 1), (3, 0)], &mut next)
            .await
            .unwrap();
        assert_eq!((added, removed), (0, 0), "nothing counted twice");
    }
);

contract!(
    reconciling_replies_matches_discord,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(14)).await.unwrap();
        let id = retro.id;
        let reply = |message_id, author_name: &str, content: &str| Reply {
            message_id,
            question: 0,
            author_id: 5,
            author_name: author_name.into(),
            content: content.into(),
        };
        store
            .apply_changes(&[
                change(
                    1,
                    Change::ReplyWritten {
                        retro: id,
                        reply: reply(200, "Nick", "kept"),
                    },
                ),
                change(
                    2,
                    Change::ReplyWritten {
                        retro: id,
                        reply: reply(201, "Nick", "deleted while away"),
                    },
                ),
            ])
            .await
            .unwrap();
        let listed = [
            reply(200, "GlobalName", "kept, edited while away"),
            reply(202, "GlobalName", "written while away"),
        ];
        let (written, removed) = store.reconcile_replies(id, 0, &listed, 9).await.unwrap();
        assert_eq!((written, removed), (2, 1));
        let stored = store.replies(id).await.unwrap();
        assert_eq!(
            stored,
            vec![
                reply(200, "Nick", "kept, edited while away"),
                reply(202, "GlobalName", "written while away")
            ]
        );
        assert_eq!(
            store.reconcile_replies(id, 0, &listed, 10).await.unwrap(),
            (0, 0)
        );
    }
);

contract!(summary_progress_survives, |store: Store| async move {
    let retro = store.create_retro(&new_retro(15)).await.unwrap();
    assert_eq!(
        store.summary_progress(retro.id).await.unwrap(),
        (None, vec![])
    );
    store.save_summary(retro.id, "[1,2]").await.unwrap();
    store.save_summary(retro.id, "[3]").await.unwrap();
    store
        .record_summary_part(retro.id, 9_000_000_000_000_000_001)
        .await
        .unwrap();
    store
        .record_summary_part(retro.id, 9_000_000_000_000_000_002)
        .await
        .unwrap();
    assert_eq!(
        store.summary_progress(retro.id).await.unwrap(),
        (
            Some("[1,2]".into()),
            vec![9_000_000_000_000_000_001, 9_000_000_000_000_000_002]
        ),
        "the first saved summary is kept"
    );
});

#[tokio::test]
async fn sqlite_file_is_created_and_keeps_data_across_reconnects() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested-name.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::connect(&url).await.unwrap();
    let retro = store.create_retro(&new_retro(16)).await.unwrap();
    store.close().await;
    assert!(path.exists());
    let reopened = Store::connect(&url).await.unwrap();
    assert_eq!(
        reopened.retro(retro.id).await.unwrap().unwrap().id,
        retro.id
    );
}

mod schedules {
    use super::*;
    use chrono::Duration;
    use retrobot::domain::recurrence::Recurrence;
    use retrobot::domain::schedule::ScheduleId;
    use retrobot::store::NewSchedule;

    fn at(minute: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 10, minute, 0).unwrap()
    }

    fn new_schedule(channel: u64, next: chrono::DateTime<Utc>) -> NewSchedule {
        NewSchedule {
            guild_id: 1_000_000_000_000_000_001,
            channel_id: channel,
            creator_id: 42,
            recurrence: Recurrence::parse("every day 10:00", "Europe/Berlin", at(0)).unwrap(),
            template_key: "customer-obsession".into(),
            title: Some("Daily".into()),
            duration: Duration::hours(2),
            team_role_id: Some(77),
            anonymous: false,
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
                (Duration::hours(2), Some(77), Some(at(30)))
            );
            let guild = a.guild_id;
            assert_eq!(store.schedules_in(guild, None).await.unwrap().len(), 2);
            assert_eq!(
                store.schedules_in(guild, Some(6)).await.unwrap()[0].id,
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
                !store.delete_schedule(a.id, 999).await.unwrap(),
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
        new.team_role_id = Some(31);
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
        assert_eq!((due.len(), due[0].team_role_id), (1, Some(31)));
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
                    voter: 5,
                    option: 0,
                },
            )])
            .await
            .unwrap();
        assert_eq!(store.voters(retro.id).await.unwrap(), vec![5]);
    });
}
