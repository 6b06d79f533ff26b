//! JSON builders for message objects (REST and MESSAGE_CREATE/UPDATE, with attachments, reactions
//! and mentions) and for MESSAGE_REACTION_ADD/REMOVE events.

use serde_json::{json, Value};

use super::payloads::{channel_json, member_json, user_json};
use super::world::{iso, snowflake_ms, MessageRec, State, UserRec, FLAG_HAS_THREAD};

pub fn emoji_json(emoji: &str) -> Value {
    match emoji.split_once(':') {
        Some((name, id)) => json!({"id": id, "name": name, "animated": false}),
        None => json!({"id": null, "name": emoji}),
    }
}

fn content_type(filename: &str) -> Option<&'static str> {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())?;
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        _ => return None,
    })
}

fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() >= 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return Some((w, h));
    }
    None
}

/// A message object. `gateway` adds `guild_id` and `member` as MESSAGE_CREATE/UPDATE carry them.
pub fn message_json(state: &State, m: &MessageRec, gateway: bool) -> Value {
    let author = state.user(m.author_id).cloned().unwrap_or(UserRec {
        id: m.author_id,
        name: "Deleted User".into(),
        bot: false,
    });
    let channel = state.channels.get(&m.channel_id);
    let attachments: Vec<Value> = m
        .attachments
        .iter()
        .map(|a| {
            let path = format!("{}/{}/{}", m.channel_id, a.id, a.filename);
            let (w, h) = png_size(&a.bytes).map_or((None, None), |(w, h)| (Some(w), Some(h)));
            json!({
                "id": a.id.to_string(),
                "filename": a.filename,
                "description": a.description,
                "content_type": content_type(&a.filename),
                "size": a.bytes.len(),
                "url": format!("https://cdn.discordapp.com/attachments/{path}"),
                "proxy_url": format!("https://media.discordapp.net/attachments/{path}"),
                "width": w,
                "height": h,
            })
        })
        .collect();
    let reactions: Vec<Value> = m
        .reactions
        .iter()
        .filter(|(_, users)| !users.is_empty())
        .map(|(emoji, users)| {
            json!({
                "count": users.len(),
                "count_details": {"burst": 0, "normal": users.len()},
                "me": users.contains(&state.bot.id),
                "me_burst": false,
                "burst_me": false,
                "burst_count": 0,
                "burst_colors": [],
                "emoji": emoji_json(emoji),
            })
        })
        .collect();
    let mentions: Vec<Value> = mentioned_users(&m.content)
        .into_iter()
        .filter_map(|id| state.user(id))
        .map(user_json)
        .collect();
    let mut v = json!({
        "id": m.id.to_string(),
        "channel_id": m.channel_id.to_string(),
        "author": user_json(&author),
        "content": m.content,
        "timestamp": iso(snowflake_ms(m.id)),
        "edited_timestamp": m.edited_ms.map(iso),
        "tts": m.tts,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": attachments,
        "embeds": m.embeds,
        "pinned": false,
        "type": m.kind,
        "flags": m.flags | if m.thread_id.is_some() { FLAG_HAS_THREAD } else { 0 },
        "components": m.components,
    });
    if !reactions.is_empty() {
        v["reactions"] = Value::from(reactions);
    }
    if let Some(w) = m.webhook_id {
        v["webhook_id"] = Value::from(w.to_string());
        v["application_id"] = Value::from(state.application_id.to_string());
    }
    if let Some(r) = &m.reference {
        v["message_reference"] = r.clone();
    }
    if let Some(t) = m.thread_id.and_then(|t| state.channels.get(&t)) {
        v["thread"] = channel_json(state, t);
    }
    if gateway {
        if let Some(g) = channel.and_then(|c| c.guild_id) {
            v["guild_id"] = Value::from(g.to_string());
            if let Some(member) = state
                .guilds
                .get(&g)
                .and_then(|g| g.members.get(&m.author_id))
            {
                v["member"] = member_json(state, member, false, None);
            }
        }
    }
    v
}

/// User ids mentioned as `<@id>` or `<@!id>` in a text.
pub fn mentioned_users(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for part in text.split("<@").skip(1) {
        let part = part.strip_prefix('!').unwrap_or(part);
        if let Some((id, _)) = part.split_once('>') {
            if let Ok(id) = id.parse::<u64>() {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// MESSAGE_REACTION_ADD (`add`) or MESSAGE_REACTION_REMOVE.
pub fn reaction_event_json(
    state: &State,
    m: &MessageRec,
    user: u64,
    emoji: &str,
    add: bool,
) -> Value {
    let mut v = json!({
        "user_id": user.to_string(),
        "channel_id": m.channel_id.to_string(),
        "message_id": m.id.to_string(),
        "emoji": emoji_json(emoji),
        "burst": false,
        "type": 0,
    });
    let guild = state.guild_of(m.channel_id);
    if let Some(g) = guild {
        v["guild_id"] = Value::from(g.to_string());
    }
    if add {
        v["message_author_id"] = Value::from(m.author_id.to_string());
        v["burst_colors"] = Value::from(Vec::<Value>::new());
        if let Some(member) = guild
            .and_then(|g| state.guilds.get(&g))
            .and_then(|g| g.members.get(&user))
        {
            v["member"] = member_json(state, member, true, None);
        }
    }
    v
}
