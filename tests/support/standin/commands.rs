//! Application command registration: Discord's validation of command definitions and the stored
//! command objects (ids kept across overwrites, versions bumped) as the API returns them.

use serde_json::{json, Value};

use super::body::FormErrors;
use super::rest::Resp;
use super::world::State;

fn valid_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name.chars().all(|c| {
            (c == '-' || c == '_' || c == '\'' || c.is_alphanumeric()) && !c.is_uppercase()
        })
}

/// The locales Discord accepts as keys of `name_localizations` and
/// `description_localizations` (docs: Reference, Locales).
const LOCALES: [&str; 32] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// Discord's checks of a command's or option's localized names and descriptions.
fn check_localizations(o: &Value, path: &mut Vec<String>, errs: &mut FormErrors) {
    for (field, name_rules) in [
        ("name_localizations", true),
        ("description_localizations", false),
    ] {
        let Some(map) = o[field].as_object() else {
            continue;
        };
        for (locale, text) in map {
            path.push(field.into());
            path.push(locale.clone());
            let text = text.as_str().unwrap_or_default();
            if !LOCALES.contains(&locale.as_str()) {
                errs.add(
                    path,
                    "BASE_TYPE_CHOICES",
                    &format!("Value {locale:?} is not a valid enum value."),
                );
            } else if name_rules && !valid_name(text) {
                errs.add(
                    path,
                    "APPLICATION_COMMAND_INVALID_NAME",
                    &format!("Command name is invalid: {text:?}"),
                );
            } else if !name_rules && !(1..=100).contains(&text.chars().count()) {
                errs.add(
                    path,
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                );
            }
            path.pop();
            path.pop();
        }
    }
}

fn check_options(options: &Value, path: &mut Vec<String>, errs: &mut FormErrors) {
    let opts = options.as_array().cloned().unwrap_or_default();
    if opts.len() > 25 {
        errs.add(
            path,
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.",
        );
    }
    let mut seen_optional = false;
    let mut names = Vec::new();
    for (i, o) in opts.iter().enumerate() {
        path.push(i.to_string());
        let name = o["name"].as_str().unwrap_or_default();
        if !valid_name(name) {
            path.push("name".into());
            errs.add(
                path,
                "APPLICATION_COMMAND_INVALID_NAME",
                &format!("Command name is invalid: {name:?}"),
            );
            path.pop();
        }
        if names.contains(&name) {
            errs.add(
                path,
                "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            );
        }
        names.push(name);
        let desc = o["description"].as_str().map_or(0, |d| d.chars().count());
        if !(1..=100).contains(&desc) {
            path.push("description".into());
            errs.add(
                path,
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
            );
            path.pop();
        }
        check_localizations(o, path, errs);
        let kind = o["type"].as_u64().unwrap_or(0);
        if !(1..=11).contains(&kind) {
            errs.add(path, "BASE_TYPE_CHOICES", "Option type must be 1 to 11");
        }
        let required = o["required"] == true;
        if required && seen_optional {
            errs.add(
                path,
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            );
        }
        seen_optional |= !required;
        if o["choices"].as_array().is_some_and(|c| c.len() > 25) {
            errs.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer choices.");
        }
        if o["autocomplete"] == true && o["choices"].as_array().is_some_and(|c| !c.is_empty()) {
            errs.add(
                path,
                "AUTOCOMPLETE_AND_CHOICES",
                "Autocomplete cannot be used with choices",
            );
        }
        if matches!(kind, 1 | 2) {
            path.push("options".into());
            check_options(&o["options"], path, errs);
            path.pop();
        }
        path.pop();
    }
}

/// Validates one command definition; `Err` is Discord's 400 answer.
fn check_command(c: &Value, errs: &mut FormErrors, prefix: &[String]) {
    let mut path = prefix.to_vec();
    let kind = c["type"].as_u64().unwrap_or(1);
    let name = c["name"].as_str().unwrap_or_default();
    if kind == 1 && !valid_name(name) {
        path.push("name".into());
        errs.add(
            &path,
            "APPLICATION_COMMAND_INVALID_NAME",
            &format!("Command name is invalid: {name:?}"),
        );
        path.pop();
    }
    let desc = c["description"].as_str().map_or(0, |d| d.chars().count());
    if kind == 1 && !(1..=100).contains(&desc) {
        path.push("description".into());
        errs.add(
            &path,
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        );
        path.pop();
    }
    check_localizations(c, &mut path, errs);
    path.push("options".into());
    check_options(&c["options"], &mut path, errs);
}

fn stored(s: &mut State, guild: Option<u64>, c: &Value, existing: &[Value]) -> Value {
    let name = c["name"].as_str().unwrap_or_default();
    let kind = c["type"].as_u64().unwrap_or(1);
    let id = existing
        .iter()
        .find(|e| e["name"] == name && e["type"].as_u64().unwrap_or(1) == kind)
        .and_then(|e| e["id"].as_str().map(str::to_string))
        .unwrap_or_else(|| s.next_id().to_string());
    let version = s.next_id().to_string();
    let mut v = json!({
        "id": id,
        "application_id": s.application_id.to_string(),
        "version": version,
        "type": kind,
        "name": name,
        "name_localizations": c.get("name_localizations").cloned().unwrap_or(Value::Null),
        "description": c["description"].as_str().unwrap_or_default(),
        "description_localizations": c.get("description_localizations").cloned().unwrap_or(Value::Null),
        "default_member_permissions": c.get("default_member_permissions").cloned().unwrap_or(Value::Null),
        "dm_permission": c.get("dm_permission").cloned().unwrap_or(Value::from(guild.is_none())),
        "nsfw": c["nsfw"] == true,
        "contexts": c.get("contexts").cloned().unwrap_or(Value::Null),
        "integration_types": c.get("integration_types").cloned().unwrap_or(json!([0])),
    });
    if let Some(o) = c.get("options").filter(|o| o.is_array()) {
        v["options"] = o.clone();
    }
    if let Some(g) = guild {
        v["guild_id"] = Value::from(g.to_string());
    }
    v
}

/// PUT: replaces all commands of the scope.
pub fn store_commands(s: &mut State, guild: Option<u64>, body: &Value) -> Result<Value, Resp> {
    let list = body.as_array().cloned().ok_or_else(|| {
        Resp::form_error(
            json!({"_errors": [{"code": "BASE_TYPE_ARRAY", "message": "Must be an array."}]}),
            "PUT commands with a non-array body".into(),
        )
    })?;
    let mut errs = FormErrors::default();
    for (i, c) in list.iter().enumerate() {
        check_command(c, &mut errs, &[i.to_string()]);
    }
    errs.into_result()?;
    let existing = match guild {
        Some(g) => s.commands.guild.get(&g).cloned().unwrap_or_default(),
        None => s.commands.global.clone(),
    };
    let new: Vec<Value> = list
        .iter()
        .map(|c| stored(s, guild, c, &existing))
        .collect();
    match guild {
        Some(g) => {
            s.commands.guild.insert(g, new.clone());
        }
        None => s.commands.global = new.clone(),
    }
    Ok(Value::from(new))
}

/// POST: creates or replaces one command of the scope (matched by name and type).
pub fn upsert_command(s: &mut State, guild: Option<u64>, body: &Value) -> Result<Value, Resp> {
    let mut errs = FormErrors::default();
    check_command(body, &mut errs, &[]);
    errs.into_result()?;
    let existing = match guild {
        Some(g) => s.commands.guild.get(&g).cloned().unwrap_or_default(),
        None => s.commands.global.clone(),
    };
    let cmd = stored(s, guild, body, &existing);
    let target = match guild {
        Some(g) => s.commands.guild.entry(g).or_default(),
        None => &mut s.commands.global,
    };
    target.retain(|c| c["id"] != cmd["id"]);
    target.push(cmd.clone());
    Ok(cmd)
}
