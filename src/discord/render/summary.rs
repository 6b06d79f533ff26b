//! The summary of a closed retro as messages: counts, agreement and trend per statement, the
//! replies per question, the actions recorded during it, and the chart on the first part.

use super::message::{pack, RenderedMessage, PACK_BUDGET};
use super::reports::actions_blocks;
use crate::domain::report::SummaryExtras;
use crate::domain::summary::Summary;
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::tr;

/// One line per statement: `👍 5 · 👎 2 · 71% agree · 7 participants`, and its trend.
fn statement_line(summary: &Summary, extras: &SummaryExtras, index: usize) -> String {
    let statement = &summary.statements[index];
    let lang = Language::from_locale(&summary.language);
    if statement.split_hidden {
        let voters = statement.tally.participants();
        return format!(
            "**{}. {}**\n{}",
            index + 1,
            statement.text,
            tr!(lang, "summary-split-hidden", voters = voters)
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
        Some(pct) => tr!(lang, "summary-agree", share = lang.percent(pct / 100.0)),
        None => lang.t("summary-no-votes"),
    };
    let people = tr!(lang, "summary-participants", participants = participants);
    let mut line = format!(
        "**{}. {}**\n{} · {share} · {people}",
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
    let lang = Language::from_locale(&summary.language);
    let mut blocks = vec![tr!(
        lang,
        "summary-overview",
        voters = summary.voters,
        replies = summary
            .questions
            .iter()
            .map(|q| q.replies.len())
            .sum::<usize>(),
        repliers = summary.repliers,
        facilitator = format!("<@{}>", summary.facilitator_id),
    )];
    if summary.anonymous {
        blocks.push(lang.t("summary-anonymous"));
    }
    if let Some(trend) = &extras.trend {
        blocks.push(trend.headline());
    }
    blocks.push(lang.t("summary-statements"));
    blocks.extend((0..summary.statements.len()).map(|i| statement_line(summary, extras, i)));
    if !summary.questions.is_empty() {
        blocks.push(lang.t("summary-questions"));
    }
    for (i, question) in summary.questions.iter().enumerate() {
        let replies = tr!(lang, "summary-replies", count = question.replies.len());
        let thread = question
            .thread_id
            .map(|t| {
                format!(
                    " · {}",
                    tr!(lang, "summary-thread", thread = format!("<#{t}>"))
                )
            })
            .unwrap_or_default();
        blocks.push(format!(
            "**Q{}. {}**\n{replies}{thread}",
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
    let actions_heading = lang.t("summary-actions");
    blocks.extend(actions_blocks(
        &actions_heading,
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
                tr!(lang, "summary-title", heading = heading.as_str())
            } else {
                tr!(lang, "summary-title-continued", heading = heading.as_str())
            },
            description,
            footer: (parts > 1).then(|| tr!(lang, "summary-part", part = i + 1, parts = parts)),
            chart: if i == 0 { extras.chart.clone() } else { None },
        })
        .collect()
}
