//! Condition waits (woken by every world change, never fixed sleeps), interaction replies as the
//! user sees them, and the world dump printed when a wait times out.

use std::fmt::Write as _;
use std::time::Duration;

use serde_json::Value;

use super::views::{MessageView, Reply};
use super::world::State;
use super::StandIn;

fn reply_of(s: &State, id: u64) -> Option<Reply> {
    let i = s.interactions.get(&id)?;
    let t = i.callback_type?;
    let ack_after = i
        .responses
        .first()
        .map(|(at, _)| at.saturating_duration_since(i.dispatched_at))?;
    let view = |m: &u64| s.messages.get(m).map(|m| MessageView::from_rec(s, m));
    let followups: Vec<MessageView> = i.followups.iter().filter_map(view).collect();
    let original = i.original.as_ref().and_then(view);
    let mut reply = Reply {
        ephemeral: false,
        text: String::new(),
        deferred: matches!(t, 5 | 6),
        ack_after,
        messages: Vec::new(),
        callback_type: t,
    };
    match t {
        4 | 7 => reply.messages = original.into_iter().chain(followups).collect(),
        5 | 6 => {
            if !i.original_done && followups.is_empty() {
                return None;
            }
            let original = original.filter(|_| i.original_done);
            reply.messages = original.into_iter().chain(followups).collect();
        }
        8 => {
            let choices = i.autocomplete.clone().unwrap_or_default();
            reply.text = choices
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            reply.ephemeral = true;
            return Some(reply);
        }
        9 => {
            let modal = i.modal.clone().unwrap_or(Value::Null);
            let mut parts = vec![modal["title"].as_str().unwrap_or_default().to_string()];
            for row in modal["components"].as_array().into_iter().flatten() {
                for input in row["components"].as_array().into_iter().flatten() {
                    parts.extend(input["label"].as_str().map(str::to_string));
                }
            }
            reply.text = parts.join("\n");
            reply.ephemeral = true;
            return Some(reply);
        }
        _ => return None,
    }
    reply.ephemeral = reply.messages.first().is_some_and(|m| m.ephemeral);
    reply.text = reply
        .messages
        .iter()
        .map(MessageView::text)
        .collect::<Vec<_>>()
        .join("\n");
    Some(reply)
}

fn short(text: &str) -> String {
    let flat = text.replace('\n', " ⏎ ");
    if flat.chars().count() > 200 {
        format!("{}…", flat.chars().take(200).collect::<String>())
    } else {
        flat
    }
}

/// A readable picture of the world for failure messages.
pub fn dump(s: &State) -> String {
    let mut out = String::new();
    for c in s.channels.values() {
        let msgs = s.channel_messages(c.id);
        let kind = if c.is_thread() { "thread" } else { "channel" };
        let _ = writeln!(
            out,
            "  {kind} #{} ({}) - {} message(s)",
            c.name,
            c.id,
            msgs.len()
        );
        for m in msgs.iter().rev().take(15).rev() {
            let v = MessageView::from_rec(s, m);
            let author = s
                .user(m.author_id)
                .map_or("?".to_string(), |u| u.name.clone());
            let reactions: Vec<String> = v
                .reactions
                .iter()
                .map(|(e, u)| format!("{e}×{}", u.len()))
                .collect();
            let _ = writeln!(
                out,
                "    [{}] {author} (type {}): {} {}",
                m.id,
                m.kind,
                short(&v.text()),
                reactions.join(" ")
            );
        }
    }
    for i in s.interactions.values() {
        let _ = writeln!(
            out,
            "  interaction {} (type {}) by {}: callback {:?}, {} response(s), done {}",
            i.id,
            i.kind,
            i.user_id,
            i.callback_type,
            i.responses.len(),
            i.original_done
        );
    }
    for sess in s.gateway.sessions.values() {
        let _ = writeln!(
            out,
            "  session {} shard {:?}: seq {}, connected {}",
            sess.id,
            sess.shard,
            sess.seq,
            sess.conn.is_some()
        );
    }
    let _ = writeln!(out, "  last requests ({} total):", s.requests.len());
    for r in s.requests.iter().rev().take(25).rev() {
        let why = r
            .unexpected
            .as_deref()
            .map(|w| format!(" UNEXPECTED: {w}"))
            .unwrap_or_default();
        let _ = writeln!(out, "    {} {} -> {}{why}", r.method, r.path, r.status);
    }
    for e in &s.errors {
        let _ = writeln!(out, "  STAND-IN ERROR: {e}");
    }
    out
}

impl StandIn {
    /// Re-checks `f` whenever the world changes; panics with `what` and a dump on timeout.
    pub async fn wait_until<T>(
        &self,
        timeout: Duration,
        what: &str,
        f: impl Fn(&StandIn) -> Option<T>,
    ) -> T {
        let mut rx = self.shared().changed.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            rx.borrow_and_update();
            if let Some(v) = f(self) {
                return v;
            }
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                if let Some(v) = f(self) {
                    return v;
                }
                let dump = self.shared().read(dump);
                panic!("stand-in: timed out after {timeout:?} waiting for {what}\nworld:\n{dump}");
            }
        }
    }

    /// Waits for the interaction's final visible answer (type 4/7, or after a deferral the
    /// filled-in original or a follow-up; autocomplete results and modals count too).
    pub async fn wait_reply(&self, interaction: u64, timeout: Duration) -> Reply {
        let what = format!("a reply to interaction {interaction}");
        self.wait_until(timeout, &what, |st| {
            st.shared().read(|s| reply_of(s, interaction))
        })
        .await
    }

    /// The reply as it is now, if final.
    pub fn reply(&self, interaction: u64) -> Option<Reply> {
        self.shared().read(|s| reply_of(s, interaction))
    }

    /// The (name, value) choices of an answered autocomplete interaction.
    pub fn autocomplete_choices(&self, interaction: u64) -> Option<Vec<(String, Value)>> {
        self.shared().read(|s| {
            s.interactions
                .get(&interaction)
                .and_then(|i| i.autocomplete.clone())
        })
    }

    /// Callback bodies (`{type, data}`) and webhook calls (`{"webhook": "PATCH messages/@original",
    /// "body": …}`) the bot made for this interaction, in order.
    pub fn interaction_responses(&self, interaction: u64) -> Vec<Value> {
        self.shared().read(|s| {
            s.interactions
                .get(&interaction)
                .map(|i| i.responses.iter().map(|(_, v)| v.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// The world dump used in timeout panics.
    pub fn dump(&self) -> String {
        self.shared().read(dump)
    }
}
