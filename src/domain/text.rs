//! Small text helpers shared by rendering and validation: measuring text as Discord does and
//! shortening it to Discord's limits on character boundaries.
//!
//! Discord documents its limits in "characters" without naming the unit. retrobot counts UTF-16
//! code units ([`discord_len`]): never fewer than Unicode scalar values or grapheme clusters, and
//! what Discord's own JavaScript client counts, so a text that fits by this measure fits by any
//! of them (an emoji outside the Basic Multilingual Plane counts 2, a flag 4).

/// The length of `text` as retrobot measures it against Discord's limits: UTF-16 code units.
pub fn discord_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// Shortens `text` to at most `max` units ([`discord_len`]), ending with `…` when something was
/// cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if discord_len(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut len = 0;
    for c in text.chars() {
        if len + c.len_utf16() > max.saturating_sub(1) {
            break;
        }
        len += c.len_utf16();
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_on_char_boundaries() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("ab cdef", 4), "ab…");
        let emoji = "👍".repeat(120);
        let cut = shorten(&emoji, 100);
        assert_eq!(discord_len(&cut), 99);
        assert_eq!(cut.chars().count(), 50);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn measures_utf16_units() {
        assert_eq!(discord_len("abc"), 3);
        assert_eq!(discord_len("é"), 1);
        assert_eq!(discord_len("👍"), 2);
        assert_eq!(discord_len("🇫🇷"), 4);
        assert_eq!(discord_len("👩‍👩‍👧"), 8);
    }
}
