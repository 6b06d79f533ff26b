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
            member_text::inline(&statement.text),
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
        member_text::inline(&statement.text),
        counts.join(" · ")
    );
    if let Some(trend) = extras.trend.as_ref().and_then(|t| t.statements.get(index)) {
        line.push('\n');
        line.push_str(&crate::discord::words::trend_line(lang, trend));
    }
    line
}

/// The summary's blocks: those before the questions, each question's heading with its replies,
/// and those after; [`Sections::blocks`] lays them out with at most `cap` replies per question.
struct Sections {
    before: Vec<String>,
    questions: Vec<(String, Vec<String>)>,
    after: Vec<String>,
    /// The summary's language, for the pointer to replies left out.
    lang: Language,
}

impl Sections {
    fn blocks(&self, cap: usize) -> Vec<Cow<'_, str>> {
        let mut blocks: Vec<Cow<'_, str>> = self.before.iter().map(|b| b.as_str().into()).collect();
        for (heading, replies) in &self.questions {
            blocks.push(heading.as_str().into());
            blocks.extend(replies.iter().take(cap).map(|r| Cow::from(r.as_str())));
            let more = replies.len().saturating_sub(cap);
            if more > 0 {
                blocks.push(tr!(self.lang, "summary-more-replies", more = more).into());
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
        blocks.push(crate::discord::words::trend_headline(lang, trend));
    }
    blocks.push(lang.t("summary-statements"));
    blocks.extend((0..summary.statements.len()).map(|i| statement_line(summary, extras, i)));
    if !summary.questions.is_empty() {
        blocks.push(lang.t("summary-questions"));
    }
    let mut questions = Vec::new();
    for (i, question) in summary.questions.iter().enumerate() {
        let replies_word = tr!(lang, "summary-replies", count = question.replies.len());
        let thread = question
            .thread_id
            .map(|t| {
                format!(
                    " · {}",
                    tr!(lang, "summary-thread", thread = format!("<#{t}>"))
                )
            })
            .unwrap_or_default();
        let heading = format!(
            "**Q{}. {}**\n{replies_word}{thread}",
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
    let actions_heading = lang.t("summary-actions");
    let sections = Sections {
        before: blocks,
        questions,
        after: actions_blocks(lang, &actions_heading, &extras.actions, extras.today),
        lang,
    };
    let chunks = sections.pack();
    let parts = chunks.len();
    let heading = member_text::inline_within(&summary.heading, 150);
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
