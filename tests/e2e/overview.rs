//! The organisation overview through the real binary: three team channels (one private, one
//! that does not share) with two check-ins each; `/retro overview` leaves out what the caller
//! cannot see; a digest posted in a hub lists exactly the sharing channels with their agreement
//! and trend and no member name or reply text, and drops a channel that stops sharing; the
//! heatmap decodes as a PNG with a row per team; `export scope:server` has no member ids.

use serde_json::json;

use crate::harness::{is_summary, s, World, WAIT};
use crate::support::{MessageView, Reply};

/// A reply's words, written in a team's thread: must never leave the channel.
const SECRET_REPLY: &str = "Our biggest customer is unhappy with invoices";

/// Runs `/retro start` in `channel` by `user`, waits for the posts, lets Carol and Dave vote
/// (`votes[statement]` = their emoji), Carol reply in the first thread, closes and waits for
/// the summary.
async fn check_in(w: &World, user: u64, channel: u64, votes: &[(&str, &str)]) {
    let d = &w.discord;
    let (carol, dave) = (w.fx.carol, w.fx.dave);
    let bot = d.bot_user_id();
    let id = d.slash(user, channel, "retro start", &[]);
    let started = d.wait_reply(id, WAIT).await;
    assert!(started.text.starts_with("Started"), "{}", started.text);
    let statements: Vec<MessageView> = d
        .wait_until(WAIT, "the check-in's statements", |d| {
            let messages = d.messages(channel);
            let header = messages
                .iter()
                .rposition(|m| m.author_id == bot && m.text().contains("How to take part"))?;
            let st: Vec<MessageView> = messages[header..]
                .iter()
                .filter(|m| m.author_id == bot && m.content.starts_with("**Statement"))
                .cloned()
                .collect();
            let ready = st.len() == 3 && st.iter().all(|m| m.reactors("👎") == [bot]);
            let threads = d.threads(channel);
            let threaded = threads
                .iter()
                .filter(|t| t.id > messages[header].id)
                .count()
                == 4;
            (ready && threaded).then_some(st)
        })
        .await;
    for (statement, (by_carol, by_dave)) in statements.iter().zip(votes) {
        d.react(carol, channel, statement.id, by_carol);
        d.react(dave, channel, statement.id, by_dave);
    }
    let thread = d
        .threads(channel)
        .into_iter()
        .filter(|t| t.id > statements[0].id)
        .min_by_key(|t| t.id)
        .expect("a question thread");
    d.post(carol, thread.id, SECRET_REPLY);
    let last = statements[2].id;
    // Closing reconciles with Discord, so every reaction above counts.
    let close = d.slash(user, channel, "retro close", &[]);
    d.wait_reply(close, WAIT).await;
    d.wait_until(WAIT, "the summary", |d| {
        d.messages(channel)
            .into_iter()
            .find(|m| m.id > last && is_summary(m))
    })
    .await;
}

/// The heatmap attached to `message`, decoded: (width, height).
fn heatmap_size(message: &MessageView) -> (u32, u32) {
    let (_, bytes) = message
        .attachments
        .iter()
        .find(|(name, _)| name.ends_with(".png"))
        .unwrap_or_else(|| panic!("a heatmap attachment: {:?}", message.text()));
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.as_slice()));
    let mut reader = decoder.read_info().expect("a valid PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).expect("a decodable PNG");
    (frame.width, frame.height)
}

fn first_message(reply: &Reply) -> &MessageView {
    reply.messages.first().expect("an answer")
}

#[tokio::test]
async fn overview_digest_and_server_export_show_only_what_teams_share() {
    let w = World::start().await;
    let d = &w.discord;
    let fx = w.fx.clone();
    let team_role = d.add_role(fx.guild, "Search team", 0);
    for member in [fx.alice, fx.carol, fx.dave] {
        d.set_member_roles(fx.guild, member, &[team_role]);
    }
    d.set_member_roles(fx.guild, fx.morgan, &[fx.manager_role, team_role]);
    let payments = d.add_text_channel(fx.guild, "payments");
    let search = d.add_private_channel(fx.guild, "search", &[team_role]);
    let infra = d.add_text_channel(fx.guild, "infra");
    let hub = d.add_text_channel(fx.guild, "leads");

    // Statement 1: 50% then 100% (▲ +50); statement 2: 100% then 0% (▼ −100); 3: no votes.
    for channel in [payments, search, infra] {
        check_in(&w, fx.alice, channel, &[("👍", "👎"), ("👍", "👍")]).await;
        check_in(&w, fx.alice, channel, &[("👍", "👍"), ("👎", "👎")]).await;
    }

    // Who may choose: not Bob; Morgan (Manage Server) may.
    let refused = d.slash(fx.bob, payments, "retro share on", &[]);
    let refused = d.wait_reply(refused, WAIT).await;
    assert!(refused.text.contains("Only members"), "{}", refused.text);
    for (channel, action) in [
        (payments, "on"),
        (search, "on"),
        (infra, "on"),
        (infra, "off"),
    ] {
        let id = d.slash(fx.morgan, channel, &format!("retro share {action}"), &[]);
        let reply = d.wait_reply(id, WAIT).await;
        assert!(reply.ephemeral, "{reply:?}");
        assert!(reply.text.contains("shar"), "{}", reply.text);
    }

    // Bob cannot see #search: his overview leaves it out.
    let id = d.slash(fx.bob, payments, "retro overview", &[]);
    let bobs = d.wait_reply(id, WAIT).await;
    assert!(bobs.ephemeral, "the overview is only for the caller");
    assert!(
        bobs.text.contains(&format!("<#{payments}>")),
        "{}",
        bobs.text
    );
    assert!(bobs.text.contains(&format!("<#{infra}>")), "{}", bobs.text);
    assert!(!bobs.text.contains(&search.to_string()), "{}", bobs.text);
    assert!(bobs.text.contains("100% agree ▲ +50"), "{}", bobs.text);
    assert!(bobs.text.contains("0% agree ▼ −100"), "{}", bobs.text);
    let (_, two_rows) = heatmap_size(first_message(&bobs));
    // Alice sees all three teams: one more row in the heatmap.
    let id = d.slash(fx.alice, payments, "retro overview", &[]);
    let alices = d.wait_reply(id, WAIT).await;
    assert!(
        alices.text.contains(&format!("<#{search}>")),
        "{}",
        alices.text
    );
    let (_, three_rows) = heatmap_size(first_message(&alices));
    assert!(three_rows > two_rows, "{three_rows} > {two_rows}");

    // Server export: Manage Server only; the sharing channels' numbers, no member ids.
    let id = d.slash(fx.bob, payments, "retro export", &[("scope", s("server"))]);
    let refused = d.wait_reply(id, WAIT).await;
    assert!(refused.text.contains("Manage Server"), "{}", refused.text);
    let id = d.slash(
        fx.morgan,
        payments,
        "retro export",
        &[("scope", s("server")), ("format", s("json"))],
    );
    let export = d.wait_reply(id, WAIT).await;
    let (name, bytes) = &first_message(&export).attachments[0];
    assert!(name.ends_with(".json"), "{name}");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert!(parsed.is_object() || parsed.is_array());
    assert!(text.contains(&payments.to_string()) && text.contains(&search.to_string()));
    assert!(!text.contains(&infra.to_string()), "infra does not share");
    for member in [fx.alice, fx.carol, fx.dave, fx.morgan] {
        assert!(
            !text.contains(&member.to_string()),
            "member id {member} in the export"
        );
    }
    assert!(!text.contains(SECRET_REPLY) && !text.contains("Carol"));

    // A digest every 2 seconds into the hub.
    let id = d.slash(
        fx.morgan,
        hub,
        "retro digest add",
        &[
            ("channel", json!(hub.to_string())),
            ("when", s("*/2 * * * * *")),
        ],
    );
    let added = d.wait_reply(id, WAIT).await;
    assert!(added.text.contains("Next: "), "{}", added.text);
    let bot = d.bot_user_id();
    let digest = d
        .wait_until(WAIT, "a digest in the hub", |d| {
            d.messages(hub)
                .into_iter()
                .find(|m| m.author_id == bot && m.text().contains("Digest"))
        })
        .await;
    let text = digest.text();
    assert!(text.contains(&format!("<#{payments}>")), "{text}");
    assert!(text.contains(&format!("<#{search}>")), "{text}");
    assert!(!text.contains(&infra.to_string()), "{text}");
    assert!(text.contains("100% agree ▲ +50"), "{text}");
    assert!(text.contains("0% agree ▼ −100"), "{text}");
    for name in ["Alice", "Carol", "Dave", "Morgan", SECRET_REPLY] {
        assert!(!text.contains(name), "{name} in the digest: {text}");
    }
    for member in [fx.alice, fx.carol, fx.dave, fx.morgan] {
        assert!(
            !text.contains(&member.to_string()),
            "member id in the digest"
        );
    }
    let (_, digest_rows) = heatmap_size(&digest);
    assert_eq!(digest_rows, two_rows, "two sharing teams: two rows");

    // #search stops sharing: the next digest leaves it out.
    let id = d.slash(fx.morgan, search, "retro share off", &[]);
    d.wait_reply(id, WAIT).await;
    let after = d.messages(hub).last().map_or(0, |m| m.id);
    let next = d
        .wait_until(WAIT, "a digest without #search", |d| {
            d.messages(hub)
                .into_iter()
                .find(|m| m.id > after && m.author_id == bot && m.text().contains("Digest"))
        })
        .await;
    assert!(next.text().contains(&format!("<#{payments}>")));
    assert!(
        !next.text().contains(&search.to_string()),
        "{}",
        next.text()
    );

    // Listed, then removed (with autocomplete naming it).
    let id = d.slash(fx.morgan, hub, "retro digest list", &[]);
    let listed = d.wait_reply(id, WAIT).await;
    assert!(
        listed.text.contains(&format!("<#{hub}>")),
        "{}",
        listed.text
    );
    let stored = w
        .store()
        .await
        .digests_in(retrobot::domain::ids::GuildId(fx.guild))
        .await
        .unwrap();
    let digest_id = stored[0].id.0.to_string();
    let id = d.slash(
        fx.morgan,
        hub,
        "retro digest remove",
        &[("digest", s(&digest_id))],
    );
    let removed = d.wait_reply(id, WAIT).await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    w.finish().await;
}
