//! REST handlers for channels: messages, reactions, threads and channel objects, with Discord's
//! permission checks and error codes.

use serde_json::{json, Value};

use super::body::{check_message, check_thread_name, is_empty_message, FormErrors};
use super::messages::{apply_payload, message_in_channel};
use super::payloads::{channel_json, guild_json, member_json, message_json, role_json, user_json};
use super::rest::{checked, Req, Resp};
use super::verify::RestKind;
use super::world::{
    MessageRec, State, KIND_DM, KIND_PRIVATE_THREAD, KIND_PUBLIC_THREAD, KIND_TEXT,
};
use crate::support::perms::*;

fn id(s: &str) -> Option<u64> {
    s.parse().ok()
}

/// Checks that the bot has all of `need` in `channel` (DMs: always). No VIEW_CHANNEL = 50001.
fn require(s: &State, channel: u64, need: u64) -> Result<(), Resp> {
    if s.channels.get(&channel).is_some_and(|c| c.kind == KIND_DM) {
        return Ok(());
    }
    let p = s.bot_perms_in(channel);
    if p & VIEW_CHANNEL == 0 {
        return Err(Resp::missing_access());
    }
    if p & need != need {
        return Err(Resp::missing_permissions());
    }
    Ok(())
}

/// Unicode emoji or `name:id`; plain words are not emoji (10014 Unknown Emoji).
fn valid_emoji(e: &str) -> bool {
    match e.split_once(':') {
        Some((name, id)) => !name.is_empty() && id.parse::<u64>().is_ok(),
        None => !e.is_empty() && !e.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
    }
}

pub fn channels(s: &mut State, r: &Req) -> Option<Resp> {
    let segs = r.segs.clone();
    let Some(c) = segs.get(1).and_then(|c| id(c)) else {
        return Some(Resp::unknown("channel"));
    };
    if !s.channels.contains_key(&c) {
        return Some(Resp::unknown("channel"));
    }
    let res = match (r.method, &segs[2..]) {
        ("GET", []) => require(s, c, 0).map(|_| {
            let v = channel_json(s, &s.channels[&c]);
            checked(s, RestKind::Channel, v)
        }),
        ("DELETE", []) => delete_channel(s, c),
        ("POST", ["messages"]) => create_message(s, r, c),
        ("GET", ["messages"]) => list_messages(s, r, c),
        (m, ["messages", mid]) => {
            let Some(mid) = id(mid) else {
                return Some(Resp::unknown("message"));
            };
            match m {
                "GET" => get_message(s, c, mid),
                "PATCH" => edit_message(s, r, c, mid),
                "DELETE" => delete_message(s, c, mid),
                _ => return None,
            }
        }
        (m, ["messages", mid, "reactions", emoji, rest @ ..]) => {
            let Some(mid) = id(mid) else {
                return Some(Resp::unknown("message"));
            };
            reactions(s, r, m, c, mid, emoji, rest)
        }
        ("POST", ["threads"]) => create_thread(s, r, c, None),
        ("POST", ["messages", mid, "threads"]) => match id(mid) {
            Some(mid) => create_thread(s, r, c, Some(mid)),
            None => Err(Resp::unknown("message")),
        },
        (m @ ("PUT" | "DELETE"), ["thread-members", "@me"]) => join_thread(s, c, m == "PUT"),
        _ => return None,
    };
    Some(res.unwrap_or_else(|e| e))
}

fn delete_channel(s: &mut State, c: u64) -> Result<Resp, Resp> {
    let need = if s.channels[&c].is_thread() {
        MANAGE_THREADS
    } else {
        MANAGE_CHANNELS
    };
    require(s, c, need)?;
    let v = s
        .delete_channel(c)
        .ok_or_else(|| Resp::unknown("channel"))?;
    Ok(checked(s, RestKind::Channel, v))
}

fn create_message(s: &mut State, r: &Req, c: u64) -> Result<Resp, Resp> {
    let is_thread = s.channels[&c].is_thread();
    require(
        s,
        c,
        if is_thread {
            SEND_MESSAGES_IN_THREADS
        } else {
            SEND_MESSAGES
        },
    )?;
    if !r.files.is_empty() {
        require(s, c, ATTACH_FILES)?;
    }
    let mut errs = FormErrors::default();
    check_message(&r.json, &mut errs);
    errs.into_result()?;
    if is_empty_message(&r.json, r.files.len()) {
        let why = "POST message with no content, embeds, components or files".to_string();
        return Err(Resp::unexpected(
            400,
            50006,
            "Cannot send an empty message",
            why,
        ));
    }
    // `enforce_nonce`: a second post with the same nonce returns the first message.
    let nonce = match &r.json["nonce"] {
        Value::String(n) => Some(n.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
    .filter(|_| r.json["enforce_nonce"] == true);
    let bot = s.bot.id;
    if let Some(nonce) = &nonce {
        let earlier = s
            .messages
            .values()
            .find(|m| m.channel_id == c && m.author_id == bot && m.nonce.as_ref() == Some(nonce));
        if let Some(earlier) = earlier {
            let v = message_json(s, earlier, false);
            return Ok(checked(s, RestKind::Message, v));
        }
    }
    let new_id = s.next_id();
    let mut m = MessageRec::new(new_id, c, s.bot.id, "");
    m.nonce = nonce;
    apply_payload(s, &mut m, &r.json, &r.files)?;
    if let Some(reference) = r.json.get("message_reference").filter(|v| !v.is_null()) {
        let target = reference["message_id"]
            .as_str()
            .and_then(id)
            .or(reference["message_id"].as_u64());
        if target.is_some_and(|t| s.messages.contains_key(&t)) {
            m.kind = 19;
            m.reference = Some(
                json!({"type": 0, "message_id": target.map(|t| t.to_string()),
                "channel_id": c.to_string(), "guild_id": s.guild_of(c).map(|g| g.to_string())}),
            );
        } else if reference["fail_if_not_exists"] != false {
            return Err(Resp::form_error(
                json!({"message_reference": {"_errors": [{"code": "REPLIES_UNKNOWN_MESSAGE", "message": "Unknown message"}]}}),
                "reply to an unknown message".into(),
            ));
        }
    }
    if s.bot_perms_in(c) & EMBED_LINKS == 0 && s.channels[&c].kind != KIND_DM {
        m.embeds.clear(); // Discord drops a bot's embeds without Embed Links
    }
    let id = s.put_message(m, true);
    let v = message_json(s, &s.messages[&id], false);
    Ok(checked(s, RestKind::Message, v))
}

fn list_messages(s: &mut State, r: &Req, c: u64) -> Result<Resp, Resp> {
    require(s, c, 0)?;
    if s.bot_perms_in(c) & READ_MESSAGE_HISTORY == 0 && s.channels[&c].kind != KIND_DM {
        return Ok(checked(s, RestKind::Messages, json!([])));
    }
    let limit = r.q_u64("limit").unwrap_or(50).clamp(1, 100) as usize;
    let all: Vec<u64> = s.channel_messages(c).iter().map(|m| m.id).collect(); // oldest first
    let mut picked: Vec<u64> = if let Some(before) = r.q_u64("before") {
        all.iter()
            .rev()
            .filter(|m| **m < before)
            .take(limit)
            .copied()
            .collect()
    } else if let Some(after) = r.q_u64("after") {
        all.iter()
            .filter(|m| **m > after)
            .take(limit)
            .copied()
            .collect()
    } else if let Some(around) = r.q_u64("around") {
        let older: Vec<u64> = all
            .iter()
            .rev()
            .filter(|m| **m < around)
            .take(limit / 2)
            .copied()
            .collect();
        let newer = all
            .iter()
            .filter(|m| **m >= around)
            .take(limit - older.len());
        newer.copied().chain(older).collect()
    } else {
        all.iter().rev().take(limit).copied().collect()
    };
    picked.sort_unstable_by(|a, b| b.cmp(a));
    let v: Vec<Value> = picked
        .iter()
        .map(|m| message_json(s, &s.messages[m], false))
        .collect();
    Ok(checked(s, RestKind::Messages, Value::from(v)))
}

fn get_message(s: &mut State, c: u64, mid: u64) -> Result<Resp, Resp> {
    require(s, c, READ_MESSAGE_HISTORY)?;
    message_in_channel(s, c, mid)?;
    let v = message_json(s, &s.messages[&mid], false);
    Ok(checked(s, RestKind::Message, v))
}

fn edit_message(s: &mut State, r: &Req, c: u64, mid: u64) -> Result<Resp, Resp> {
    require(s, c, 0)?;
    let m = message_in_channel(s, c, mid)?;
    if m.author_id != s.bot.id {
        return Err(Resp::error(
            403,
            50005,
            "Cannot edit a message authored by another user",
        ));
    }
    let mut errs = FormErrors::default();
    check_message(&r.json, &mut errs);
    errs.into_result()?;
    let mut m = m.clone();
    apply_payload(s, &mut m, &r.json, &r.files)?;
    s.edit_message_with(mid, true, |old| *old = m);
    let v = message_json(s, &s.messages[&mid], false);
    Ok(checked(s, RestKind::Message, v))
}

fn delete_message(s: &mut State, c: u64, mid: u64) -> Result<Resp, Resp> {
    require(s, c, 0)?;
    let m = message_in_channel(s, c, mid)?;
    if m.author_id != s.bot.id {
        require(s, c, MANAGE_MESSAGES)?;
    }
    s.remove_message(mid, true);
    Ok(Resp::no_content())
}

fn reactions(
    s: &mut State,
    r: &Req,
    method: &str,
    c: u64,
    mid: u64,
    emoji: &str,
    rest: &[&str],
) -> Result<Resp, Resp> {
    require(s, c, READ_MESSAGE_HISTORY)?;
    let m = message_in_channel(s, c, mid)?;
    if !valid_emoji(emoji) {
        let why = format!("reaction with invalid emoji {emoji:?}");
        return Err(Resp::unexpected(400, 10014, "Unknown Emoji", why));
    }
    let existing = m
        .reactions
        .iter()
        .find(|(e, _)| e == emoji)
        .map(|(_, u)| u.clone());
    match (method, rest) {
        ("PUT", ["@me"]) => {
            if existing.is_none() {
                require(s, c, ADD_REACTIONS)?;
                if m.reactions.len() >= 20 {
                    return Err(Resp::error(
                        400,
                        30010,
                        "Maximum number of reactions reached (20)",
                    ));
                }
            }
            s.add_reaction(mid, s.bot.id, emoji, true);
            Ok(Resp::no_content())
        }
        ("DELETE", ["@me"]) => {
            s.remove_reaction(mid, s.bot.id, emoji, true);
            Ok(Resp::no_content())
        }
        ("DELETE", [user]) => {
            let user = id(user).ok_or_else(|| Resp::unknown("user"))?;
            if user != s.bot.id {
                require(s, c, MANAGE_MESSAGES)?;
            }
            s.remove_reaction(mid, user, emoji, true);
            Ok(Resp::no_content())
        }
        ("GET", []) => {
            let limit = r.q_u64("limit").unwrap_or(25).clamp(1, 100) as usize;
            let after = r.q_u64("after").unwrap_or(0);
            let mut users = existing.unwrap_or_default();
            users.sort_unstable();
            let v: Vec<Value> = users
                .iter()
                .filter(|u| **u > after)
                .take(limit)
                .filter_map(|u| s.user(*u).map(user_json))
                .collect();
            Ok(checked(s, RestKind::Users, Value::from(v)))
        }
        _ => Err(Resp::unexpected(
            404,
            0,
            "404: Not Found",
            format!("no such reaction route: {method}"),
        )),
    }
}

fn create_thread(s: &mut State, r: &Req, c: u64, starter: Option<u64>) -> Result<Resp, Resp> {
    let parent = s.channels[&c].clone();
    if parent.kind != KIND_TEXT {
        return Err(Resp::error(
            400,
            50024,
            "Cannot execute action on this channel type",
        ));
    }
    check_thread_name(&r.json["name"])?;
    let kind = match starter {
        Some(_) => KIND_PUBLIC_THREAD,
        None => r.json["type"]
            .as_u64()
            .map_or(KIND_PRIVATE_THREAD, |t| t as u8),
    };
    let need = match kind {
        KIND_PUBLIC_THREAD => CREATE_PUBLIC_THREADS,
        KIND_PRIVATE_THREAD => CREATE_PRIVATE_THREADS,
        _ => {
            return Err(Resp::form_error(
                json!({"type": {"_errors": [{"code": "BASE_TYPE_CHOICES", "message": "Value must be one of {11, 12}."}]}}),
                format!("thread type {kind}"),
            ))
        }
    };
    require(s, c, need)?;
    let archive = r.json["auto_archive_duration"].as_u64().unwrap_or(1440);
    if ![60, 1440, 4320, 10080].contains(&archive) {
        let e = json!({"auto_archive_duration": {"_errors": [{"code": "BASE_TYPE_CHOICES", "message": "Value must be one of {60, 1440, 4320, 10080}."}]}});
        return Err(Resp::form_error(
            e,
            format!("auto_archive_duration {archive}"),
        ));
    }
    if let Some(mid) = starter {
        let m = message_in_channel(s, c, mid)?;
        if m.thread_id.is_some() {
            return Err(Resp::error(
                400,
                160004,
                "A thread has already been created for this message",
            ));
        }
    }
    let name = r.json["name"].as_str().unwrap_or_default().to_string();
    let t = s.create_thread(c, &name, kind, starter, s.bot.id, archive);
    let v = channel_json(s, &s.channels[&t]);
    let resp = checked(s, RestKind::Channel, v);
    Ok(Resp {
        status: 201,
        ..resp
    })
}

fn join_thread(s: &mut State, t: u64, join: bool) -> Result<Resp, Resp> {
    if !s.channels[&t].is_thread() {
        return Err(Resp::error(
            400,
            50024,
            "Cannot execute action on this channel type",
        ));
    }
    require(s, t, 0)?;
    let bot = s.bot.id;
    let ch = s.channels.get_mut(&t).expect("checked above");
    ch.thread_members.retain(|u| *u != bot);
    if join {
        ch.thread_members.push(bot);
    }
    Ok(Resp::no_content())
}
