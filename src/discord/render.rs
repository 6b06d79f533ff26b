//! Rendering domain values into Discord messages: the retro header, statements, question
//! threads and the summary, packed so that no message exceeds Discord's limits.

use serde::{Deserialize, Serialize};
use serenity::all::{CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage};

use crate::domain::report::{ChartData, SummaryExtras};
use crate::domain::retro::Retro;
use crate::domain::summary::Summary;
use crate::domain::text::shorten;

/// Longest embed description Discord accepts.
pub const EMBED_DESCRIPTION_LIMIT: usize = 4_096;
/// Longest embed title.
pub const EMBED_TITLE_LIMIT: usize = 256;
/// Longest thread name.
pub const THREAD_NAME_LIMIT: usize = 100;
/// Longest message content.
pub const CONTENT_LIMIT: usize = 2_000;
/// The description budget used when packing (headroom under the 4,096 limit and the 6,000
/// per-message total with title and footer).
const PACK_BUDGET: usize = 3_900;
/// Embed accent colour.
const COLOUR: u32 = 0x5865F2;

/// A message as the bot will post it; serialisable so a closing retro's summary can be saved
/// and posted identically after a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RenderedMessage {
    pub title: String,
    pub description: String,
    pub footer: Option<String>,
    /// A chart attached to this message as [`CHART_FILE`] and shown in its embed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<ChartData>,
}

/// The file name of an attached chart.
pub const CHART_FILE: &str = "retro-chart.png";

impl RenderedMessage {
    pub fn embed(&self) -> CreateEmbed {
        let mut embed = CreateEmbed::new()
            .title(&self.title)
            .description(&self.description)
            .colour(COLOUR);
        if let Some(footer) = &self.footer {
            embed = embed.footer(CreateEmbedFooter::new(footer));
        }
        if self.chart.is_some() {
            embed = embed.attachment(CHART_FILE);
        }
        embed
    }

    pub fn to_create_message(&self) -> CreateMessage {
        CreateMessage::new()
            .embed(self.embed())
            .allowed_mentions(CreateAllowedMentions::new())
    }
}

/// A link to a message or channel.
pub fn jump_link(guild_id: u64, channel_id: u64, message_id: Option<u64>) -> String {
    match message_id {
        Some(message) => format!("https://discord.com/channels/{guild_id}/{channel_id}/{message}"),
        None => format!("https://discord.com/channels/{guild_id}/{channel_id}"),
    }
}

/// The first message of a retro: what it is, who runs it, how to take part, when it closes.
pub fn header(retro: &Retro) -> CreateMessage {
    let template = &retro.template;
    let scale = template.scale.describe();
    let mut how = format!(
        "**How to take part**\n• React to each of the {} statements below: {}. Your newest reaction counts; remove it to take your vote back.",
        template.statements.len(),
        scale
    );
    if retro.anonymous {
        how = super::anonymous::render::how_to_take_part(template);
    } else if !template.questions.is_empty() {
        how.push_str(&format!(
            "\n• Answer the {} open questions by replying in their threads.",
            template.questions.len()
        ));
    }
    let mut description = String::new();
    if !template.description.is_empty() {
        description.push_str(&template.description);
        description.push_str("\n\n");
    }
    description.push_str(&how);
    description.push_str(&format!("\n\n**Facilitator:** <@{}>", retro.facilitator_id));
    match retro.closes_at {
        Some(at) => description.push_str(&format!(
            "\n**Closes:** <t:{0}:R> (<t:{0}:f>)",
            at.timestamp()
        )),
        None => description.push_str("\n**Closes:** when the facilitator runs `/retro close`"),
    }
    let embed = CreateEmbed::new()
        .title(shorten(&retro.display_name(), EMBED_TITLE_LIMIT))
        .description(description)
        .colour(COLOUR)
        .footer(CreateEmbedFooter::new(format!(
            "Retro {} · /retro status shows participation",
            retro.id
        )));
    CreateMessage::new()
        .embed(embed)
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The message members react to for statement `position`.
pub fn statement(retro: &Retro, position: usize) -> CreateMessage {
    if retro.anonymous {
        return super::anonymous::render::statement(retro, position);
    }
    let total = retro.template.statements.len();
    let text = &retro.template.statements[position];
    CreateMessage::new()
        .content(format!(
            "**Statement {} of {total}**\n> {text}",
            position + 1
        ))
        .allowed_mentions(CreateAllowedMentions::new())
}

/// The thread name for question `position`: the question, shortened to Discord's limit.
pub fn thread_name(question: &str) -> String {
    shorten(question, THREAD_NAME_LIMIT)
}

/// The first message inside a question's thread: the full question.
pub fn question(retro: &Retro, position: usize) -> CreateMessage {
    if retro.anonymous {
        return super::anonymous::render::question(retro, position);
    }
    let total = retro.template.questions.len();
    let text = &retro.template.questions[position];
    CreateMessage::new()
        .content(format!(
            "**Open question {} of {total}**\n{text}\n\n*Reply in this thread: every message here is an answer.*",
            position + 1
        ))
        .allowed_mentions(CreateAllowedMentions::new())
}

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
    blocks.extend(super::render_reports::actions_blocks(
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

/// Packs `blocks` (joined by blank lines) into chunks of at most `budget` characters, splitting
/// a block that is too long on its own at line breaks, or at character boundaries if needed.
pub fn pack(blocks: &[String], budget: usize) -> Vec<String> {
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for block in blocks {
        for piece in split_to_fit(block, budget) {
            let piece_len = piece.chars().count();
            let sep = if current.is_empty() { 0 } else { 2 };
            if current_len + sep + piece_len > budget {
                chunks.push(std::mem::take(&mut current));
                current_len = 0;
            }
            if !current.is_empty() {
                current.push_str("\n\n");
                current_len += 2;
            }
            current.push_str(&piece);
            current_len += piece_len;
        }
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(current);
    }
    chunks
}

fn split_to_fit(block: &str, budget: usize) -> Vec<String> {
    if block.chars().count() <= budget {
        return vec![block.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut len = 0;
    for line in block.split('\n') {
        let mut line_chars: Vec<char> = line.chars().collect();
        while !line_chars.is_empty() {
            let room = budget - len - usize::from(len > 0);
            if line_chars.len() <= room {
                if len > 0 {
                    current.push('\n');
                    len += 1;
                }
                current.extend(line_chars.iter());
                len += line_chars.len();
                line_chars.clear();
            } else if len > 0 {
                pieces.push(std::mem::take(&mut current));
                len = 0;
            } else {
                let rest = line_chars.split_off(budget);
                pieces.push(line_chars.iter().collect());
                line_chars = rest;
            }
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_respects_the_budget_and_loses_nothing() {
        let blocks: Vec<String> = vec![
            "a".repeat(10),
            "b".repeat(25),
            "c\n".repeat(30),
            "d".repeat(95),
        ];
        let chunks = pack(&blocks, 40);
        assert!(chunks.iter().all(|c| c.chars().count() <= 40), "{chunks:?}");
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        let total: usize = chunks.iter().map(|c| letters(c)).sum();
        assert_eq!(total, 10 + 25 + 30 + 95);
    }

    #[test]
    fn empty_input_gives_one_empty_chunk() {
        assert_eq!(pack(&[], 10), vec![String::new()]);
    }
}
