//! The CSV export: one table in long form, a `section` column telling votes, counts,
//! agreement, replies and actions apart. Cells that a spreadsheet would run as a formula get a
//! leading `'`.

use super::model::Export;

const HEADER: &str = "section,number,item,member_id,member_name,choice,label,value";

/// Quotes a cell when needed and defuses formula triggers (`=`, `+`, `-`, `@`).
pub fn cell(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut String, cells: [&str; 8]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

pub fn render(export: &Export) -> String {
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    let scale = &export.summary.scale;
    for (i, statement) in export.summary.statements.iter().enumerate() {
        let number = (i + 1).to_string();
        let text = statement.text.as_str();
        for vote in export.votes_on(i) {
            let option = &scale.options[vote.vote.option];
            row(
                &mut out,
                [
                    "vote",
                    &number,
                    text,
                    &vote.vote.voter.to_string(),
                    &vote.member_name,
                    &option.emoji,
                    &option.label,
                    &option.weight.to_string(),
                ],
            );
        }
        let shown = if statement.split_hidden {
            &[][..]
        } else {
            &statement.tally.counts[..]
        };
        for (option, count) in scale.options.iter().zip(shown) {
            let count = count.to_string();
            row(
                &mut out,
                [
                    "count",
                    &number,
                    text,
                    "",
                    "",
                    &option.emoji,
                    &option.label,
                    &count,
                ],
            );
        }
        let agreement = statement
            .tally
            .agreement_percent(scale)
            .filter(|_| !statement.split_hidden)
            .map_or(String::new(), |p| format!("{p:.1}"));
        let participants = statement.tally.participants().to_string();
        row(
            &mut out,
            [
                "agreement",
                &number,
                text,
                "",
                "",
                "",
                "percent",
                &agreement,
            ],
        );
        row(
            &mut out,
            [
                "participants",
                &number,
                text,
                "",
                "",
                "",
                "members",
                &participants,
            ],
        );
    }
    for (i, question) in export.summary.questions.iter().enumerate() {
        let number = (i + 1).to_string();
        for reply in &question.replies {
            let (member_id, member_name) = export.reply_author(reply);
            row(
                &mut out,
                [
                    "reply",
                    &number,
                    &question.text,
                    &member_id,
                    &member_name,
                    "",
                    &reply.message_id.to_string(),
                    &reply.content,
                ],
            );
        }
    }
    for action in export.actions {
        let status = if action.is_done() { "done" } else { "open" };
        row(
            &mut out,
            [
                "action",
                &action.id.to_string(),
                &action.text,
                &export
                    .owner_of(action)
                    .map_or(String::new(), |o| o.to_string()),
                "",
                "",
                &action.due.map_or(String::new(), |d| d.to_string()),
                status,
            ],
        );
    }
    out
}
