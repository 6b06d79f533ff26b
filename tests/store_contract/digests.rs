//! Store contract of digests: stored, listed, paused and removed per server; due ones found;
//! moved on by compare-and-set; each occurrence claimed exactly once before posting.

use chrono::{DateTime, TimeZone, Utc};
use retrobot::domain::ids::{ChannelId, GuildId, MemberId, MessageId};
use retrobot::domain::recurrence::Recurrence;
use retrobot::store::{DigestPost, NewDigest, Store};

use super::store_support::{self, contract};

const GUILD: GuildId = GuildId(1_000_000_000_000_000_001);

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, minute, 0).unwrap()
}

fn new_digest(hub: u64, next: DateTime<Utc>, template: Option<&str>) -> NewDigest {
    NewDigest {
        guild: GUILD,
        hub: ChannelId(hub),
        recurrence: Recurrence::parse("every monday 10:00", "Europe/Berlin", at(0)).unwrap(),
        template_key: template.map(str::to_string),
        creator: MemberId(42),
        next_at: Some(next),
        created_at: at(0),
    }
}

contract!(
    digests_are_stored_listed_paused_and_removed,
    |store: Store| async move {
        let a = store
            .create_digest(&new_digest(5, at(30), None))
            .await
            .unwrap();
        let b = store
            .create_digest(&new_digest(6, at(20), Some("squad-health-check")))
            .await
            .unwrap();
        assert_eq!(
            (
                a.guild,
                a.hub,
                a.creator,
                a.template_key.as_deref(),
                a.paused
            ),
            (GUILD, ChannelId(5), MemberId(42), None, false)
        );
        assert_eq!(
            a.recurrence.describe(),
            new_digest(5, at(30), None).recurrence.describe()
        );
        assert_eq!(b.template_key.as_deref(), Some("squad-health-check"));
        let listed: Vec<_> = store
            .digests_in(GUILD)
            .await
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(listed, [a.id, b.id]);
        assert!(store.digests_in(GuildId(2)).await.unwrap().is_empty());

        let due: Vec<_> = store
            .due_digests(at(25))
            .await
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(due, [b.id]);
        store
            .set_digest_paused(b.id, true, b.next_at)
            .await
            .unwrap();
        assert!(
            store.due_digests(at(25)).await.unwrap().is_empty(),
            "paused"
        );
        assert_eq!(store.upcoming_digests().await.unwrap(), [(GUILD, at(30))]);
        store
            .set_digest_paused(b.id, false, Some(at(40)))
            .await
            .unwrap();
        assert_eq!(
            store.digest(b.id).await.unwrap().unwrap().next_at,
            Some(at(40))
        );

        assert!(
            !store.delete_digest(a.id, GuildId(2)).await.unwrap(),
            "not another server's"
        );
        assert!(store.delete_digest(a.id, GUILD).await.unwrap());
        assert!(store.digest(a.id).await.unwrap().is_none());
    }
);

contract!(each_occurrence_is_claimed_once, |store: Store| async move {
    let digest = store
        .create_digest(&new_digest(5, at(10), None))
        .await
        .unwrap();
    assert!(store
        .advance_digest(digest.id, at(10), Some(at(50)))
        .await
        .unwrap());
    assert!(
        !store
            .advance_digest(digest.id, at(10), Some(at(50)))
            .await
            .unwrap(),
        "a second process does not move it again"
    );
    let claims = futures_claims(&store, digest.id).await;
    assert_eq!(claims, 1, "exactly one of the racing claims wins");
    assert_eq!(
        store.unposted_digests().await.unwrap(),
        [DigestPost {
            digest: digest.id,
            occurrence: at(10),
            message: None
        }]
    );
    store
        .record_digest_post(digest.id, at(10), MessageId(777))
        .await
        .unwrap();
    assert!(store.unposted_digests().await.unwrap().is_empty());
    assert_eq!(
        store
            .digest_post(digest.id, at(10))
            .await
            .unwrap()
            .unwrap()
            .message,
        Some(MessageId(777))
    );
    assert!(
        store
            .claim_digest_occurrence(digest.id, at(50), at(50))
            .await
            .unwrap(),
        "the next one is new"
    );
    store.delete_digest(digest.id, GUILD).await.unwrap();
    assert!(
        store.unposted_digests().await.unwrap().is_empty(),
        "posts go with their digest"
    );
});

/// Claims the same occurrence from eight tasks at once; returns how many won.
async fn futures_claims(store: &Store, id: retrobot::domain::overview::DigestId) -> usize {
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.claim_digest_occurrence(id, at(10), at(11)).await })
        })
        .collect();
    let mut won = 0;
    for task in tasks {
        if task.await.unwrap().unwrap() {
            won += 1;
        }
    }
    won
}
