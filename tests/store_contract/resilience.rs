//! Store contract of what keeps the data path robust: member text stored exactly as written
//! (NUL included), summary part ids appended atomically, lease owners unique per process, the
//! retros flagged to be re-read from Discord, and the health check's write.

use retrobot::domain::ids::{ChannelId, GuildId, MemberId, MessageId};
use std::collections::BTreeSet;

use chrono::Duration;
use retrobot::domain::anonymous::member_key;
use retrobot::domain::recurrence::Recurrence;
use retrobot::domain::retro::RetroId;
use retrobot::store::{new_lease_owner, AnswerSaved, NewAction, NewSchedule};

use super::*;

/// Text a member can send that a naive store mangles or refuses: NUL bytes (PostgreSQL TEXT
/// refuses them), the store's own escape character, and text that looks like an escape.
const NASTY: [&str; 5] = [
    "before\0after",
    "\0",
    "\u{1}0 is not a NUL, \u{1}1 is not an escape\u{1}",
    "emoji 👍🏽 and \u{1}\0\u{1}\0 mixed",
    "plain",
];

contract!(member_text_round_trips_exactly, |store: Store| async move {
    for (i, text) in NASTY.iter().enumerate() {
        let channel = 500 + i as u64;
        let created = store
            .create_retro(&NewRetro {
                title: Some(text.to_string()),
                ..new_retro(channel)
            })
            .await
            .unwrap();
        let retro = store.retro(created.id).await.unwrap().unwrap();
        assert_eq!(retro.title.as_deref(), Some(*text), "title");

        let reply = Reply {
            message_id: MessageId(9_000 + i as u64),
            question: 1,
            author_id: MemberId(77),
            author_name: format!("name {text}"),
            content: text.to_string(),
        };
        store
            .apply_changes(&[
                change(
                    1,
                    Change::ReplyWritten {
                        retro: retro.id,
                        reply: reply.clone(),
                    },
                ),
                change(
                    2,
                    Change::VoterNamed {
                        retro: retro.id,
                        voter: MemberId(77),
                        name: text.to_string(),
                    },
                ),
            ])
            .await
            .unwrap();
        assert_eq!(store.replies(retro.id).await.unwrap(), vec![reply.clone()]);
        assert_eq!(
            store
                .voter_names(retro.id)
                .await
                .unwrap()
                .get(&MemberId(77))
                .map(String::as_str),
            Some(*text),
            "display name"
        );
        let edited = format!("{text} (edited)");
        store
            .apply_changes(&[change(
                3,
                Change::ReplyEdited {
                    retro: retro.id,
                    message_id: reply.message_id,
                    content: edited.clone(),
                },
            )])
            .await
            .unwrap();
        assert_eq!(store.replies(retro.id).await.unwrap()[0].content, edited);
        // Reconciling with what Discord lists (the same text) changes nothing.
        let listed = Reply {
            content: edited.clone(),
            ..reply.clone()
        };
        let (written, removed) = store
            .reconcile_replies(retro.id, 1, std::slice::from_ref(&listed), 4)
            .await
            .unwrap();
        assert_eq!((written, removed), (0, 0), "stored text equals Discord's");

        let action = store
            .add_action(&NewAction {
                retro: retro.id,
                channel_id: ChannelId(channel),
                text: text.to_string(),
                owner_id: None,
                due: None,
                created_by: MemberId(42),
                created_at: Utc::now(),
            })
            .await
            .unwrap();
        assert_eq!(store.action(action.id).await.unwrap().unwrap().text, *text);

        let schedule = store
            .create_schedule(&NewSchedule {
                guild_id: GuildId(1),
                channel_id: ChannelId(channel),
                creator_id: MemberId(42),
                recurrence: Recurrence::parse("every day 10:00", "UTC", Utc::now()).unwrap(),
                template_key: "customer-obsession".into(),
                title: Some(text.to_string()),
                duration: Duration::hours(1),
                team_role_id: None,
                participation: retrobot::domain::retro::Participation::Named,
                next_at: None,
                created_at: Utc::now(),
            })
            .await
            .unwrap();
        let read = store.schedule(schedule.id).await.unwrap().unwrap();
        assert_eq!(read.title.as_deref(), Some(*text), "schedule title");
    }
});

contract!(
    anonymous_answers_round_trip_exactly,
    |store: Store| async move {
        let retro = store
            .create_retro(&NewRetro {
                participation: retrobot::domain::retro::Participation::Anonymous,
                ..new_retro(520)
            })
            .await
            .unwrap();
        assert!(store
            .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
            .await
            .unwrap());
        let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
        for (i, text) in NASTY.iter().enumerate() {
            let key = member_key(&secret, retro.id, MemberId(100 + i as u64));
            let AnswerSaved::Saved(saved) = store
                .save_anonymous_answer(retro.id, 0, key, Some(text))
                .await
                .unwrap()
            else {
                panic!("answer not saved");
            };
            assert_eq!(saved.content.as_deref(), Some(*text));
            store
                .anonymous_answer_posted(&saved.token, MessageId(700 + i as u64), text)
                .await
                .unwrap();
            let read = store
                .anonymous_answer(retro.id, 0, key)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(read.content.as_deref(), Some(*text));
            assert!(read.synced, "posted text compares equal to the stored text");
        }
        let mut contents: Vec<String> = store
            .anonymous_answers(retro.id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.content)
            .collect();
        contents.sort();
        let mut expected: Vec<String> = NASTY.iter().map(|t| t.to_string()).collect();
        expected.sort();
        assert_eq!(contents, expected);
    }
);

contract!(
    summary_parts_are_appended_atomically,
    |store: Store| async move {
        let retro = store.create_retro(&new_retro(530)).await.unwrap();
        let writers = (0..12u64).map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .record_summary_part(retro.id, MessageId(1_000 + i))
                    .await
            })
        });
        for writer in writers.collect::<Vec<_>>() {
            writer.await.unwrap().unwrap();
        }
        store
            .record_summary_part(retro.id, MessageId(1_003))
            .await
            .unwrap(); // already recorded
        let (_, mut ids) = store.summary_progress(retro.id).await.unwrap();
        assert_eq!(ids.len(), 12, "{ids:?}");
        ids.sort_unstable();
        assert_eq!(ids, (1_000..1_012).map(MessageId).collect::<Vec<_>>());
    }
);

contract!(
    two_processes_with_the_same_shards_never_share_a_lease,
    |store: Store| async move {
        let first = new_lease_owner("0..1 of 1").unwrap();
        let second = new_lease_owner("0..1 of 1").unwrap();
        assert_ne!(first, second);
        assert!(first.starts_with("0..1 of 1/"));
        let retro = store.create_retro(&new_retro(540)).await.unwrap();
        let now = Utc::now();
        let until = now + Duration::minutes(2);
        assert!(store
            .take_lease(retro.id, RetroStatus::Posting, &first, true, now, until)
            .await
            .unwrap());
        // The replacement process at start-up (own leases allowed) does not take it...
        assert!(!store
            .take_lease(retro.id, RetroStatus::Posting, &second, true, now, until)
            .await
            .unwrap());
        // ...the holder renews it, and the other gets it only once it expired.
        assert!(store
            .take_lease(retro.id, RetroStatus::Posting, &first, true, now, until)
            .await
            .unwrap());
        let later = until + Duration::seconds(1);
        assert!(store
            .take_lease(
                retro.id,
                RetroStatus::Posting,
                &second,
                true,
                later,
                later + Duration::minutes(2)
            )
            .await
            .unwrap());
    }
);

contract!(
    retros_flagged_for_reread_are_listed_and_cleared,
    |store: Store| async move {
        assert!(store.retros_needing_reread().await.unwrap().is_empty());
        let flagged = BTreeSet::from([RetroId(5), RetroId(9)]);
        let t0 = Utc.timestamp_millis_opt(1_700_000_000_000).unwrap();
        store.flag_retros_for_reread(&flagged, t0).await.unwrap();
        store.flag_retros_for_reread(&flagged, t0).await.unwrap(); // twice is once
        assert_eq!(
            store.retros_needing_reread().await.unwrap(),
            vec![RetroId(5), RetroId(9)]
        );
        // Flagged again while a re-read that started at t1 ran: the flag stays.
        let t1 = t0 + Duration::seconds(10);
        store
            .flag_retros_for_reread(&BTreeSet::from([RetroId(9)]), t1 + Duration::seconds(1))
            .await
            .unwrap();
        store.clear_reread(RetroId(5), t1).await.unwrap();
        store.clear_reread(RetroId(9), t1).await.unwrap();
        assert_eq!(
            store.retros_needing_reread().await.unwrap(),
            vec![RetroId(9)]
        );
        store
            .clear_reread(RetroId(9), t1 + Duration::seconds(2))
            .await
            .unwrap();
        assert!(store.retros_needing_reread().await.unwrap().is_empty());
    }
);

contract!(the_health_check_writes, |store: Store| async move {
    assert_eq!(retrobot::ops::database_write_problem(&store).await, None);
    store.ping().await.unwrap();
});
