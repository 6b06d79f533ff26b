//! REST handlers for application commands (bulk overwrite, create, list, delete), interaction
//! callbacks (types 4-9) and the interaction webhook (@original, follow-ups).

use std::time::Instant;

use serde_json::{json, Value};

use super::body::{check_callback, check_message, is_empty_message, FormErrors};
use super::commands::{store_commands, upsert_command};
use super::messages::apply_payload;
use super::payloads::message_json;
use super::rest::{checked, Req, Resp};
use super::verify::RestKind;
use super::world::{MessageRec, State, FLAG_EPHEMERAL, FLAG_LOADING};

pub fn commands(s: &mut State, r: &Req) -> Option<Resp> {
    let segs = r.segs.clone();
    if segs.get(1).and_then(|a| a.parse::<u64>().ok()) != Some(s.application_id) {
        let why = format!("application id in {} is not the bot's", segs.join("/"));
        return Some(Resp::unexpected(404, 10002, "Unknown Application", why));
    }
    let (guild, rest) = match &segs[2..] {
        ["guilds", g, rest @ ..] => {
            match g.parse::<u64>().ok().filter(|g| s.guilds.contains_key(g)) {
                Some(g) => (Some(g), rest),
                None => return Some(Resp::unknown("guild")),
            }
        }
        rest => (None, rest),
    };
    let list = |s: &State| -> Vec<Value> {
        match guild {
            Some(g) => s.commands.guild.get(&g).cloned().unwrap_or_default(),
            None => s.commands.global.clone(),
        }
    };
    Some(match (r.method, rest) {
        ("GET", ["commands"]) => {
            let v = Value::from(list(s));
            checked(s, RestKind::Commands, v)
        }
        ("PUT", ["commands"]) => match store_commands(s, guild, &r.json) {
            Ok(v) => checked(s, RestKind::Commands, v),
            Err(e) => e,
        },
        ("POST", ["commands"]) => match upsert_command(s, guild, &r.json) {
            Ok(v) => {
                let resp = checked(s, RestKind::Command, v);
                Resp {
                    status: 201,
                    ..resp
                }
            }
            Err(e) => e,
        },
        (m @ ("GET" | "DELETE"), ["commands", id]) => {
            let found = list(s).into_iter().find(|c| c["id"].as_str() == Some(id));
            match (m, found) {
                (_, None) => Resp::unknown("command"),
                ("GET", Some(c)) => checked(s, RestKind::Command, c),
                _ => {
                    let target = match guild {
                        Some(g) => s.commands.guild.entry(g).or_default(),
                        None => &mut s.commands.global,
                    };
                    target.retain(|c| c["id"].as_str() != Some(id));
                    Resp::no_content()
                }
            }
        }
        _ => return None,
    })
}

fn allowed_callbacks(kind: u8) -> &'static [u64] {
    match kind {
        2 => &[4, 5, 9],
        3 => &[4, 5, 6, 7, 9],
        4 => &[8],
        5 => &[4, 5, 6, 7],
        _ => &[1],
    }
}

pub fn callback(s: &mut State, r: &Req, id: &str, token: &str) -> Resp {
    let found = id
        .parse::<u64>()
        .ok()
        .and_then(|id| s.interactions.get(&id))
        .filter(|i| i.token == token);
    let Some(i) = found.cloned() else {
        return Resp::unexpected(
            404,
            10062,
            "Unknown interaction",
            format!("callback for unknown interaction {id}"),
        );
    };
    if i.callback_type.is_some() {
        let why = format!("second callback for interaction {id}");
        return Resp::unexpected(
            400,
            40060,
            "Interaction has already been acknowledged.",
            why,
        );
    }
    let age = i.dispatched_at.elapsed();
    if age > s.interaction_deadline {
        let why = format!(
            "callback {:.1}s after the interaction (deadline {:?})",
            age.as_secs_f64(),
            s.interaction_deadline
        );
        return Resp::unexpected(404, 10062, "Unknown interaction", why);
    }
    if let Err(e) = check_callback(&r.json) {
        return e;
    }
    let t = r.json["type"].as_u64().unwrap_or(0);
    if !allowed_callbacks(i.kind).contains(&t)
        || (i.kind == 5 && matches!(t, 6 | 7) && i.source_message.is_none())
    {
        let why = format!(
            "callback type {t} is not valid for an interaction of type {}",
            i.kind
        );
        let e = json!({"type": {"_errors": [{"code": "INTERACTION_CALLBACK_TYPE_INVALID", "message": why}]}});
        return Resp::form_error(e, why);
    }
    let data = &r.json["data"];
    let mut original = None;
    match t {
        4 | 5 => {
            let ephemeral = data["flags"].as_u64().unwrap_or(0) & FLAG_EPHEMERAL;
            if t == 4 && is_empty_message(data, r.files.len()) {
                let why = "type-4 callback without content".to_string();
                return Resp::unexpected(400, 50006, "Cannot send an empty message", why);
            }
            let mid = s.next_id();
            let mut m = MessageRec::new(mid, i.channel_id, s.bot.id, "");
            if t == 4 {
                if let Err(e) = apply_payload(s, &mut m, data, &r.files) {
                    return e;
                }
            }
            m.flags =
                (m.flags & !FLAG_EPHEMERAL) | ephemeral | if t == 5 { FLAG_LOADING } else { 0 };
            m.kind = if i.kind == 2 { 20 } else { 0 };
            m.webhook_id = Some(s.application_id);
            m.interaction_id = Some(i.id);
            original = Some(s.put_message(m, true));
        }
        6 => original = i.source_message,
        7 => {
            let Some(src) = i.source_message.filter(|m| s.messages.contains_key(m)) else {
                return Resp::unknown("message");
            };
            let mut m = s.messages[&src].clone();
            if let Err(e) = apply_payload(s, &mut m, data, &r.files) {
                return e;
            }
            s.edit_message_with(src, true, |old| *old = m);
            original = Some(src);
        }
        _ => {}
    }
    let rec = s.interactions.get_mut(&i.id).expect("interaction exists");
    rec.responses.push((Instant::now(), r.json.clone()));
    rec.callback_type = Some(t);
    rec.original = original;
    rec.original_done = matches!(t, 4 | 7);
    match t {
        8 => {
            let choices = data["choices"].as_array().cloned().unwrap_or_default();
            let pairs = choices.iter().map(|c| {
                (
                    c["name"].as_str().unwrap_or_default().to_string(),
                    c["value"].clone(),
                )
            });
            rec.autocomplete = Some(pairs.collect());
        }
        9 => rec.modal = Some(data.clone()),
        _ => {}
    }
    Resp::no_content()
}

pub fn webhooks(s: &mut State, r: &Req) -> Option<Resp> {
    let segs = r.segs.clone();
    let (Some(app), Some(token)) = (segs.get(1), segs.get(2)) else {
        return None;
    };
    let found = s
        .interactions
        .values()
        .find(|i| i.token == *token)
        .map(|i| i.id);
    let Some(iid) = found.filter(|_| app.parse::<u64>().ok() == Some(s.application_id)) else {
        return Some(Resp::unexpected(
            404,
            10015,
            "Unknown Webhook",
            format!("webhook token {token} is unknown"),
        ));
    };
    if s.interactions[&iid].callback_type.is_none() {
        let why = "webhook call before the interaction was acknowledged".to_string();
        return Some(Resp::unexpected(404, 10015, "Unknown Webhook", why));
    }
    let what = format!("{} {}", r.method, segs[3..].join("/"));
    if let Some(rec) = s.interactions.get_mut(&iid) {
        rec.responses
            .push((Instant::now(), json!({"webhook": what, "body": r.json})));
    }
    let res = match (r.method, &segs[3..]) {
        ("POST", []) => followup(s, r, iid),
        (m, ["messages", target]) => {
            let i = &s.interactions[&iid];
            let mid = match *target {
                "@original" => i.original,
                other => other
                    .parse::<u64>()
                    .ok()
                    .filter(|m| i.followups.contains(m) || Some(*m) == i.original),
            };
            match mid.filter(|m| s.messages.contains_key(m)) {
                None => Err(Resp::unknown("message")),
                Some(mid) => match m {
                    "GET" => Ok(mid),
                    "PATCH" => edit_response(s, r, iid, mid),
                    "DELETE" => {
                        s.remove_message(mid, true);
                        return Some(Resp::no_content());
                    }
                    _ => return None,
                },
            }
        }
        _ => return None,
    };
    Some(match res {
        Ok(mid) => {
            let v = message_json(s, &s.messages[&mid], false);
            checked(s, RestKind::Message, v)
        }
        Err(e) => e,
    })
}

fn edit_response(s: &mut State, r: &Req, iid: u64, mid: u64) -> Result<u64, Resp> {
    let mut errs = FormErrors::default();
    check_message(&r.json, &mut errs);
    errs.into_result()?;
    let mut m = s.messages[&mid].clone();
    apply_payload(s, &mut m, &r.json, &r.files)?;
    m.flags &= !FLAG_LOADING;
    s.edit_message_with(mid, true, |old| *old = m);
    let rec = s.interactions.get_mut(&iid).expect("interaction exists");
    if rec.original == Some(mid) {
        rec.original_done = true;
    }
    Ok(mid)
}

fn followup(s: &mut State, r: &Req, iid: u64) -> Result<u64, Resp> {
    let mut errs = FormErrors::default();
    check_message(&r.json, &mut errs);
    errs.into_result()?;
    if is_empty_message(&r.json, r.files.len()) {
        let why = "follow-up without content".to_string();
        return Err(Resp::unexpected(
            400,
            50006,
            "Cannot send an empty message",
            why,
        ));
    }
    let i = s.interactions[&iid].clone();
    // Right after a deferral, the first follow-up fills in the "thinking" original.
    if i.callback_type == Some(5) && !i.original_done {
        if let Some(orig) = i.original.filter(|m| s.messages.contains_key(m)) {
            return edit_response(s, r, iid, orig);
        }
    }
    let mid = s.next_id();
    let mut m = MessageRec::new(mid, i.channel_id, s.bot.id, "");
    apply_payload(s, &mut m, &r.json, &r.files)?;
    m.flags |= r.json["flags"].as_u64().unwrap_or(0) & FLAG_EPHEMERAL;
    m.webhook_id = Some(s.application_id);
    m.interaction_id = Some(iid);
    let mid = s.put_message(m, true);
    s.interactions
        .get_mut(&iid)
        .expect("interaction exists")
        .followups
        .push(mid);
    Ok(mid)
}
