//! Member text made inert for Discord: whatever a member typed (a reply, an answer, a title, a
//! name, an action, a custom template's text) is shown as the letters they typed, never as
//! markdown, a masked link, a mention, a heading or a code fence that could break the bot's own
//! formatting. Every place that shows member text goes through [`escape_line`], by way of
//! [`inline`], [`inline_within`], [`block`] or [`quoted`].
//!
//! Escaping uses Discord's backslash escape (`\*`, `\<`, …), which the client honours for any
//! ASCII punctuation; lengths are counted with [`discord_len`] (UTF-16 code units), so an
//! escaped text can be measured and packed like any other.

use crate::domain::text::discord_len;

/// Characters escaped wherever they appear: emphasis, strike, spoilers, code, quotes, masked
/// links (`[`/`]`), mentions, channels, timestamps and custom emoji (`<`), `@everyone`/`@here`
/// (`@`), headings and the escape character itself.
const ALWAYS_ESCAPED: &[char] = &['\\', '*', '_', '~', '`', '|', '>', '<', '[', ']', '@', '#'];

/// Escapes one line of member text (no line breaks in it) so Discord shows it literally. List
/// markers at the start of the line (`-`, `+`, `1.`) are escaped too.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 8 + 2);
    let body = line.trim_start();
    out.push_str(&line[..line.len() - body.len()]);
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in body.chars().enumerate() {
        let list_marker = (i == 0 && (c == '-' || c == '+'))
            || (i == digits && digits > 0 && (c == '.' || c == ')'));
        if ALWAYS_ESCAPED.contains(&c) || list_marker {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The lines of `text` with Windows and old Mac line breaks read as line breaks, trailing
/// blanks trimmed, and runs of blank lines kept as one (a reply of a thousand empty lines says
/// nothing more than one).
fn lines(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for line in text.split(['\n', '\r']) {
        let line = line.trim_end();
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// Member text on one line (line breaks become spaces), escaped.
pub fn inline(text: &str) -> String {
    lines(text)
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`inline`], shortened (ending in `…`) so that the escaped text is at most `max` units long.
/// The cut falls between characters of the member's text, never inside an escape.
pub fn inline_within(text: &str, max: usize) -> String {
    let full = inline(text);
    if discord_len(&full) <= max {
        return full;
    }
    let mut out = String::new();
    let mut len = 0;
    let one_line: String = lines(text).join(" ");
    for c in one_line.chars() {
        let piece = escape_line(&c.to_string());
        let piece_len = discord_len(&piece);
        if len + piece_len + 1 > max {
            break;
        }
        out.push_str(&piece);
        len += piece_len;
    }
    out.truncate(out.trim_end().len());
    if out.ends_with('\\') && !out.ends_with("\\\\") {
        out.pop();
    }
    out.push('…');
    out
}

/// Member text as a paragraph: lines kept, each escaped.
pub fn block(text: &str) -> String {
    lines(text)
        .into_iter()
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Member text as a block quote: every line starts with `> ` and is escaped, and a line longer
/// than `line_max` units once escaped is wrapped (at a space when there is one) so that packing
/// can split between lines and every piece stays quoted. Empty text gives `> *(empty)*`.
pub fn quoted(text: &str, line_max: usize) -> String {
    let mut out = String::new();
    for line in lines(text) {
        for segment in wrap(line, line_max.saturating_sub(2).max(8)) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str("> ");
            out.push_str(&segment);
        }
    }
    if out.is_empty() {
        out.push_str("> *(empty)*");
    }
    out
}

/// `line` escaped and cut into pieces of at most `max` units, each piece escaped on its own
/// (an escape is never split from its character, a list marker is escaped again where a piece
/// starts).
fn wrap(line: &str, max: usize) -> Vec<String> {
    let escaped = escape_line(line);
    if discord_len(&escaped) <= max {
        return vec![escaped];
    }
    let mut pieces = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let mut end = 0;
        let mut last_space = None;
        let mut len = 0;
        for (i, c) in rest.char_indices() {
            let c_len = discord_len(&escape_line(&c.to_string()));
            if len + c_len > max.saturating_sub(1) && end > 0 {
                break;
            }
            len += c_len;
            end = i + c.len_utf8();
            if c == ' ' {
                last_space = Some(end);
            }
        }
        if end < rest.len() {
            if let Some(space) = last_space.filter(|&s| s > end / 2) {
                end = space;
            }
        }
        pieces.push(escape_line(rest[..end].trim_end()));
        rest = rest[end..].trim_start();
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_mentions_and_fences_are_escaped() {
        assert_eq!(inline("**bold**"), "\\*\\*bold\\*\\*");
        assert_eq!(inline("[x](https://e.com)"), "\\[x\\](https://e.com)");
        assert_eq!(inline("@everyone <@&5>"), "\\@everyone \\<\\@&5\\>");
        assert_eq!(inline("```rust"), "\\`\\`\\`rust");
        assert_eq!(
            block("- item\n12. more\n# head"),
            "\\- item\n12\\. more\n\\# head"
        );
        assert_eq!(inline("a\\*b"), "a\\\\\\*b");
    }

    #[test]
    fn blank_runs_collapse_and_quotes_stay_quoted() {
        assert_eq!(quoted("a\n\n\n\n\nb\n\n", 100), "> a\n> \n> b");
        assert_eq!(quoted("\n\n\n", 100), "> *(empty)*");
        let long = "word ".repeat(100);
        let q = quoted(&long, 50);
        assert!(q
            .lines()
            .all(|l| l.starts_with("> ") && discord_len(l) <= 50));
        assert_eq!(q.matches("word").count(), 100);
        let stars = "*".repeat(100);
        let q = quoted(&stars, 21);
        assert!(q
            .lines()
            .all(|l| l.starts_with("> \\*") && discord_len(l) <= 21));
        assert_eq!(q.matches('*').count(), 100);
    }

    #[test]
    fn inline_within_cuts_between_escapes() {
        let cut = inline_within(&"*".repeat(50), 11);
        assert_eq!(cut, "\\*\\*\\*\\*\\*…");
        assert!(discord_len(&inline_within(&"👍".repeat(50), 11)) <= 11);
    }
}
