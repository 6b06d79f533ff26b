//! The shape of what the bot posts: Discord's size limits, a rendered message (serialisable, so
//! a summary saved before a crash is posted identically after it), links, and packing text
//! blocks into messages that fit.

use serde::{Deserialize, Serialize};
use serenity::all::{CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage};

use crate::domain::ids::{ChannelId, GuildId, MessageId};
use crate::domain::report::ChartData;
use crate::domain::text::discord_len;

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
pub const PACK_BUDGET: usize = 3_900;
/// Embed accent colour.
pub const COLOUR: u32 = 0x5865F2;

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
pub fn jump_link(
    guild_id: GuildId,
    channel_id: ChannelId,
    message_id: Option<MessageId>,
) -> String {
    match message_id {
        Some(message) => format!("https://discord.com/channels/{guild_id}/{channel_id}/{message}"),
        None => format!("https://discord.com/channels/{guild_id}/{channel_id}"),
    }
}
/// Packs `blocks` (joined by blank lines) into chunks of at most `budget` units
/// ([`discord_len`]), splitting a block that is too long on its own at line breaks, or inside a
/// line if needed (at a space when there is one, never between an escape and its character).
pub fn pack<S: AsRef<str>>(blocks: &[S], budget: usize) -> Vec<String> {
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    let mut started = false;
    for block in blocks {
        for piece in split_to_fit(block.as_ref(), budget) {
            let piece_len = discord_len(&piece);
            if started && current_len + 2 + piece_len > budget {
                chunks.push(std::mem::take(&mut current));
                current_len = 0;
                started = false;
            }
            if started {
                current.push_str("\n\n");
                current_len += 2;
            }
            current.push_str(&piece);
            current_len += piece_len;
            started = true;
        }
    }
    if started || chunks.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// `block` as pieces of at most `budget` units, cut at line breaks where possible. Blank lines
/// inside a piece are kept.
fn split_to_fit(block: &str, budget: usize) -> Vec<String> {
    let budget = budget.max(1);
    if discord_len(block) <= budget {
        return vec![block.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut len = 0;
    let mut started = false;
    for line in block.split('\n') {
        for segment in cut_line(line, budget) {
            let segment_len = discord_len(segment);
            if started && len + 1 + segment_len > budget {
                pieces.push(std::mem::take(&mut current));
                len = 0;
                started = false;
            }
            if started {
                current.push('\n');
                len += 1;
            }
            current.push_str(segment);
            len += segment_len;
            started = true;
        }
    }
    if started {
        pieces.push(current);
    }
    pieces
}

/// `line` in segments of at most `budget` units: whole if it fits, else cut at the last space
/// that leaves a segment at least half full, or between characters — never right after an
/// escaping backslash.
fn cut_line(line: &str, budget: usize) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = line;
    while discord_len(rest) > budget {
        let mut end = 0;
        let mut len = 0;
        let mut last_space = None;
        let mut escaped = false;
        let mut last_safe = 0;
        for (i, c) in rest.char_indices() {
            if len + c.len_utf16() > budget {
                break;
            }
            len += c.len_utf16();
            end = i + c.len_utf8();
            escaped = c == '\\' && !escaped;
            if !escaped {
                last_safe = end;
            }
            if c == ' ' && len * 2 >= budget {
                last_space = Some(end);
            }
        }
        let mut cut = last_space.unwrap_or(if last_safe > 0 { last_safe } else { end });
        if cut == 0 {
            // A budget smaller than one character: that character alone.
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        segments.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    segments.push(rest);
    segments
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
        assert!(chunks.iter().all(|c| discord_len(c) <= 40), "{chunks:?}");
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        let total: usize = chunks.iter().map(|c| letters(c)).sum();
        assert_eq!(total, 10 + 25 + 30 + 95);
    }

    #[test]
    fn empty_input_gives_one_empty_chunk() {
        assert_eq!(pack::<String>(&[], 10), vec![String::new()]);
    }

    /// The bug of issue 11: a block whose lines fill a piece exactly made the line budget
    /// subtract below zero (a panic in debug, a part over 4,096 in release).
    #[test]
    fn lines_that_fill_a_piece_exactly_never_overflow() {
        for budget in [3, 4, 5, 40, 3_900] {
            for text in [
                "> \n".repeat(1_900),
                "a\n".repeat(4_000),
                "ab\n".repeat(3_000),
            ] {
                let chunks = pack(&[text.clone(), "x".repeat(5_000)], budget);
                assert!(chunks.iter().all(|c| discord_len(c) <= budget));
                let kept: usize = chunks.iter().map(|c| c.matches('a').count()).sum();
                assert_eq!(kept, text.matches('a').count());
            }
        }
    }

    #[test]
    fn long_lines_are_cut_at_spaces_and_never_inside_an_escape() {
        let chunks = pack(&["\\*".repeat(100)], 7);
        assert!(chunks
            .iter()
            .all(|c| c.starts_with('\\') && discord_len(c) <= 7));
        let words = "word ".repeat(50);
        let chunks = pack(&[words], 12);
        assert!(chunks.iter().all(|c| discord_len(c) <= 12));
        assert_eq!(
            chunks
                .iter()
                .map(|c| c.matches("word").count())
                .sum::<usize>(),
            50
        );
        let emoji = pack(&["👩‍👩‍👧".repeat(40)], 9);
        assert!(emoji.iter().all(|c| discord_len(c) <= 9 && !c.is_empty()));
    }
}
