//! The summary of a closed retro as messages: counts, agreement and trend per statement, the
//! replies per question, the actions recorded during it, and the chart on the first part.
//! Member text (titles, statements, questions, replies, names) is shown inert
//! ([`member_text`]). A summary takes at most [`MAX_PARTS`] messages: beyond that each question
//! shows its first replies and says how many more are in `/retro export`.

use std::borrow::Cow;

use super::message::{pack, RenderedMessage, PACK_BUDGET};
use super::reports::actions_blocks;
use crate::domain::member_text;
use crate::domain::report::SummaryExtras;
use crate::domain::summary::Summary;

/// Most messages one summary is posted as; replies beyond it are pointed to in the export.
pub const MAX_PARTS: usize = 10;
/// Longest line of a quoted reply (a longer line is wrapped).
const QUOTE_LINE: usize = 1_000;
/// Longest author name shown under a reply.
const AUTHOR_CHARS: usize = 100;

/// One line per statement: `👍 5 · 👎 2 · 71% agree · 7 participants`, and its trend.
fn statement_line(summary: &Summary, extras: &SummaryExtras, index: usize) -> String {
    let statement = &summary.statements[index];
    if statement.split_hidden {
        let voters = statement.tally.participants();
        return format!(
            "**{}. {}**\n{voters} voted · *too few votes to show without revealing who*",
            index + 1,
            member_text::inline(&statement.text)
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
        member_text::inline(&statement.text),
        counts.join(" · ")
    );
    if let Some(trend) = extras.trend.as_ref().and_then(|t| t.statements.get(index)) {
        line.push('\n');
        line.push_str(&trend.describe());
    }
    line
}

/// The summary's blocks: those before the questions, each question's heading with its replies,
/// and those after; [`Sections::blocks`] lays them out with at most `cap` replies per question.
struct Sections {
    before: Vec<String>,
    questions: Vec<(String, Vec<String>)>,
    after: Vec<String>,
}

impl Sections {
    fn blocks(&self, cap: usize) -> Vec<Cow<'_, str>> {
        let mut blocks: Vec<Cow<'_, str>> = self.before.iter().map(|b| b.as_str().into()).collect();
        for (heading, replies) in &self.questions {
            blocks.push(heading.as_str().into());
            blocks.extend(replies.iter().take(cap).map(|r| Cow::from(r.as_str())));
            let more = replies.len().saturating_sub(cap);
            if more > 0 {
                let noun = if more == 1 { "reply" } else { "replies" };
                blocks.push(format!("*… {more} more {noun}: see `/retro export`*").into());
            }
        }
        blocks.extend(self.after.iter().map(|b| Cow::from(b.as_str())));
        blocks
    }

    /// The description of every part: all replies when they fit in [`MAX_PARTS`] messages,
    /// else the most replies per question that do.
    fn pack(&self) -> Vec<String> {
        let most = self
            .questions
            .iter()
            .map(|(_, r)| r.len())
            .max()
            .unwrap_or(0);
        let all = pack(&self.blocks(most), PACK_BUDGET);
        if all.len() <= MAX_PARTS {
            return all;
        }
        let (mut fits, mut too_many) = (0, most);
        while too_many - fits > 1 {
            let cap = fits + (too_many - fits) / 2;
            if pack(&self.blocks(cap), PACK_BUDGET).len() <= MAX_PARTS {
                fits = cap;
            } else {
                too_many = cap;
            }
        }
        pack(&self.blocks(fits), PACK_BUDGET)
    }
}

/// The summary as one or more messages, each within Discord's limits. The first title says
/// "Summary"; long parts continue in the next message, up to [`MAX_PARTS`].
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
    let mut questions = Vec::new();
    for (i, question) in summary.questions.iter().enumerate() {
        let count = question.replies.len();
        let noun = if count == 1 { "reply" } else { "replies" };
        let thread = question
            .thread_id
            .map(|t| format!(" · thread: <#{t}>"))
            .unwrap_or_default();
        let heading = format!(
            "**Q{}. {}**\n{count} {noun}{thread}",
            i + 1,
            member_text::inline(&question.text)
        );
        let replies = question
            .replies
            .iter()
            .map(|reply| {
                let quote = member_text::quoted(&reply.content, QUOTE_LINE);
                if summary.anonymous {
                    quote
                } else {
                    let author = member_text::inline_within(&reply.author_name, AUTHOR_CHARS);
                    format!("{quote}\n— **{author}**")
                }
            })
            .collect();
        questions.push((heading, replies));
    }
    let sections = Sections {
        before: blocks,
        questions,
        after: actions_blocks(
            "__Actions from this check-in__",
            &extras.actions,
            extras.today,
        ),
    };
    let chunks = sections.pack();
    let parts = chunks.len();
    let heading = member_text::inline_within(&summary.heading, 150);
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
