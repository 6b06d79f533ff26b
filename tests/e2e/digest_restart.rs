//! A digest occurrence claimed but never posted (the process died in between) is posted at the
//! next start-up, once, and recorded.

use chrono::{Duration, Utc};
use retrobot::domain::ids::{ChannelId, GuildId, MemberId};
use retrobot::domain::recurrence::Recurrence;
use retrobot::store::NewDigest;

use crate::harness::{eventually, World, WAIT};

#[tokio::test]
async fn a_claimed_digest_that_was_never_posted_is_posted_at_start_up() {
    let mut w = World::start().await;
    let fx = w.fx.clone();
    let hub = w.discord.add_text_channel(fx.guild, "leads");
    let shared = w.command(fx.morgan, "retro share on", &[]).await;
    assert!(shared.text.contains("now shares"), "{}", shared.text);
    let (_, posted) = w.start_retro(&[]).await;
    w.discord
        .react(fx.bob, fx.channel, posted.statements[0].id, "👍");
    w.command(fx.alice, "retro close", &[]).await;
    w.wait_for_summary(posted.statements[2].id).await;
    w.stop_bot().await;

    let store = w.store().await;
    let now = Utc::now();
    let recurrence = Recurrence::parse("every monday 10:00", "UTC", now).expect("a rule");
    let digest = store
        .create_digest(&NewDigest {
            guild: GuildId(fx.guild),
            hub: ChannelId(hub),
            next_at: recurrence.next_after(now + Duration::days(1)),
            recurrence,
            template_key: None,
            creator: MemberId(fx.morgan),
            created_at: now,
        })
        .await
        .expect("create a digest");
    let occurrence = now - Duration::hours(1);
    assert!(store
        .claim_digest_occurrence(digest.id, occurrence, now)
        .await
        .unwrap());

    w.launch().await;
    let bot = w.discord.bot_user_id();
    let message = w
        .discord
        .wait_until(WAIT, "the interrupted digest", |d| {
            d.messages(hub)
                .into_iter()
                .find(|m| m.author_id == bot && m.text().contains("Digest"))
        })
        .await;
    assert!(
        message.text().contains(&format!("<#{}>", fx.channel)),
        "{}",
        message.text()
    );
    eventually("the post is recorded", || async {
        store
            .digest_post(digest.id, occurrence)
            .await
            .unwrap()
            .and_then(|p| p.message)
            .is_some_and(|m| m.get() == message.id)
    })
    .await;
    assert!(store.unposted_digests().await.unwrap().is_empty());
    let digests = w
        .discord
        .messages(hub)
        .into_iter()
        .filter(|m| m.author_id == bot)
        .count();
    assert_eq!(digests, 1, "posted once");
    w.finish().await;
}
