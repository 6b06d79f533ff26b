//! Discord's size limits for a message, and one checker that tells whether a message the bot is
//! about to send keeps all of them. Builders are inspected through their JSON form (exactly what
//! goes over the wire), so the check covers whatever a builder was given. Lengths are counted in
//! UTF-16 code units ([`discord_len`]), the conservative reading of Discord's "characters".

use crate::domain::text::discord_len;
use serde::Serialize;

/// Longest message content.
pub const CONTENT: usize = 2_000;
/// Embeds per message.
pub const EMBEDS: usize = 10;
/// Longest embed title.
pub const TITLE: usize = 256;
/// Longest embed description.
pub const DESCRIPTION: usize = 4_096;
/// Fields per embed.
pub const FIELDS: usize = 25;
/// Longest field name.
pub const FIELD_NAME: usize = 256;
/// Longest field value.
pub const FIELD_VALUE: usize = 1_024;
/// Longest footer text.
pub const FOOTER: usize = 2_048;
/// Longest author name.
pub const AUTHOR: usize = 256;
/// Most characters of all embeds of one message together.
pub const EMBEDS_TOTAL: usize = 6_000;

/// Every limit `message` breaks (empty when Discord accepts it). `message` is any serialisable
/// message body: `CreateMessage`, `EditMessage`, an interaction response or follow-up.
pub fn check_discord_limits(message: &impl Serialize) -> Result<(), Vec<String>> {
    let json = serde_json::to_value(message).map_err(|e| vec![format!("not serialisable: {e}")])?;
    let mut broken = Vec::new();
    let mut measure = |what: String, text: &serde_json::Value, limit: usize| -> usize {
        let len = text.as_str().map_or(0, discord_len);
        if len > limit {
            broken.push(format!("{what}: {len} > {limit}"));
        }
        len
    };
    measure("content".into(), &json["content"], CONTENT);
    let no_embeds = Vec::new();
    let embeds = json["embeds"].as_array().unwrap_or(&no_embeds);
    let mut total = 0;
    let mut counts = Vec::new();
    for (i, embed) in embeds.iter().enumerate() {
        total += measure(format!("embed {i} title"), &embed["title"], TITLE);
        total += measure(
            format!("embed {i} description"),
            &embed["description"],
            DESCRIPTION,
        );
        total += measure(
            format!("embed {i} footer"),
            &embed["footer"]["text"],
            FOOTER,
        );
        total += measure(
            format!("embed {i} author"),
            &embed["author"]["name"],
            AUTHOR,
        );
        let fields = embed["fields"].as_array().unwrap_or(&no_embeds);
        for (f, field) in fields.iter().enumerate() {
            total += measure(
                format!("embed {i} field {f} name"),
                &field["name"],
                FIELD_NAME,
            );
            total += measure(
                format!("embed {i} field {f} value"),
                &field["value"],
                FIELD_VALUE,
            );
        }
        if fields.len() > FIELDS {
            counts.push(format!("embed {i}: {} fields > {FIELDS}", fields.len()));
        }
    }
    if embeds.len() > EMBEDS {
        counts.push(format!("{} embeds > {EMBEDS}", embeds.len()));
    }
    if total > EMBEDS_TOTAL {
        counts.push(format!("embeds total: {total} > {EMBEDS_TOTAL}"));
    }
    broken.extend(counts);
    if broken.is_empty() {
        Ok(())
    } else {
        Err(broken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serenity::all::{CreateEmbed, CreateEmbedFooter, CreateMessage};

    #[test]
    fn every_limit_is_checked() {
        assert!(check_discord_limits(&CreateMessage::new().content("ok")).is_ok());
        let too_long = CreateMessage::new().content("👍".repeat(1_001));
        assert!(check_discord_limits(&too_long).is_err());
        let embed = |d: usize| {
            CreateEmbed::new()
                .title("t".repeat(257))
                .description("d".repeat(d))
                .footer(CreateEmbedFooter::new("f".repeat(2_049)))
                .fields((0..26).map(|_| ("n".repeat(257), "v".repeat(1_025), false)))
        };
        let broken = check_discord_limits(&CreateMessage::new().embeds(vec![embed(4_097); 11]))
            .unwrap_err()
            .join("\n");
        for needle in [
            "title",
            "description",
            "footer",
            "field 0 name",
            "field 0 value",
            "26 fields",
            "11 embeds",
            "total",
        ] {
            assert!(broken.contains(needle), "{needle} missing from {broken}");
        }
        let total = CreateMessage::new().embeds(vec![
            CreateEmbed::new().description("d".repeat(4_000)),
            CreateEmbed::new().description("d".repeat(2_001)),
        ]);
        assert!(check_discord_limits(&total).is_err());
    }
}
