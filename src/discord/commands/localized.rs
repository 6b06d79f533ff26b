//! The command tree as registered: each command, subcommand and option gets its name and
//! description in every translated language (Discord's `name_localizations` and
//! `description_localizations`), from the messages `cmd-<path>` and `cmd-<path>-desc`, where
//! the path joins the English names with '-' (`cmd-start-template`). Discord sends the English
//! names in interactions whatever the member sees, so handlers keep matching on them.

use serde_json::{Map, Value};
use serenity::all::CreateCommand;

use crate::i18n::Language;

/// `commands` as JSON, with every name and description localized.
pub fn localize(commands: &[CreateCommand]) -> Value {
    let mut tree = serde_json::to_value(commands).expect("commands serialise to JSON");
    if let Value::Array(commands) = &mut tree {
        for command in commands {
            localize_entry(command, "");
        }
    }
    tree
}

fn localize_entry(entry: &mut Value, parent: &str) {
    let Value::Object(fields) = entry else { return };
    let name = fields
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    // The top-level command's messages are `cmd-retro`; below it the path starts afresh.
    let path = match parent {
        "" => name.to_string(),
        "retro" => name.to_string(),
        parent => format!("{parent}-{name}"),
    };
    let (mut names, mut descriptions) = (Map::new(), Map::new());
    for lang in &Language::ALL[1..] {
        let locale = lang.discord_locale().to_string();
        let (name_id, description_id) = (format!("cmd-{path}"), format!("cmd-{path}-desc"));
        let (name, description) = (lang.t(&name_id), lang.t(&description_id));
        // A message nobody wrote comes back as its id, which Discord refuses as a name and then
        // rejects the whole command tree: such an entry keeps only its English name (the test
        // below still fails on it).
        if name != name_id && description != description_id {
            names.insert(locale.clone(), name.into());
            descriptions.insert(locale, description.into());
        }
    }
    fields.insert("name_localizations".into(), Value::Object(names));
    fields.insert(
        "description_localizations".into(),
        Value::Object(descriptions),
    );
    if let Some(Value::Array(options)) = fields.get_mut("options") {
        for option in options {
            localize_entry(option, &path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (path, name, description) of the tree, and its localizations.
    fn walk(entry: &Value, parent: &str, out: &mut Vec<(String, Value)>) {
        let name = entry["name"].as_str().unwrap();
        let path = match parent {
            "" | "retro" => name.to_string(),
            parent => format!("{parent}-{name}"),
        };
        out.push((path.clone(), entry.clone()));
        for option in entry["options"].as_array().into_iter().flatten() {
            walk(option, &path, out);
        }
    }

    /// Discord's rule for command and option names: 1 to 32 lowercase letters, digits, '-' or
    /// '_' (any script), no spaces.
    fn valid_name(name: &str) -> bool {
        let count = name.chars().count();
        (1..=32).contains(&count)
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && name.to_lowercase() == name
    }

    #[test]
    fn every_command_and_option_is_localized_within_discords_rules() {
        let tree = localize(&super::super::definitions());
        let mut entries = Vec::new();
        for command in tree.as_array().unwrap() {
            walk(command, "", &mut entries);
        }
        assert!(entries.len() > 20, "the command tree was not walked");
        for (path, entry) in &entries {
            // The English messages are the registered defaults: they may not drift apart.
            assert_eq!(
                Language::English.t(&format!("cmd-{path}")),
                entry["name"].as_str().unwrap(),
                "cmd-{path} in locales/en-US differs from the registered name"
            );
            assert_eq!(
                Language::English.t(&format!("cmd-{path}-desc")),
                entry["description"].as_str().unwrap(),
                "cmd-{path}-desc in locales/en-US differs from the registered description"
            );
            for lang in &Language::ALL[1..] {
                let locale = lang.discord_locale();
                let name = entry["name_localizations"][locale].as_str().unwrap();
                let description = entry["description_localizations"][locale].as_str().unwrap();
                assert!(
                    valid_name(name),
                    "{locale} name of {path} breaks Discord's rules: {name:?}"
                );
                assert!(
                    !name.starts_with("cmd-") && !description.starts_with("cmd-"),
                    "{locale} lacks the messages of {path}"
                );
                let chars = description.chars().count();
                assert!(
                    (1..=100).contains(&chars),
                    "{locale} description of {path} is {chars} characters"
                );
            }
        }
        let start = &entries.iter().find(|(p, _)| p == "start").unwrap().1;
        assert_eq!(start["name_localizations"]["de"], "starten");
    }
}
