//! The summary of a closed retro as messages: counts, agreement and trend per statement, the
//! replies per question, the actions recorded during it, and the chart on the first part.

use super::message::{pack, RenderedMessage, PACK_BUDGET};
use super::reports::actions_blocks;
use crate::domain::report::SummaryExtras;
use crate::domain::summary::Summary;
use crate::domain::text::shorten;

/// One line per statement: `👍 5 · 👎 2 · 71% agree · 7 participants`, and its trend.
fn statement_line(summary: &Summary, extras: &SummaryExtras, index: usize) -> String {
    let statement = &summary.statements[index];
    if statement.split_hidden {
        let voters = statement.tally.participants();
        return format!(
            "**{}. {}**\n{voters} voted · *too few votes to show without revealing who*",
            index + 1,
            statement.text
        );
    }
    let counts: Vec<String> = summary
        .scale
        .options
        .iter()
        .zip(&statement.tally.counts)
        .map(|(option, count)| format!("{} {count}", option.emoji))
        .collect();
    let participants = statement.tally.participants();
    let share = match statement.tally.agreement_percent(&summary.scale) {
        Some(pct) => format!("{pct:.0}% agree"),
        None => "no votes".to_string(),
    };
    let people = if participants == 1 {
        "participant"
    } else {
        "participants"
    };
    let mut line = format!(
        "**{}. {}**\n{} · {share} · {participants} {people}",
        index + 1,
        statement.text,
        counts.join(" · ")
    );
    if let Some(trend) = extras.trend.as_ref().and_then(|t| t.statements.get(index)) {
        line.push('\n');
        line.push_str(&trend.describe());
    }
    line
}

fn quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary as one or more messages, each within Discord's limits. The first title says
/// "Summary"; nothing is cut: long parts continue in the next message.
pub fn summary(summary: &Summary) -> Vec<RenderedMessage> {
    summary_with(summary, &SummaryExtras::default())
}

/// [`summary`] with the trend per statement, the actions recorded during the check-in, and the
/// chart attached to the first message.
pub fn summary_with(summary: &Summary, extras: &SummaryExtras) -> Vec<RenderedMessage> {
    let mut blocks = vec![format!(
        "**{}** members voted · **{}** replies from **{}** members · facilitator <@{}>",
        summary.voters,
        summary
            .questions
            .iter()
            .map(|q| q.replies.len())
            .sum::<usize>(),
        summary.repliers,
        summary.facilitator_id
    )];
    if summary.anonymous {
        blocks.push("🔒 *Anonymous check-in: counts only, answers without names.*".to_string());
    }
    if let Some(trend) = &extras.trend {
        blocks.push(trend.headline());
    }
    blocks.push("__Statements__".to_string());
    blocks.extend((0..summary.statements.len()).map(|i| statement_line(summary, extras, i)));
    if !summary.questions.is_empty() {
        blocks.push("__Open questions__".to_string());
    }
    for (i, question) in summary.questions.iter().enumerate() {
        let count = question.replies.len();
        let noun = if count == 1 { "reply" } else { "replies" };
        let thread = question
            .thread_id
            .map(|t| format!(" · thread: <#{t}>"))
            .unwrap_or_default();
        blocks.push(format!(
            "**Q{}. {}**\n{count} {noun}{thread}",
            i + 1,
            question.text
        ));
        for reply in &question.replies {
            blocks.push(if summary.anonymous {
                quote(&reply.content)
            } else {
                format!("{}\n— **{}**", quote(&reply.content), reply.author_name)
            });
        }
    }
    blocks.extend(actions_blocks(
        "__Actions from this check-in__",
        &extras.actions,
        extras.today,
    ));
    let chunks = pack(&blocks, PACK_BUDGET);
    let parts = chunks.len();
    let heading = shorten(&summary.heading, 150);
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, description)| RenderedMessage {
            title: if i == 0 {
                format!("Summary — {heading}")
            } else {
                format!("Summary — {heading} (continued)")
            },
            description,
            footer: (parts > 1).then(|| format!("Part {} of {parts}", i + 1)),
            chart: if i == 0 { extras.chart.clone() } else { None },
        })
        .collect()
}
