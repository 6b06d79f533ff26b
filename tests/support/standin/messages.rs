//! Turning a message payload (JSON or multipart) into a stored message: content, embeds (with
//! `attachment://` links resolved), components, kept and new attachments.

use serde_json::Value;

use super::body::Upload;
use super::rest::Resp;
use super::world::{AttachmentRec, MessageRec, State};

/// Largest upload a bot may send in one file (10 MiB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

pub fn message_in_channel(s: &State, c: u64, mid: u64) -> Result<&MessageRec, Resp> {
    s.messages
        .get(&mid)
        .filter(|m| m.channel_id == c && !m.is_ephemeral())
        .ok_or_else(|| Resp::unknown("message"))
}

/// Applies the fields present in `p` (create: all; edit: the ones given) and the uploaded files.
pub fn apply_payload(
    s: &mut State,
    m: &mut MessageRec,
    p: &Value,
    files: &[Upload],
) -> Result<(), Resp> {
    if let Some(big) = files.iter().find(|f| f.bytes.len() > MAX_FILE_BYTES) {
        let why = format!(
            "file {} is {} bytes (limit {MAX_FILE_BYTES})",
            big.filename,
            big.bytes.len()
        );
        return Err(Resp::unexpected(
            413,
            40005,
            "Request entity too large",
            why,
        ));
    }
    if let Some(c) = p.get("content") {
        m.content = c.as_str().unwrap_or_default().to_string();
    }
    if let Some(c) = p.get("components") {
        m.components = c.as_array().cloned().unwrap_or_default();
    }
    if let Some(t) = p["tts"].as_bool() {
        m.tts = t;
    }
    if let Some(f) = p["flags"].as_u64() {
        // SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS are the only flags a bot may set.
        m.flags = (m.flags & !(4 | 4096)) | (f & (4 | 4096));
    }
    // Attachments: an `attachments` array lists the kept ones (by id) and describes new files.
    let described = p["attachments"].as_array().cloned().unwrap_or_default();
    if p.get("attachments").is_some() {
        let keep: Vec<u64> = described.iter().filter_map(|a| id_of(&a["id"])).collect();
        m.attachments.retain(|a| keep.contains(&a.id));
    }
    for (n, f) in files.iter().enumerate() {
        let index = f
            .field
            .trim_start_matches("files[")
            .trim_end_matches(']')
            .parse::<u64>()
            .unwrap_or(n as u64);
        let desc = described.iter().find(|a| id_of(&a["id"]) == Some(index));
        let filename = desc
            .and_then(|d| d["filename"].as_str())
            .map_or_else(|| f.filename.clone(), str::to_string);
        let description = desc
            .and_then(|d| d["description"].as_str())
            .map(str::to_string);
        let id = s.next_id();
        m.attachments.push(AttachmentRec {
            id,
            filename,
            bytes: f.bytes.clone(),
            description,
        });
    }
    if let Some(e) = p.get("embeds") {
        let mut embeds = e.as_array().cloned().unwrap_or_default();
        for embed in &mut embeds {
            normalise_embed(m, embed);
        }
        m.embeds = embeds;
    }
    Ok(())
}

fn id_of(v: &Value) -> Option<u64> {
    v.as_u64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// What Discord does to a stored embed: `type: rich`, `attachment://` resolved to CDN links.
fn normalise_embed(m: &MessageRec, e: &mut Value) {
    if !e.is_object() {
        return;
    }
    if e.get("type").is_none() {
        e["type"] = Value::from("rich");
    }
    for key in ["image", "thumbnail"] {
        let Some(url) = e[key]["url"].as_str().map(str::to_string) else {
            continue;
        };
        if let Some(name) = url.strip_prefix("attachment://") {
            if let Some(a) = m.attachments.iter().find(|a| a.filename == name) {
                let path = format!("{}/{}/{}", m.channel_id, a.id, a.filename);
                e[key]["url"] =
                    Value::from(format!("https://cdn.discordapp.com/attachments/{path}"));
                e[key]["proxy_url"] =
                    Value::from(format!("https://media.discordapp.net/attachments/{path}"));
            }
        }
    }
}
