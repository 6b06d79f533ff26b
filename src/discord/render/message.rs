//! The shape of what the bot posts: Discord's size limits, a rendered message (serialisable, so
//! a summary saved before a crash is posted identically after it), links, and packing text
//! blocks into messages that fit.

use serde::{Deserialize, Serialize};
use serenity::all::{CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage};

use crate::domain::ids::{ChannelId, GuildId, MessageId};
use crate::domain::report::ChartData;

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
