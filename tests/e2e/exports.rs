//! `/retro export` through the real binary: refusals with clear words, then a closed check-in
//! in CSV, JSON and Markdown, each parsed back and compared with the votes members cast.

use retrobot::domain::ids::ChannelId;
use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{s, World};

type Vote = (usize, u64, String, String);

/// Parses the export with a real RFC 4180 reader (not a parser of our own).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("valid CSV")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn export(reply: &crate::support::Reply, extension: &str) -> String {
    let (name, bytes) = reply.messages[0]
        .attachments
        .iter()
        .find(|(name, _)| name.ends_with(extension))
        .unwrap_or_else(|| panic!("an export file: {reply:?}"));
    assert!(name.starts_with("retro-"), "{name}");
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

#[tokio::test]
async fn exports_in_every_format_match_the_votes_cast() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());
    let ch = fx.channel;
    let (_, posted) = w.start_retro(&[("title", s("Sprint 9"))]).await;
    let st = &posted.statements;
    d.react(fx.bob, ch, st[0].id, "👍");
    d.react(fx.carol, ch, st[0].id, "👎");
    d.react(fx.dave, ch, st[0].id, "👍");
    d.react(fx.dave, ch, st[0].id, "👎"); // the newest counts
    d.react(fx.bob, ch, st[1].id, "👎");
    d.post(fx.carol, posted.threads[0].id, "Calls, chats and \"demos\"");

    let open_id = w
        .store()
        .await
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .unwrap()
        .id;
    let not_closed = w
        .command(
            fx.bob,
            "retro export",
            &[("retro", s(&open_id.0.to_string()))],
        )
        .await;
    assert!(
        not_closed.text.contains("not closed yet"),
        "{}",
        not_closed.text
    );
    let not_a_number = w
        .command(fx.bob, "retro export", &[("retro", s("sprint"))])
        .await;
    assert!(
        not_a_number.text.contains("`sprint` is not a retro number"),
        "{}",
        not_a_number.text
    );

    w.command(fx.alice, "retro close", &[]).await;
    w.wait_for_summary(st[2].id).await;
    let cast: BTreeSet<Vote> = [
        (1, fx.bob, "Bob", "👍"),
        (1, fx.carol, "Carol", "👎"),
        (1, fx.dave, "Dave", "👎"),
        (2, fx.bob, "Bob", "👎"),
    ]
    .into_iter()
    .map(|(n, id, name, e)| (n, id, name.to_string(), e.to_string()))
    .collect();

    let csv = w
        .command(fx.morgan, "retro export", &[("format", s("csv"))])
        .await;
    assert!(csv.ephemeral);
    assert!(
        csv.text.contains("4 votes from 3 members, 1 reply."),
        "{}",
        csv.text
    );
    let rows = parse_csv(&export(&csv, ".csv"));
    let from_csv: BTreeSet<Vote> = rows
        .iter()
        .filter(|r| r[0] == "vote")
        .map(|r| {
            (
                r[1].parse().unwrap(),
                r[3].parse().unwrap(),
                r[4].clone(),
                r[5].clone(),
            )
        })
        .collect();
    assert_eq!(from_csv, cast);
    let reply = rows.iter().find(|r| r[0] == "reply").expect("a reply row");
    assert_eq!(reply[7], "Calls, chats and \"demos\"");
    assert_eq!(reply[4], "Carol");
    let agreement = rows
        .iter()
        .find(|r| r[0] == "agreement" && r[1] == "1")
        .unwrap();
    assert_eq!(agreement[7], "33.3");

    let json = w
        .command(
            fx.morgan,
            "retro export",
            &[("retro", s("latest")), ("format", s("json"))],
        )
        .await;
    let doc: Value = serde_json::from_str(&export(&json, ".json")).unwrap();
    let mut from_json = BTreeSet::new();
    for statement in doc["statements"].as_array().unwrap() {
        for v in statement["votes"].as_array().unwrap() {
            from_json.insert((
                statement["number"].as_u64().unwrap() as usize,
                v["member_id"].as_str().unwrap().parse().unwrap(),
                v["member_name"].as_str().unwrap().to_string(),
                v["emoji"].as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(from_json, cast);
    assert_eq!(doc["voters"], 3);
    assert_eq!(doc["retro"]["title"], "Sprint 9");
    assert_eq!(doc["statements"][0]["participants"], 3);
    assert_eq!(doc["questions"][0]["replies"][0]["member_name"], "Carol");

    let closed_id = open_id.0.to_string();
    let md = w
        .command(
            fx.morgan,
            "retro export",
            &[("retro", s(&closed_id)), ("format", s("markdown"))],
        )
        .await;
    let text = export(&md, ".md");
    let mut from_md = BTreeSet::new();
    let mut statement = 0;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("### ") {
            statement = rest.split('.').next().unwrap().parse().unwrap_or(0);
        } else if line.starts_with("| ")
            && line != "| Member | Member ID | Vote |"
            && !line.starts_with("| ---")
        {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            let emoji = cells[2].split(' ').next().unwrap().to_string();
            from_md.insert((
                statement,
                cells[1].parse().unwrap(),
                cells[0].to_string(),
                emoji,
            ));
        }
    }
    assert_eq!(from_md, cast);
    assert!(
        text.contains("> Calls, chats and \"demos\"\n— **Carol**"),
        "{text}"
    );
    w.finish().await;
}
