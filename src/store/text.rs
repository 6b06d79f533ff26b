//! Member text as members wrote it, on both databases: PostgreSQL's TEXT refuses the NUL
//! character, so every piece of member-written text (replies, answers, titles, action text,
//! display names) passes through [`to_db`] on the way in and [`from_db`] on the way out. The
//! escape is reversible for every string: NUL becomes `ESC '0'`, the escape character itself
//! `ESC '1'` (migration 0010 escaped the escape character in rows written before).

/// The escape character: U+0001 (START OF HEADING), which nobody types on purpose.
const ESCAPE: char = '\u{1}';

/// `text` as stored: NUL and the escape character escaped.
pub(super) fn to_db(text: &str) -> String {
    if !text.contains(['\0', ESCAPE]) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0' => out.extend([ESCAPE, '0']),
            ESCAPE => out.extend([ESCAPE, '1']),
            c => out.push(c),
        }
    }
    out
}

/// An optional text as stored.
pub(super) fn opt_to_db(text: Option<&str>) -> Option<String> {
    text.map(to_db)
}

/// Stored text as the member wrote it (an escape followed by anything else is kept as is).
pub(super) fn from_db(stored: String) -> String {
    if !stored.contains(ESCAPE) {
        return stored;
    }
    let mut out = String::with_capacity(stored.len());
    let mut chars = stored.chars().peekable();
    while let Some(c) = chars.next() {
        if c != ESCAPE {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('0') => {
                chars.next();
                out.push('\0');
            }
            Some('1') => {
                chars.next();
                out.push(ESCAPE);
            }
            _ => out.push(ESCAPE),
        }
    }
    out
}

/// An optional stored text as the member wrote it.
pub(super) fn opt_from_db(stored: Option<String>) -> Option<String> {
    stored.map(from_db)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nul_and_the_escape_round_trip_and_never_reach_the_database() {
        for text in [
            "",
            "plain",
            "\0",
            "a\0b\0",
            "\u{1}",
            "\u{1}0",
            "\u{1}1\0\u{1}",
            "\u{1}\u{1}0\0",
        ] {
            let stored = to_db(text);
            assert!(!stored.contains('\0'), "{stored:?}");
            assert_eq!(from_db(stored), text);
        }
    }

    proptest! {
        #[test]
        fn every_string_round_trips(text in "[\\x00\\x0101a-z🙂]{0,40}|\\PC*") {
            let stored = to_db(&text);
            prop_assert!(!stored.contains('\0'));
            prop_assert_eq!(from_db(stored), text);
        }
    }
}
