//! Closing paths: by the end of the duration, by a member with Manage Server, by the configured
//! facilitator role, and by naming the retro.

use retrobot::domain::ids::ChannelId;
use serde_json::json;

use crate::harness::{eventually, s, World};

#[tokio::test]
async fn a_retro_closes_itself_when_its_duration_ends() {
    let w = World::start_with_config(Some("min_duration = \"1s\"\n")).await;
    let (reply, posted) = w.start_retro(&[("duration", s("3s"))]).await;
    assert!(reply.text.contains("It closes <t:"), "{}", reply.text);
    w.discord
        .react(w.fx.bob, w.fx.channel, posted.statements[1].id, "👎");
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(
        summary.contains("👍 0 · 👎 1 · 0% agree · 1 participant"),
        "{summary}"
    );
    let store = w.store().await;
    eventually("the retro is closed", || async {
        store
            .active_retro_in_channel(ChannelId(w.fx.channel))
            .await
            .unwrap()
            .is_none()
    })
    .await;
    let status = w.command(w.fx.alice, "retro status", &[]).await;
    assert!(status.text.contains("No retro is open"), "{}", status.text);
    w.finish().await;
}

#[tokio::test]
async fn members_with_manage_server_may_close() {
    let w = World::start().await;
    let (_, posted) = w.start_retro(&[]).await;
    let reply = w.command(w.fx.morgan, "retro close", &[]).await;
    assert!(reply.text.starts_with("Closed"), "{}", reply.text);
    w.wait_for_summary(posted.statements[2].id).await;
    w.finish().await;
}

#[tokio::test]
async fn the_facilitator_role_may_close_a_retro_named_by_its_number() {
    let w = World::start_with_config(Some("facilitator_role = \"Retro Lead\"\n")).await;
    let lead_role = w.discord.add_role(w.fx.guild, "Retro Lead", 0);
    let lead = w.discord.add_member(w.fx.guild, "Lena", &[lead_role]);
    let (_, posted) = w.start_retro(&[]).await;

    let refused = w
        .command(w.fx.carol, "retro close", &[("retro", json!("1"))])
        .await;
    assert!(
        refused
            .text
            .contains("members with the **Retro Lead** role"),
        "{}",
        refused.text
    );
    let wrong = w
        .command(lead, "retro close", &[("retro", json!("banana"))])
        .await;
    assert!(
        wrong.text.contains("is not a retro number"),
        "{}",
        wrong.text
    );
    let closed = w
        .command(lead, "retro close", &[("retro", json!("1"))])
        .await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    w.wait_for_summary(posted.statements[2].id).await;
    w.finish().await;
}
