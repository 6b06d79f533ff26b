//! The Markdown export: the summary numbers, a table of votes per statement, the replies as
//! quotes and the actions, readable as it is and in any Markdown viewer.

use super::model::Export;

/// Makes text safe inside a table cell (no line breaks, no column separators).
fn table_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

fn quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn render(export: &Export) -> String {
    let summary = export.summary;
    let retro = export.retro;
    let scale = &summary.scale;
    let mut out = format!("# Export — {}\n\n", summary.heading);
    let closed = export.closed_at.map_or("not closed".to_string(), |at| {
        format!("closed {}", at.format("%Y-%m-%d %H:%M UTC"))
    });
    let replies: usize = summary.questions.iter().map(|q| q.replies.len()).sum();
    out.push_str(&format!(
        "Retro {} · template `{}` · {closed} · {} members voted · {replies} replies from {} members\n",
        retro.id, retro.template.key, summary.voters, summary.repliers
    ));
    out.push_str("\n## Statements\n");
    for (i, statement) in summary.statements.iter().enumerate() {
        let counts: Vec<String> = scale
            .options
            .iter()
            .zip(&statement.tally.counts)
            .map(|(o, n)| format!("{} {n}", o.emoji))
            .collect();
        let agreement = statement
            .tally
            .agreement_percent(scale)
            .map_or("no votes".to_string(), |p| format!("{p:.0}% agree"));
        let (counts, agreement) = if statement.split_hidden {
            (
                vec!["too few votes to show without revealing who".to_string()],
                String::new(),
            )
        } else {
            (counts, format!(" · {agreement}"))
        };
        out.push_str(&format!(
            "\n### {}. {}\n\n{}{agreement} · {} participants\n\n",
            i + 1,
            statement.text,
            counts.join(" · "),
            statement.tally.participants()
        ));
        out.push_str("| Member | Member ID | Vote |\n| --- | --- | --- |\n");
        for vote in export.votes_on(i) {
            let option = &scale.options[vote.vote.option];
            out.push_str(&format!(
                "| {} | {} | {} {} |\n",
                table_cell(&vote.member_name),
                vote.vote.voter,
                option.emoji,
                table_cell(&option.label)
            ));
        }
    }
    if !summary.questions.is_empty() {
        out.push_str("\n## Open questions\n");
    }
    for (i, question) in summary.questions.iter().enumerate() {
        out.push_str(&format!(
            "\n### Q{}. {}\n\n{} replies\n",
            i + 1,
            question.text,
            question.replies.len()
        ));
        for reply in &question.replies {
            let author = if export.anonymous() {
                String::new()
            } else {
                format!(
                    "— **{}** (member ID {})\n",
                    reply.author_name, reply.author_id
                )
            };
            out.push_str(&format!("\n{}\n{author}", quote(&reply.content)));
        }
    }
    if !export.actions.is_empty() {
        out.push_str("\n## Actions\n\n");
        for action in export.actions {
            let mut line = format!("- #{} {}", action.id, action.text);
            if let Some(owner) = export.owner_of(action) {
                line.push_str(&format!(" · owner member ID {owner}"));
            }
            if let Some(due) = action.due {
                line.push_str(&format!(" · due {due}"));
            }
            line.push_str(if action.is_done() {
                " · done"
            } else {
                " · open"
            });
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
