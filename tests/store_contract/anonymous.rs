//! Store contract of anonymous retros: keyed votes (vote, switch, retract, one each), answers
//! and their way to Discord, writes refused once a retro stops taking input, and sealing at
//! close, after which no table holds a voter's id or anything that recomputes their key.

use retrobot::domain::anonymous::{member_key, tally_ballots, ClickOutcome, MemberKey};
use retrobot::domain::ids::{MemberId, MessageId};
use retrobot::domain::retro::{Retro, RetroStatus};
use retrobot::store::{AnswerSaved, NewRetro, Store};

use super::store_support::{self, audit, contract};

/// Voters with realistic (snowflake-sized) ids, so a stray copy cannot hide in other numbers.
const VOTERS: [u64; 3] = [
    612_345_678_901_234_567,
    712_345_678_901_234_568,
    812_345_678_901_234_569,
];

fn anonymous_retro(channel: u64) -> NewRetro {
    NewRetro {
        participation: retrobot::domain::retro::Participation::Anonymous,
        ..crate::new_retro(channel)
    }
}

async fn open(store: &Store, channel: u64) -> Retro {
    let retro = store.create_retro(&anonymous_retro(channel)).await.unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap());
    retro
}

async fn key(store: &Store, retro: &Retro, member: u64) -> MemberKey {
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
    member_key(&secret, retro.id, MemberId(member))
}

async fn close(store: &Store, retro: &Retro) {
    assert!(store
        .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
        .await
        .unwrap());
    store.seal_anonymous(retro.id).await.unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Closing, RetroStatus::Closed)
        .await
        .unwrap());
}

contract!(anonymous_retros_get_a_secret, |store: Store| async move {
    let named = store.create_retro(&crate::new_retro(30)).await.unwrap();
    assert!(!named.participation.is_anonymous());
    assert!(store.retro_secret(named.id).await.unwrap().is_none());
    let retro = open(&store, 31).await;
    assert!(store
        .retro(retro.id)
        .await
        .unwrap()
        .unwrap()
        .participation
        .is_anonymous());
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
    let other = open(&store, 32).await;
    assert_ne!(
        store.retro_secret(other.id).await.unwrap().unwrap(),
        secret,
        "every retro has its own random secret"
    );
});

contract!(
    button_votes_switch_retract_and_count_once,
    |store: Store| async move {
        let retro = open(&store, 33).await;
        let [bob, carol, dave] = VOTERS;
        let (kb, kc, kd) = (
            key(&store, &retro, bob).await,
            key(&store, &retro, carol).await,
            key(&store, &retro, dave).await,
        );
        let click = |k, position, option| store.anonymous_click(retro.id, position, k, option);
        assert_eq!(click(kb, 0, 0).await.unwrap(), Some(ClickOutcome::Voted(0)));
        assert_eq!(
            click(kb, 0, 1).await.unwrap(),
            Some(ClickOutcome::Switched { from: 0, to: 1 })
        );
        assert_eq!(click(kc, 0, 0).await.unwrap(), Some(ClickOutcome::Voted(0)));
        assert_eq!(
            click(kc, 0, 0).await.unwrap(),
            Some(ClickOutcome::Retracted(0))
        );
        assert_eq!(click(kd, 0, 1).await.unwrap(), Some(ClickOutcome::Voted(1)));
        assert_eq!(click(kd, 2, 0).await.unwrap(), Some(ClickOutcome::Voted(0)));
        assert_eq!(store.anonymous_voter_count(retro.id, 0).await.unwrap(), 2);
        let ballots = store.anonymous_ballots(retro.id).await.unwrap();
        let t = tally_ballots(&retro.template.scale, 3, &ballots);
        assert_eq!(t.statements[0].counts, vec![0, 2]);
        assert_eq!(t.statements[2].counts, vec![1, 0]);
        assert_eq!(t.voters, 2);
        let p = store.participation(retro.id).await.unwrap();
        assert_eq!(p.voters, 2);

        assert!(store
            .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
            .await
            .unwrap());
        assert_eq!(
            click(kc, 1, 0).await.unwrap(),
            None,
            "no vote once the retro stopped taking input"
        );
        assert_eq!(store.anonymous_voter_count(retro.id, 1).await.unwrap(), 0);
    }
);

contract!(
    answers_are_saved_then_brought_to_discord,
    |store: Store| async move {
        let retro = open(&store, 34).await;
        let kb = key(&store, &retro, VOTERS[0]).await;
        let saved = store
            .save_anonymous_answer(retro.id, 1, kb, Some("Customer calls"))
            .await
            .unwrap();
        let AnswerSaved::Saved(first) = saved else {
            panic!("expected a saved answer, got {saved:?}")
        };
        assert_eq!(
            (first.content.as_deref(), first.message_id, first.synced),
            (Some("Customer calls"), None, false)
        );
        assert_eq!(
            store.unsynced_anonymous_answers(retro.id).await.unwrap(),
            vec![first.clone()]
        );
        store
            .anonymous_answer_posted(
                &first.token,
                MessageId(9_000_000_000_000_000_001),
                "Customer calls",
            )
            .await
            .unwrap();
        assert!(store
            .unsynced_anonymous_answers(retro.id)
            .await
            .unwrap()
            .is_empty());
        let stored = store
            .anonymous_answer(retro.id, 1, kb)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            stored.message_id,
            Some(MessageId(9_000_000_000_000_000_001))
        );
        assert!(stored.synced);

        // An edit keeps the token and the message; it is unsynced until Discord shows it.
        let AnswerSaved::Saved(edited) = store
            .save_anonymous_answer(retro.id, 1, kb, Some("Customer calls, weekly"))
            .await
            .unwrap()
        else {
            panic!("edit not saved")
        };
        assert_eq!(edited.token, first.token);
        assert_eq!(
            edited.message_id,
            Some(MessageId(9_000_000_000_000_000_001))
        );
        // Discord showing an older text does not count as synced.
        store
            .anonymous_answer_posted(
                &first.token,
                MessageId(9_000_000_000_000_000_001),
                "Customer calls",
            )
            .await
            .unwrap();
        assert_eq!(
            store
                .unsynced_anonymous_answers(retro.id)
                .await
                .unwrap()
                .len(),
            1
        );
        let answers = store.anonymous_answers(retro.id).await.unwrap();
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].content, "Customer calls, weekly");
        assert_eq!(store.participation(retro.id).await.unwrap().replies, 1);

        // Withdrawing: the answer stops counting at once; the row stays until its message is gone.
        let AnswerSaved::Saved(withdrawn) = store
            .save_anonymous_answer(retro.id, 1, kb, None)
            .await
            .unwrap()
        else {
            panic!("withdrawal not saved")
        };
        assert_eq!(withdrawn.content, None);
        assert!(store.anonymous_answers(retro.id).await.unwrap().is_empty());
        assert_eq!(
            store
                .save_anonymous_answer(retro.id, 1, kb, None)
                .await
                .unwrap(),
            AnswerSaved::NothingToWithdraw
        );
        store.anonymous_answer_removed(&first.token).await.unwrap();
        assert!(store
            .anonymous_answer(retro.id, 1, kb)
            .await
            .unwrap()
            .is_none());
        let kc = key(&store, &retro, VOTERS[1]).await;
        assert_eq!(
            store
                .save_anonymous_answer(retro.id, 2, kc, None)
                .await
                .unwrap(),
            AnswerSaved::NothingToWithdraw
        );

        assert!(store
            .transition(retro.id, RetroStatus::Open, RetroStatus::Closing)
            .await
            .unwrap());
        assert_eq!(
            store
                .save_anonymous_answer(retro.id, 0, kc, Some("too late"))
                .await
                .unwrap(),
            AnswerSaved::NotOpen
        );
    }
);

contract!(
    sealing_keeps_counts_and_cuts_every_link,
    |store: Store| async move {
        let retro = open(&store, 35).await;
        let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
        let keys: Vec<MemberKey> = VOTERS
            .iter()
            .map(|m| member_key(&secret, retro.id, MemberId(*m)))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            for position in 0..3 {
                let option = (i + position) % 2;
                store
                    .anonymous_click(retro.id, position, *k, option)
                    .await
                    .unwrap();
            }
            store
                .save_anonymous_answer(retro.id, 0, *k, Some(&format!("answer {i}")))
                .await
                .unwrap();
        }
        let before = tally_ballots(
            &retro.template.scale,
            3,
            &store.anonymous_ballots(retro.id).await.unwrap(),
        );
        close(&store, &retro).await;
        store.seal_anonymous(retro.id).await.unwrap(); // idempotent

        assert!(store.retro_secret(retro.id).await.unwrap().is_none());
        let ballots = store.anonymous_ballots(retro.id).await.unwrap();
        let after = tally_ballots(&retro.template.scale, 3, &ballots);
        assert_eq!(
            after.statements, before.statements,
            "counts survive sealing"
        );
        assert!(ballots.iter().all(|b| !keys.contains(&b.key)));
        let answers = store.anonymous_answers(retro.id).await.unwrap();
        assert_eq!(answers.len(), 3);
        assert!(answers.iter().all(|a| !keys.contains(&a.author)));
        let mut distinct: Vec<MemberKey> = ballots.iter().map(|b| b.key).collect();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            ballots.len(),
            "not even one member's ballots can be grouped"
        );
    }
);

/// Reads every table after an anonymous retro closed: no voter id anywhere, no secret, and no
/// stored value equals a voter's key (so a leaked old secret would not help either).
async fn nothing_links_votes_to_members(store: Store, url: String) {
    let retro = open(&store, 36).await;
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
    for member in VOTERS {
        let k = member_key(&secret, retro.id, MemberId(member));
        store.anonymous_click(retro.id, 0, k, 1).await.unwrap();
        store
            .save_anonymous_answer(retro.id, 1, k, Some("Too few customer calls"))
            .await
            .unwrap();
    }
    // A retro whose posting failed (a member may have clicked meanwhile) loses its secret too.
    let failed = store.create_retro(&anonymous_retro(37)).await.unwrap();
    let failed_secret = store.retro_secret(failed.id).await.unwrap().unwrap();
    let early = member_key(&failed_secret, failed.id, MemberId(VOTERS[0]));
    store.anonymous_click(failed.id, 0, early, 0).await.unwrap();

    // The audit sees what is there: while open, the secrets are stored.
    let open_cells = audit::every_cell(&url).await;
    assert!(open_cells.iter().any(|c| c.text == secret.to_hex()));
    assert!(open_cells.iter().any(|c| c.text == failed_secret.to_hex()));
    store
        .mark_failed(failed.id, "posting failed")
        .await
        .unwrap();
    close(&store, &retro).await;

    let cells = audit::every_cell(&url).await;
    assert!(
        cells.iter().any(|c| c.table == "anonymous_votes"),
        "the votes were read"
    );
    let mut keys: Vec<String> = VOTERS
        .iter()
        .map(|m| member_key(&secret, retro.id, MemberId(*m)).to_hex())
        .collect();
    keys.push(early.to_hex());
    for cell in &cells {
        for member in VOTERS {
            assert!(
                !cell.text.contains(&member.to_string())
                    && !cell.text.contains(&(member as i64).to_string()),
                "{}.{} holds a voter's id: {}",
                cell.table,
                cell.column,
                cell.text
            );
        }
        for k in &keys {
            assert!(
                !cell.text.contains(k.as_str()),
                "{}.{} holds a voter's key",
                cell.table,
                cell.column
            );
        }
        for old in [secret.to_hex(), failed_secret.to_hex()] {
            assert!(
                !cell.text.contains(&old),
                "{}.{} still holds a secret",
                cell.table,
                cell.column
            );
        }
    }
    store.close().await;
}

#[tokio::test]
async fn every_table_after_close_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("audit.db").display());
    let store = Store::connect(&url).await.unwrap();
    nothing_links_votes_to_members(store, url).await;
}

#[tokio::test]
async fn every_table_after_close_postgres() {
    let Some(db) = store_support::postgres().await else {
        return;
    };
    nothing_links_votes_to_members(db.store.clone(), db.url.clone()).await;
    db.drop_database().await;
}
