//! Where a TOML parse error points: the line and the setting written on it, so that errors in
//! config and template files name the line and the field, not a byte offset.

use std::fmt;

/// A TOML parse error located in its text.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlProblem {
    /// 1-based line the error points at (None when the parser gave no position).
    pub line: Option<usize>,
    /// The key set on that line (`key = …`), when the line sets one.
    pub key: Option<String>,
    /// The parser's own description of the problem.
    pub message: String,
}

impl TomlProblem {
    /// Locates `error` (from parsing `text`).
    pub fn new(text: &str, error: &toml::de::Error) -> TomlProblem {
        let (line, key) = match error.span() {
            Some(span) => {
                let (line, key) = locate(text, span.start);
                (Some(line), key)
            }
            None => (None, None),
        };
        TomlProblem {
            line,
            key,
            message: error.message().trim().to_string(),
        }
    }
}

impl fmt::Display for TomlProblem {
    /// `line 3, \`anonymous_min_voters\`: invalid type: …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.key) {
            (Some(line), Some(key)) => write!(f, "line {line}, `{key}`: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// The 1-based line of byte `offset` in `text` and the bare key set on that line, if any.
pub fn locate(text: &str, offset: usize) -> (usize, Option<String>) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line_number = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let key = line.split_once('=').map(|(k, _)| k.trim()).filter(|k| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    });
    (line_number, key.map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        count: u32,
    }

    fn problem(text: &str) -> TomlProblem {
        let error = toml::from_str::<Sample>(text).expect_err("an invalid sample");
        TomlProblem::new(text, &error)
    }

    #[test]
    fn names_the_line_and_the_key_of_a_wrong_value() {
        let p = problem("name = \"x\"\n\ncount = \"many\"\n");
        assert_eq!(p.line, Some(3));
        assert_eq!(p.key.as_deref(), Some("count"));
        assert!(p.to_string().starts_with("line 3, `count`: "), "{p}");
    }

    #[test]
    fn a_syntax_error_has_a_line_but_no_key() {
        let p = problem("name = \"x\"\n[broken\n");
        assert_eq!(p.line, Some(2));
        assert_eq!(p.key, None);
        assert!(p.to_string().starts_with("line 2: "), "{p}");
    }

    #[test]
    fn locate_handles_the_edges() {
        assert_eq!(locate("", 0), (1, None));
        assert_eq!(locate("a = 1", 99), (1, Some("a".into())));
        assert_eq!(locate("# note = x\nb.c = 2", 12), (2, Some("b.c".into())));
        assert_eq!(locate("# note = x", 3).1, None);
    }
}
