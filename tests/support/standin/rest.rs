//! The REST side under `/api/v10`: one handler that records every request, applies injected faults
//! and pacing, checks the bot token, and routes by path to the handlers in `rest_*` modules.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State as AxState;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::body::{parse_body, Upload};
use super::faults::{pace, rate_limited_answer, take_fault, FaultKind};
use super::payloads::error_json;
use super::verify::{check_rest, RestKind};
use super::views::RequestRecord;
use super::world::State;
use super::Shared;

/// An answer, before it becomes an HTTP response.
pub struct Resp {
    pub status: u16,
    pub body: Option<Value>,
    pub headers: Vec<(String, String)>,
    pub unexpected: Option<String>,
}

impl Resp {
    pub fn ok(v: Value) -> Resp {
        Resp {
            status: 200,
            body: Some(v),
            headers: Vec::new(),
            unexpected: None,
        }
    }

    pub fn created(v: Value) -> Resp {
        Resp {
            status: 201,
            ..Resp::ok(v)
        }
    }

    pub fn no_content() -> Resp {
        Resp {
            status: 204,
            body: None,
            headers: Vec::new(),
            unexpected: None,
        }
    }

    pub fn error(status: u16, code: u64, message: &str) -> Resp {
        Resp {
            status,
            ..Resp::ok(error_json(code, message, None))
        }
    }

    /// An answer the bot should never provoke (recorded in `unexpected_requests`).
    pub fn unexpected(status: u16, code: u64, message: &str, why: String) -> Resp {
        Resp {
            unexpected: Some(why),
            ..Resp::error(status, code, message)
        }
    }

    /// 400 Invalid Form Body with Discord's nested `errors` tree.
    pub fn form_error(errors: Value, why: String) -> Resp {
        let body = error_json(50035, "Invalid Form Body", Some(errors));
        Resp {
            status: 400,
            body: Some(body),
            headers: Vec::new(),
            unexpected: Some(why),
        }
    }

    pub fn missing_permissions() -> Resp {
        Resp::error(403, 50013, "Missing Permissions")
    }

    pub fn missing_access() -> Resp {
        Resp::error(403, 50001, "Missing Access")
    }

    pub fn unknown(what: &str) -> Resp {
        let (code, msg) = match what {
            "message" => (10008, "Unknown Message"),
            "channel" => (10003, "Unknown Channel"),
            "guild" => (10004, "Unknown Guild"),
            "member" => (10007, "Unknown Member"),
            "user" => (10013, "Unknown User"),
            "webhook" => (10015, "Unknown Webhook"),
            "interaction" => (10062, "Unknown interaction"),
            "emoji" => (10014, "Unknown Emoji"),
            "command" => (10063, "Unknown application command"),
            _ => (0, "404: Not Found"),
        };
        Resp::error(404, code, msg)
    }
}

/// A JSON answer that is first checked to decode as serenity's `kind`.
pub fn checked(state: &mut State, kind: RestKind, v: Value) -> Resp {
    if let Err(e) = check_rest(kind, &v) {
        state.record_error(format!(
            "REST answer would not decode as {kind:?}: {e}; body {v}"
        ));
    }
    Resp::ok(v)
}

/// A parsed request.
pub struct Req<'a> {
    pub method: &'a str,
    pub segs: Vec<&'a str>,
    pub query: Vec<(String, String)>,
    pub json: Value,
    pub files: Vec<Upload>,
}

impl Req<'_> {
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn q_u64(&self, name: &str) -> Option<u64> {
        self.q(name).and_then(|v| v.parse().ok())
    }
}

pub fn percent_decode(s: &str) -> String {
    fn hex(c: u8) -> Option<u8> {
        (c as char).to_digit(16).map(|d| d as u8)
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(&v.replace('+', " ")))
        })
        .collect()
}

pub async fn handle(
    AxState(shared): AxState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let arrived = Instant::now();
    let method = method.as_str().to_string();
    let path = percent_decode(uri.path());
    let query = uri.query().unwrap_or("").to_string();
    let ctype = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let parsed = parse_body(ctype, &body);
    let record_body = match &parsed {
        Ok((json, files)) if files.is_empty() && !ctype.starts_with("multipart/") => json.clone(),
        Ok((json, files)) => json!({
            "payload_json": json,
            "files": files.iter().map(|f| json!({"name": f.field, "filename": f.filename, "size": f.bytes.len()})).collect::<Vec<_>>(),
        }),
        Err(_) => Value::from(String::from_utf8_lossy(&body).into_owned()),
    };

    let mut injected = false;
    let fault = take_fault(&shared, &method, &path);
    let lose_response = matches!(fault, Some(FaultKind::LoseResponse));
    let delay_answer = match fault {
        Some(FaultKind::DelayAnswer { ms }) => Some(ms),
        _ => None,
    };
    let mut resp = match fault {
        Some(FaultKind::LoseResponse | FaultKind::DelayAnswer { .. }) => None,
        Some(FaultKind::Delay { ms }) => {
            tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
            None
        }
        Some(FaultKind::Status { status, json }) => {
            injected = true;
            Some(Resp {
                status,
                body: Some(json),
                headers: Vec::new(),
                unexpected: None,
            })
        }
        Some(FaultKind::RateLimited {
            retry_after_secs,
            global,
        }) => {
            injected = true;
            let (body, headers) = rate_limited_answer(retry_after_secs, global);
            Some(Resp {
                status: 429,
                body: Some(body),
                headers,
                unexpected: None,
            })
        }
        None => None,
    };
    if resp.is_none() {
        pace(&shared, &method, &path).await;
        let r = if !auth.starts_with("Bot ") || auth.len() <= 4 {
            Resp::unexpected(
                401,
                0,
                "401: Unauthorized",
                "missing `Authorization: Bot <token>`".into(),
            )
        } else if path != "/api/v10/gateway"
            && shared.read(|s| s.gateway.refusals.rejects_authorization(auth))
        {
            // A bad token: 401 everywhere but `GET /gateway`, which needs no authentication (so a
            // client gets as far as IDENTIFY, and the gateway's 4004).
            Resp::error(401, 0, "401: Unauthorized")
        } else {
            match &parsed {
                Err(e) => Resp::unexpected(
                    400,
                    50109,
                    "The request body contains invalid JSON.",
                    e.clone(),
                ),
                Ok((json, files)) => {
                    let rest = path.strip_prefix("/api/v10/").unwrap_or("");
                    let req = Req {
                        method: &method,
                        segs: rest.split('/').filter(|s| !s.is_empty()).collect(),
                        query: parse_query(&query),
                        json: json.clone(),
                        files: files.clone(),
                    };
                    let in_api = path.starts_with("/api/v10/");
                    shared.with(|s| {
                        let r = if in_api { route(s, &req) } else { None };
                        r.unwrap_or_else(|| {
                            Resp::unexpected(
                                404,
                                0,
                                "404: Not Found",
                                format!("no such route: {method} {path}"),
                            )
                        })
                    })
                }
            }
        };
        resp = Some(r);
    }
    let mut resp = resp.unwrap_or_else(Resp::no_content);
    if let Some(ms) = delay_answer {
        injected = true;
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
    if lose_response {
        injected = true;
        resp = Resp {
            status: 500,
            body: Some(json!({"message": "500: Internal Server Error", "code": 0})),
            headers: Vec::new(),
            unexpected: None,
        };
    }
    let finished = Instant::now();
    let record = RequestRecord {
        method: method.clone(),
        path: path.clone(),
        query,
        body: record_body,
        status: resp.status,
        error_code: resp
            .body
            .as_ref()
            .and_then(|b| b["code"].as_u64())
            .filter(|_| resp.status >= 400),
        arrived,
        finished,
        unexpected: resp.unexpected.clone(),
        injected,
    };
    if let Some(why) = &resp.unexpected {
        eprintln!("[standin] unexpected request {method} {path}: {why}");
    }
    shared.with(|s| s.requests.push(record));
    into_response(resp)
}

fn into_response(r: Resp) -> Response {
    let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = match r.body {
        Some(b) => (
            status,
            [("content-type", "application/json")],
            b.to_string(),
        )
            .into_response(),
        None => status.into_response(),
    };
    for (k, v) in r.headers {
        if let (Ok(k), Ok(v)) = (HeaderName::try_from(k), HeaderValue::try_from(v)) {
            resp.headers_mut().insert(k, v);
        }
    }
    resp
}

/// Routes a request; `None` = no such route.
fn route(s: &mut State, r: &Req) -> Option<Resp> {
    let segs = r.segs.clone();
    Some(match (r.method, segs.as_slice()) {
        ("GET", ["gateway"]) => {
            let url = format!("ws://127.0.0.1:{}/gateway", s.port);
            checked(s, RestKind::Gateway, json!({ "url": url }))
        }
        ("GET", ["gateway", "bot"]) => {
            let url = format!("ws://127.0.0.1:{}/gateway", s.port);
            let limit = json!({"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1});
            checked(
                s,
                RestKind::BotGateway,
                json!({"url": url, "shards": 1, "session_start_limit": limit}),
            )
        }
        ("GET", ["users", "@me"]) => {
            let v = super::payloads::current_user_json(&s.bot);
            checked(s, RestKind::User, v)
        }
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            let v = super::payloads::application_json(s);
            checked(s, RestKind::Application, v)
        }
        (_, ["applications", ..]) => return super::rest_interactions::commands(s, r),
        ("POST", ["interactions", id, token, "callback"]) => {
            super::rest_interactions::callback(s, r, id, token)
        }
        (_, ["webhooks", ..]) => return super::rest_interactions::webhooks(s, r),
        (_, ["channels", ..]) => return super::rest_channels::channels(s, r),
        ("GET", ["guilds", ..]) => return super::rest_guilds::guilds(s, r),
        _ => return None,
    })
}
