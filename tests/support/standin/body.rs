//! Request bodies: JSON or multipart/form-data (`payload_json` + `files[n]`), and Discord's form
//! limits for messages, embeds, components, autocomplete choices, modals and thread names.

use serde_json::{json, Map, Value};

use super::rest::Resp;

#[derive(Clone, Debug)]
pub struct Upload {
    pub field: String,
    pub filename: String,
    pub bytes: Vec<u8>,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn header_param(header: &str, name: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The JSON payload and uploaded files of a request.
pub fn parse_body(content_type: &str, body: &[u8]) -> Result<(Value, Vec<Upload>), String> {
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(content_type, body);
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok((Value::Null, Vec::new()));
    }
    serde_json::from_slice(body)
        .map(|v| (v, Vec::new()))
        .map_err(|e| format!("invalid JSON body: {e}"))
}

fn parse_multipart(content_type: &str, body: &[u8]) -> Result<(Value, Vec<Upload>), String> {
    let boundary = header_param(content_type, "boundary").ok_or("multipart without boundary")?;
    let delim = format!("--{boundary}").into_bytes();
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let mut pos = find(body, &delim, 0).ok_or("multipart: no first boundary")? + delim.len();
    loop {
        if body[pos..].starts_with(b"--") {
            break;
        }
        pos += 2; // CRLF after the boundary
        let head_end = find(body, b"\r\n\r\n", pos).ok_or("multipart: part without headers")?;
        let head = String::from_utf8_lossy(&body[pos..head_end]).into_owned();
        let start = head_end + 4;
        let mut end_delim = b"\r\n".to_vec();
        end_delim.extend_from_slice(&delim);
        let end = find(body, &end_delim, start).ok_or("multipart: unterminated part")?;
        let data = body[start..end].to_vec();
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .unwrap_or("");
        let name = header_param(disposition, "name").unwrap_or_default();
        match header_param(disposition, "filename") {
            Some(filename) => files.push(Upload {
                field: name,
                filename,
                bytes: data,
            }),
            None if name == "payload_json" => {
                payload =
                    serde_json::from_slice(&data).map_err(|e| format!("payload_json: {e}"))?;
            }
            None => {}
        }
        pos = end + end_delim.len();
        if pos >= body.len() {
            break;
        }
    }
    Ok((payload, files))
}

/// Collects form errors as Discord's nested `{"a": {"0": {"b": {"_errors": [...]}}}}` tree.
#[derive(Default)]
pub struct FormErrors {
    tree: Map<String, Value>,
    pub first: Option<String>,
}

impl FormErrors {
    pub fn add(&mut self, path: &[String], code: &str, message: &str) {
        if self.first.is_none() {
            self.first = Some(format!("{}: {message}", path.join(".")));
        }
        let mut node = &mut self.tree;
        for key in path {
            let entry = node.entry(key.clone()).or_insert_with(|| json!({}));
            node = entry.as_object_mut().expect("error tree nodes are objects");
        }
        let errs = node.entry("_errors").or_insert_with(|| json!([]));
        if let Some(a) = errs.as_array_mut() {
            a.push(json!({"code": code, "message": message}));
        }
    }

    fn max_len(&mut self, path: &[&str], v: &Value, max: usize) -> usize {
        let n = v.as_str().map_or(0, |s| s.chars().count());
        if n > max {
            let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            self.add(
                &path,
                "BASE_TYPE_MAX_LENGTH",
                &format!("Must be {max} or fewer in length."),
            );
        }
        n
    }

    fn required(&mut self, path: &[&str], v: &Value) {
        if v.as_str().is_none_or(|s| s.trim().is_empty()) {
            let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            self.add(&path, "BASE_TYPE_REQUIRED", "This field is required");
        }
    }

    pub fn into_result(self) -> Result<(), Resp> {
        match self.first {
            None => Ok(()),
            Some(first) => Err(Resp::form_error(Value::Object(self.tree), first)),
        }
    }
}

/// Discord's limits on a message payload (content, embeds, components).
pub fn check_message(p: &Value, errs: &mut FormErrors) {
    errs.max_len(&["content"], &p["content"], 2000);
    let embeds = p["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        errs.add(
            &["embeds".into()],
            "BASE_TYPE_MAX_LENGTH",
            "Must be 10 or fewer in length.",
        );
    }
    let mut total = 0;
    for (i, e) in embeds.iter().enumerate() {
        let i = i.to_string();
        total += errs.max_len(&["embeds", &i, "title"], &e["title"], 256);
        total += errs.max_len(&["embeds", &i, "description"], &e["description"], 4096);
        total += errs.max_len(
            &["embeds", &i, "footer", "text"],
            &e["footer"]["text"],
            2048,
        );
        total += errs.max_len(&["embeds", &i, "author", "name"], &e["author"]["name"], 256);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            let path = vec!["embeds".to_string(), i.clone(), "fields".into()];
            errs.add(
                &path,
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.",
            );
        }
        for (j, f) in fields.iter().enumerate() {
            let j = j.to_string();
            errs.required(&["embeds", &i, "fields", &j, "name"], &f["name"]);
            errs.required(&["embeds", &i, "fields", &j, "value"], &f["value"]);
            total += errs.max_len(&["embeds", &i, "fields", &j, "name"], &f["name"], 256);
            total += errs.max_len(&["embeds", &i, "fields", &j, "value"], &f["value"], 1024);
        }
    }
    if total > 6000 {
        errs.add(
            &["embeds".into()],
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        );
    }
    check_components(&p["components"], errs);
}

fn check_components(components: &Value, errs: &mut FormErrors) {
    let rows = components.as_array().cloned().unwrap_or_default();
    if rows.len() > 5 {
        errs.add(
            &["components".into()],
            "BASE_TYPE_MAX_LENGTH",
            "Must be 5 or fewer in length.",
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let i = i.to_string();
        let items = row["components"].as_array().cloned().unwrap_or_default();
        if row["type"] != 1 || items.is_empty() || items.len() > 5 {
            let path = vec!["components".to_string(), i.clone()];
            errs.add(
                &path,
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "An action row needs 1 to 5 components",
            );
        }
        for (j, c) in items.iter().enumerate() {
            let j = j.to_string();
            errs.max_len(
                &["components", &i, "components", &j, "custom_id"],
                &c["custom_id"],
                100,
            );
            errs.max_len(
                &["components", &i, "components", &j, "label"],
                &c["label"],
                80,
            );
        }
    }
}

/// Whether a new message would be empty (Discord: 50006 Cannot send an empty message).
pub fn is_empty_message(p: &Value, files: usize) -> bool {
    let nonempty = |k: &str| p[k].as_array().is_some_and(|a| !a.is_empty());
    p["content"].as_str().is_none_or(|s| s.trim().is_empty())
        && !nonempty("embeds")
        && !nonempty("components")
        && !nonempty("sticker_ids")
        && p.get("poll").is_none()
        && files == 0
}

pub fn check_thread_name(name: &Value) -> Result<(), Resp> {
    let mut errs = FormErrors::default();
    errs.required(&["name"], name);
    errs.max_len(&["name"], name, 100);
    errs.into_result()
}

/// Limits of an interaction callback body (`{type, data}`).
pub fn check_callback(body: &Value) -> Result<(), Resp> {
    let mut errs = FormErrors::default();
    let data = &body["data"];
    match body["type"].as_u64() {
        Some(4) | Some(7) => check_message(data, &mut errs),
        Some(8) => {
            let choices = data["choices"].as_array().cloned().unwrap_or_default();
            if choices.len() > 25 {
                let path = vec!["data".to_string(), "choices".into()];
                errs.add(
                    &path,
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 25 or fewer in length.",
                );
            }
            for (i, c) in choices.iter().enumerate() {
                let i = i.to_string();
                errs.required(&["data", "choices", &i, "name"], &c["name"]);
                errs.max_len(&["data", "choices", &i, "name"], &c["name"], 100);
                errs.max_len(&["data", "choices", &i, "value"], &c["value"], 100);
            }
        }
        Some(9) => {
            errs.required(&["data", "title"], &data["title"]);
            errs.max_len(&["data", "title"], &data["title"], 45);
            errs.max_len(&["data", "custom_id"], &data["custom_id"], 100);
            let rows = data["components"].as_array().map_or(0, Vec::len);
            if rows == 0 || rows > 5 {
                let path = vec!["data".to_string(), "components".into()];
                errs.add(
                    &path,
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length.",
                );
            }
        }
        Some(1) | Some(5) | Some(6) => {}
        other => {
            let msg = format!("Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12); got {other:?}.");
            errs.add(&["type".into()], "BASE_TYPE_CHOICES", &msg);
        }
    }
    errs.into_result()
}
