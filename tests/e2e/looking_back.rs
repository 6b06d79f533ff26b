//! Looking back through the real binary: two squad health checks in a row (trend deltas, the
//! chart attached, an action carried into the second check-in's header, history), and exports
//! in every format parsed back and compared with the votes cast.

use retrobot::domain::ids::ChannelId;
use serde_json::json;

use crate::harness::{s, World};
use crate::support::MessageView;

const TRAFFIC_LIGHT: [&str; 3] = ["🟢", "🟡", "🔴"];

/// Decodes a PNG attachment and returns its size and how many pixels differ from the corner.
fn decode_png(bytes: &[u8]) -> (u32, u32, usize) {
    let mut reader = png::Decoder::new(bytes).read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("PNG data");
    let corner = &pixels[..3];
    let drawn = pixels[..info.buffer_size()]
        .chunks(3)
        .filter(|p| *p != corner)
        .count();
    (info.width, info.height, drawn)
}

/// The chart attached to a summary's first message; kept in `$RETROBOT_CHART_DIR` if set.
fn chart_of(parts: &[MessageView], keep_as: &str) -> Vec<u8> {
    let first = &parts[0];
    let (name, bytes) = first
        .attachments
        .iter()
        .find(|(name, _)| name.ends_with(".png"))
        .unwrap_or_else(|| panic!("the summary carries a chart: {first:?}"));
    assert_eq!(name, "retro-chart.png");
    assert!(
        first.embeds[0]["image"]["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("retro-chart.png")),
        "the embed shows the chart: {:?}",
        first.embeds[0]
    );
    if let Ok(dir) = std::env::var("RETROBOT_CHART_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(keep_as), bytes).unwrap();
    }
    bytes.clone()
}

#[tokio::test]
async fn two_check_ins_show_deltas_a_chart_and_carry_actions() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());
    let ch = fx.channel;
    let squad = [("template", s("squad-health-check"))];

    let (_, first) = w.start_retro_on(&squad, &TRAFFIC_LIGHT, 11, 0).await;
    let st = &first.statements;
    d.react(fx.bob, ch, st[0].id, "🟢");
    d.react(fx.carol, ch, st[0].id, "🟢");
    d.react(fx.dave, ch, st[0].id, "🔴");
    d.react(fx.bob, ch, st[1].id, "🟡");

    let bad = w
        .command(
            fx.alice,
            "retro action add",
            &[("text", s("Automate it")), ("due", s("next friday"))],
        )
        .await;
    assert!(
        bad.ephemeral && bad.text.contains("YYYY-MM-DD"),
        "{}",
        bad.text
    );
    let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(7)).to_string();
    let added = w
        .command(
            fx.alice,
            "retro action add",
            &[
                ("text", s("Automate the release")),
                ("owner", json!(fx.bob.to_string())),
                ("due", s(&due)),
            ],
        )
        .await;
    assert!(added.text.starts_with("Recorded on"), "{}", added.text);
    assert!(
        added.text.contains(&format!("<@{}>", fx.bob)),
        "{}",
        added.text
    );

    w.command(fx.alice, "retro close", &[]).await;
    let parts = w.wait_for_summary_parts(st[10].id).await;
    let summary: String = parts.iter().map(MessageView::text).collect();
    assert!(
        summary.contains("First check-in of this template in this channel · 3 voters"),
        "{summary}"
    );
    assert!(
        summary.contains("🟢 2 · 🟡 0 · 🔴 1 · 67% agree · 3 participants\nfirst check-in"),
        "{summary}"
    );
    assert!(
        summary.contains("__Actions from this check-in__"),
        "{summary}"
    );
    assert!(summary.contains("Automate the release"), "{summary}");
    let (width, first_height, drawn) = decode_png(&chart_of(&parts, "first-summary-chart.png"));
    assert_eq!(width, 1000);
    assert!(drawn > 20_000, "bars and text drawn: {drawn}");

    // The second check-in opens with the open action from last time.
    let (_, second) = w.start_retro_on(&squad, &TRAFFIC_LIGHT, 11, 0).await;
    let carried = &second.header.embeds[1];
    assert!(
        carried["title"]
            .as_str()
            .unwrap()
            .starts_with("Open actions from last time: 1"),
        "{carried}"
    );
    let listed = carried["description"].as_str().unwrap();
    assert!(
        listed.contains("Automate the release")
            && listed.contains(&format!("owner <@{}>", fx.bob))
            && listed.contains(&format!("due {due}")),
        "{listed}"
    );

    let st = &second.statements;
    for member in [fx.bob, fx.carol, fx.dave] {
        d.react(member, ch, st[0].id, "🟢");
    }
    d.react(fx.alice, ch, st[0].id, "🟡");
    d.react(fx.bob, ch, st[1].id, "🔴");
    d.react(fx.carol, ch, st[1].id, "🔴");
    d.react(fx.morgan, ch, st[2].id, "🟡");

    let store = w.store().await;
    let first_id = store
        .retros_with_status(retrobot::domain::retro::RetroStatus::Closed)
        .await
        .unwrap()[0]
        .id;
    let action_id = store
        .open_actions_in_channel(ChannelId(ch), None)
        .await
        .unwrap()[0]
        .id;
    let done = w
        .command(fx.bob, "retro action done", &[("id", json!(action_id))])
        .await;
    assert!(done.text.starts_with("Marked action"), "{}", done.text);
    let again = w
        .command(fx.bob, "retro action done", &[("id", json!(action_id))])
        .await;
    assert!(again.text.contains("already done"), "{}", again.text);
    let list = w.command(fx.carol, "retro action list", &[]).await;
    assert!(
        list.text.contains("No open action items") && list.text.contains("done ✅"),
        "{}",
        list.text
    );

    w.command(fx.alice, "retro close", &[]).await;
    let parts = w.wait_for_summary_parts(st[10].id).await;
    let summary: String = parts.iter().map(MessageView::text).collect();
    let expect = [
        format!("Compared with {first_id}: 3 voters then, 5 now"),
        format!(
            "🟢 3 · 🟡 1 · 🔴 0 · 88% agree · 4 participants\n▲ +21 pts since {first_id} (67% → 88%) · participants 3 → 4"
        ),
        format!(
            "🟢 0 · 🟡 0 · 🔴 2 · 0% agree · 2 participants\n▼ −50 pts since {first_id} (50% → 0%) · participants 1 → 2"
        ),
        format!("no votes in {first_id}, 50% now · participants 0 → 1"),
        format!("no votes in {first_id} nor now · participants 0 → 0"),
    ];
    for line in expect {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    let (_, second_height, _) = decode_png(&chart_of(&parts, "second-summary-chart.png"));
    assert!(
        second_height > first_height,
        "the second chart adds agreement lines: {second_height} vs {first_height}"
    );

    let history = w
        .command(fx.carol, "retro history", &[("count", json!(5))])
        .await;
    assert!(history.ephemeral);
    assert!(history.text.contains("**2 check-ins**"), "{}", history.text);
    assert!(
        history.text.contains("`▆▇` 67% → 88%"),
        "sparkline of statement 1: {}",
        history.text
    );
    let attached = &history.messages[0].attachments;
    assert!(
        attached
            .iter()
            .any(|(name, bytes)| name == "retro-chart.png" && decode_png(bytes).1 == second_height),
        "history carries the same chart"
    );
    w.finish().await;
}

#[tokio::test]
async fn history_and_actions_explain_what_is_missing() {
    let w = World::start().await;
    let fx = w.fx.clone();
    let history = w.command(fx.bob, "retro history", &[]).await;
    assert!(
        history.text.contains("No check-in has closed"),
        "{}",
        history.text
    );
    let add = w
        .command(fx.bob, "retro action add", &[("text", s("Do it"))])
        .await;
    assert!(add.text.contains("No check-in has run"), "{}", add.text);
    let done = w
        .command(fx.bob, "retro action done", &[("id", json!(42))])
        .await;
    assert!(done.text.contains("no action #42"), "{}", done.text);
    let export = w.command(fx.bob, "retro export", &[]).await;
    assert!(
        export.text.starts_with("Nothing to export"),
        "{}",
        export.text
    );
    let unknown = w
        .command(fx.bob, "retro history", &[("template", s("nope"))])
        .await;
    assert!(
        unknown.text.contains("no template called `nope`"),
        "{}",
        unknown.text
    );
    w.finish().await;
}
