//! Members' input: ordered batches of reactions and replies, and reconciliation.

use super::*;
use retrobot::domain::ids::{MemberId, MessageId};

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
                    voter: MemberId(5),
                    option: 0,
                },
            ),
            change(
                2,
                Change::MarkAdded {
                    retro: id,
                    position: 0,
                    voter: MemberId(5),
                    option: 1,
                },
            ),
            change(
                3,
                Change::MarkAdded {
                    retro: id,
                    position: 0,
                    voter: MemberId(big_voter),
                    option: 1,
                },
            ),
            change(
                4,
                Change::MarkAdded {
                    retro: id,
                    position: 1,
                    voter: MemberId(6),
                    option: 1,
                },
            ),
            change(
                5,
                Change::MarkRemoved {
                    retro: id,
                    position: 1,
                    voter: MemberId(6),
                    option: 1,
                },
            ),
            change(
                6,
                Change::MarkRemoved {
                    retro: id,
                    position: 2,
                    voter: MemberId(6),
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
    assert!(marks.iter().any(|m| m.voter == MemberId(big_voter)));
    // 👎 removed: member 5's 👍 counts again.
    store
        .apply_changes(&[change(
            7,
            Change::MarkRemoved {
                retro: id,
                position: 0,
                voter: MemberId(5),
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
                voter: MemberId(voter),
                option: 0,
            });
            push(Change::MarkAdded {
                retro: id,
                position: 0,
                voter: MemberId(voter),
                option: 1,
            });
            if voter % 3 == 0 {
                push(Change::MarkRemoved {
                    retro: id,
                    position: 0,
                    voter: MemberId(voter),
                    option: 1,
                });
            }
        }
        // Removed, then added again, in the same batch: present.
        push(Change::MarkRemoved {
            retro: id,
            position: 1,
            voter: MemberId(7),
            option: 0,
        });
        push(Change::MarkAdded {
            retro: id,
            position: 1,
            voter: MemberId(7),
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
            message_id: MessageId(message_id),
            question: 2,
            author_id: MemberId(77),
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
                        message_id: MessageId(100),
                        content: "first, edited".into(),
                    },
                ),
                change(
                    4,
                    Change::ReplyDeleted {
                        retro: id,
                        message_id: MessageId(101),
                    },
                ),
                change(
                    5,
                    Change::ReplyEdited {
                        retro: id,
                        message_id: MessageId(555),
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
                        voter: MemberId(1),
                        option: 0,
                    },
                ),
                change(
                    11,
                    Change::MarkAdded {
                        retro: id,
                        position: 0,
                        voter: MemberId(2),
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
            .reconcile_marks(
                id,
                0,
                &[(MemberId(1), 0), (MemberId(1), 1), (MemberId(3), 0)],
                &mut next,
            )
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
            .find(|m| m.voter == MemberId(1) && m.option == 0)
            .unwrap();
        assert_eq!(known.seq, 10, "known marks keep their order");
        let (added, removed) = store
            .reconcile_marks(
                id,
                0,
                &[(MemberId(1), 0), (MemberId(1), 1), (MemberId(3), 0)],
                &mut next,
            )
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
            message_id: MessageId(message_id),
            question: 0,
            author_id: MemberId(5),
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
