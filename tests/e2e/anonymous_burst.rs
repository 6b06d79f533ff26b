//! Many clicks at once on an anonymous retro: one member's fast clicks are applied in the order
//! they made them, and the statement's "N have voted" line is edited at Discord's pace (never
//! twice a second in one channel), not once per click. A running retro's mode cannot change.

use retrobot::domain::ids::ChannelId;
use std::time::Duration;

use serde_json::json;

use crate::anonymous::start_anonymous;
use crate::harness::{World, WAIT};

#[tokio::test]
async fn fast_clicks_keep_their_order_and_edits_are_paced() {
    let w = World::start().await;
    let fx = w.fx.clone();
    let (_, posts) = start_anonymous(&w, &[]).await;
    let (ch, s1) = (fx.channel, posts.statements[0].id);
    let (up, down) = (posts.vote(0, 0), posts.vote(0, 1));

    // Bob: 👍, 👎, 👍, 👍 without waiting: vote, switch, switch back, retract.
    let bobs: Vec<u64> = [&up, &down, &up, &up]
        .iter()
        .map(|id| w.discord.click_button(fx.bob, ch, s1, id))
        .collect();
    // Twelve more members click 👍 at the same moment.
    let members: Vec<u64> = (0..12)
        .map(|i| w.discord.add_member(fx.guild, &format!("Member {i}"), &[]))
        .collect();
    let clicks: Vec<u64> = members
        .iter()
        .map(|m| w.discord.click_button(*m, ch, s1, &up))
        .collect();

    let mut answers = Vec::new();
    for id in bobs {
        answers.push(w.discord.wait_reply(id, WAIT).await.text);
    }
    assert!(answers[0].starts_with("Your vote: 👍 —"), "{answers:?}");
    assert!(
        answers[1].starts_with("Your vote: 👎 (was 👍)"),
        "{answers:?}"
    );
    assert!(
        answers[2].starts_with("Your vote: 👍 (was 👎)"),
        "{answers:?}"
    );
    assert!(answers[3].contains("taken back"), "{answers:?}");
    for id in clicks {
        let reply = w.discord.wait_reply(id, WAIT).await;
        assert!(reply.text.starts_with("Your vote: 👍 —"), "{}", reply.text);
    }

    w.discord
        .wait_until(WAIT, "the final count on the statement", |d| {
            d.message(s1)?
                .content
                .contains("**12** have voted")
                .then_some(())
        })
        .await;
    let path = format!("/channels/{ch}/messages/{s1}");
    let edits: Vec<_> = w
        .discord
        .requests()
        .into_iter()
        .filter(|r| r.is("PATCH", &path))
        .collect();
    assert!(
        edits.len() < 16,
        "{} edits for 16 clicks: not debounced",
        edits.len()
    );
    for pair in edits.windows(2) {
        let gap = pair[1].arrived.duration_since(pair[0].arrived);
        assert!(
            gap >= Duration::from_millis(1_000),
            "two edits of one channel {gap:?} apart"
        );
    }
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.anonymous_voter_count(retro.id, 0).await.unwrap(), 12);

    // Starting again (named) while it runs is refused: the running retro stays anonymous.
    let again = w
        .command(fx.alice, "retro start", &[("anonymous", json!(false))])
        .await;
    assert!(
        again.text.contains("already has an open retro"),
        "{}",
        again.text
    );
    let still = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (still.id, still.participation.is_anonymous()),
        (retro.id, true)
    );
    w.finish().await;
}
