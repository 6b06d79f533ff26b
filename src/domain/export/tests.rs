//! Exports in every format, parsed back and compared with the votes and replies that went in.

use chrono::Utc;

use super::*;
use crate::domain::ids::{ChannelId, MemberId, MessageId};
use crate::domain::retro::{Retro, RetroId, RetroStatus};
use crate::domain::summary::{build_summary, Reply};
use crate::domain::tally::current_votes;
use crate::domain::template::TemplateCatalog;
use crate::domain::vote::Mark;

fn retro() -> Retro {
    let mut template = TemplateCatalog::builtin()
        .get("squad-health-check")
        .unwrap()
        .clone();
    template.statements.truncate(2);
    template.questions = vec!["What, now?".into()];
    Retro {
        id: RetroId(12),
        template,
        title: Some("Sprint 3".into()),
        facilitator_id: MemberId(9),
        status: RetroStatus::Closed,
        ..crate::domain::retro::sample_retro()
    }
}

fn mark(position: usize, voter: u64, option: usize, seq: i64) -> Mark {
    Mark {
        position,
        voter: MemberId(voter),
        option,
        seq,
    }
}

/// Parses the export with a real RFC 4180 reader (not a parser of our own).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    ::csv::ReaderBuilder::new()
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

#[test]
fn every_format_carries_every_vote_reply_and_number() {
    let retro = retro();
    let marks = [
        mark(0, 100, 0, 1),
        mark(0, 200, 2, 2),
        mark(0, 200, 1, 3), // switched to 🟡
        mark(1, 300, 2, 4),
    ];
    let replies = vec![Reply {
        message_id: MessageId(55),
        question: 0,
        author_id: MemberId(200),
        author_name: "Carol".into(),
        content: "Ship, \"then\" rest\n=SUM(A1)".into(),
    }];
    let summary = build_summary(&retro, &marks, replies, &[Some(ChannelId(77))]);
    let votes = current_votes(&retro.template.scale, 2, &marks);
    let names = |id: MemberId| (id != MemberId(300)).then(|| format!("Member {id}, Jr."));
    let export = Export {
        retro: &retro,
        closed_at: Some(Utc::now()),
        summary: &summary,
        votes: Export::name_votes(&votes, names),
        actions: &[],
    };
    let cast = [
        (1, 100, "Member 100, Jr.", "🟢"),
        (1, 200, "Member 200, Jr.", "🟡"),
        (2, 300, "unknown member", "🔴"),
    ];

    let (name, bytes) = export.render(ExportFormat::Csv);
    assert_eq!(name, "retro-12.csv");
    let rows = parse_csv(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows[0][0], "section");
    assert!(rows.iter().all(|r| r.len() == 8), "{rows:?}");
    let csv_votes: Vec<(usize, u64, &str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "vote")
        .map(|r| {
            (
                r[1].parse().unwrap(),
                r[3].parse().unwrap(),
                r[4].as_str(),
                r[5].as_str(),
            )
        })
        .collect();
    assert_eq!(csv_votes, cast);
    let reply = rows.iter().find(|r| r[0] == "reply").unwrap();
    assert_eq!(reply[7], "Ship, \"then\" rest\n=SUM(A1)");
    let agreement = rows
        .iter()
        .find(|r| r[0] == "agreement" && r[1] == "1")
        .unwrap();
    assert_eq!(agreement[7], "75.0");

    let (name, bytes) = export.render(ExportFormat::Json);
    assert_eq!(name, "retro-12.json");
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let mut json_votes = Vec::new();
    for s in json["statements"].as_array().unwrap() {
        for v in s["votes"].as_array().unwrap() {
            json_votes.push((
                s["number"].as_u64().unwrap() as usize,
                v["member_id"].as_str().unwrap().parse::<u64>().unwrap(),
                v["member_name"].as_str().unwrap().to_string(),
                v["emoji"].as_str().unwrap().to_string(),
            ));
        }
    }
    let expected: Vec<(usize, u64, String, String)> = cast
        .iter()
        .map(|(n, id, name, e)| (*n, *id, name.to_string(), e.to_string()))
        .collect();
    assert_eq!(json_votes, expected);
    assert_eq!(json["statements"][0]["agreement_percent"], 75.0);
    assert_eq!(json["statements"][0]["counts"][1]["count"], 1);
    assert_eq!(json["voters"], 3);
    assert_eq!(
        json["questions"][0]["replies"][0]["content"],
        "Ship, \"then\" rest\n=SUM(A1)"
    );
    assert_eq!(json["questions"][0]["thread_id"], "77");

    let (name, bytes) = export.render(ExportFormat::Markdown);
    assert_eq!(name, "retro-12.md");
    let text = String::from_utf8(bytes).unwrap();
    let md_votes: Vec<Vec<String>> = text
        .lines()
        .filter(|l| {
            l.starts_with("| ") && *l != "| Member | Member ID | Vote |" && !l.starts_with("| ---")
        })
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(md_votes.len(), 3);
    assert_eq!(md_votes[1], ["Member 200, Jr.", "200", "🟡 some problems"]);
    assert!(text.contains("🟢 1 · 🟡 1 · 🔴 0 · 75% agree · 2 participants"));
    assert!(text.contains("> Ship, \"then\" rest\n> =SUM(A1)\n— **Carol**"));
}

#[test]
fn csv_cells_are_quoted_and_formulas_defused() {
    assert_eq!(csv::cell("plain"), "plain");
    assert_eq!(csv::cell("a,b"), "\"a,b\"");
    assert_eq!(csv::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv::cell("=1+1"), "'=1+1");
    assert_eq!(csv::cell("@cmd, x"), "\"'@cmd, x\"");
}

#[test]
fn formats_parse_with_clear_errors() {
    assert_eq!(ExportFormat::parse(" CSV "), Ok(ExportFormat::Csv));
    assert_eq!(ExportFormat::parse("md"), Ok(ExportFormat::Markdown));
    let e = ExportFormat::parse("xlsx").unwrap_err();
    assert!(e.to_string().contains("`xlsx` is not an export format"));
}
