//! Retros: creation, one per channel, life-cycle claims, posted items, summary progress.

use super::*;
use retrobot::domain::ids::{ChannelId, MessageId};

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
    assert_eq!(read.channel_id, ChannelId(900_000_000_000_000_001));
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
        store
            .active_retro_in_channel(ChannelId(7))
            .await
            .unwrap()
            .unwrap()
            .id,
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
    assert!(store
        .active_retro_in_channel(ChannelId(9))
        .await
        .unwrap()
        .is_none());
    store.mark_failed(retro.id, "too late").await.unwrap();
    assert_eq!(
        store.retro(retro.id).await.unwrap().unwrap().status,
        RetroStatus::Closed,
        "closed never changes"
    );
});

contract!(records_posted_items, |store: Store| async move {
    let retro = store.create_retro(&new_retro(10)).await.unwrap();
    store
        .record_header(retro.id, MessageId(5_000))
        .await
        .unwrap();
    let statement = RetroItem {
        kind: ItemKind::Statement,
        position: 1,
        message_id: Some(MessageId(5_001)),
        thread_id: None,
    };
    store.record_item(retro.id, statement).await.unwrap();
    let thread = RetroItem {
        kind: ItemKind::Question,
        position: 0,
        message_id: None,
        thread_id: Some(ChannelId(6_000)),
    };
    store.record_item(retro.id, thread).await.unwrap();
    store
        .record_item(
            retro.id,
            RetroItem {
                message_id: Some(MessageId(6_001)),
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
                message_id: Some(MessageId(6_001)),
                thread_id: Some(ChannelId(6_000))
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
        Some(MessageId(5_000))
    );
});

contract!(summary_progress_survives, |store: Store| async move {
    let retro = store.create_retro(&new_retro(15)).await.unwrap();
    assert_eq!(
        store.summary_progress(retro.id).await.unwrap(),
        (None, vec![])
    );
    store.save_summary(retro.id, "[1,2]").await.unwrap();
    store.save_summary(retro.id, "[3]").await.unwrap();
    store
        .record_summary_part(retro.id, MessageId(9_000_000_000_000_000_001))
        .await
        .unwrap();
    store
        .record_summary_part(retro.id, MessageId(9_000_000_000_000_000_002))
        .await
        .unwrap();
    assert_eq!(
        store.summary_progress(retro.id).await.unwrap(),
        (
            Some("[1,2]".into()),
            vec![
                MessageId(9_000_000_000_000_000_001),
                MessageId(9_000_000_000_000_000_002)
            ]
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
