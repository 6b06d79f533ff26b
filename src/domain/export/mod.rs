//! Exports of a closed check-in as a file: every vote (member id and display name), every
//! reply, the summary numbers and the actions, in CSV, JSON or Markdown.

mod csv;
mod markdown;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::action::Action;
use super::retro::Retro;
use super::summary::Summary;
use super::tally::Vote;

/// A CSV cell, quoted when needed and with formula triggers defused (every CSV export uses it).
pub use csv::cell as csv_cell;

/// The file formats `/retro export` offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Markdown,
}

/// A format name that is not one of the offered ones.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an export format. Choose `csv`, `json` or `markdown`.")]
pub struct UnknownFormat(pub String);

impl ExportFormat {
    pub const NAMES: [&'static str; 3] = ["csv", "json", "markdown"];

    pub fn parse(text: &str) -> Result<ExportFormat, UnknownFormat> {
        match text.trim().to_lowercase().as_str() {
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            "markdown" | "md" => Ok(ExportFormat::Markdown),
            _ => Err(UnknownFormat(text.trim().to_string())),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
        }
    }
}

/// One member's vote with the name they had in the server.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedVote {
    pub vote: Vote,
    pub member_name: String,
}

/// Everything an export holds.
#[derive(Clone, Debug)]
pub struct Export<'a> {
    pub retro: &'a Retro,
    pub closed_at: Option<DateTime<Utc>>,
    pub summary: &'a Summary,
    /// Ordered by statement, then member.
    pub votes: Vec<NamedVote>,
    pub actions: &'a [Action],
}

impl Export<'_> {
    /// Names `votes` with `name_of` (a member whose name was never seen gets `unknown member`).
    pub fn name_votes(votes: &[Vote], name_of: impl Fn(u64) -> Option<String>) -> Vec<NamedVote> {
        votes
            .iter()
            .map(|vote| NamedVote {
                vote: *vote,
                member_name: name_of(vote.voter).unwrap_or_else(|| "unknown member".into()),
            })
            .collect()
    }

    /// The file name and contents in `format`.
    pub fn render(&self, format: ExportFormat) -> (String, Vec<u8>) {
        let name = format!("retro-{}.{}", self.retro.id.0, format.extension());
        let text = match format {
            ExportFormat::Csv => csv::render(self),
            ExportFormat::Json => {
                serde_json::to_string_pretty(&self.json()).expect("JSON values serialise") + "\n"
            }
            ExportFormat::Markdown => markdown::render(self),
        };
        (name, text.into_bytes())
    }

    /// An anonymous check-in's export holds no member id or name: replies, the facilitator and
    /// action owners are left out, and a statement whose split is hidden shows no counts.
    fn anonymous(&self) -> bool {
        self.summary.anonymous
    }

    /// A reply's (member id, member name), empty for an anonymous check-in.
    fn reply_author(&self, reply: &super::summary::Reply) -> (String, String) {
        if self.anonymous() {
            (String::new(), "anonymous".to_string())
        } else {
            (reply.author_id.to_string(), reply.author_name.clone())
        }
    }

    /// An action's owner, hidden in an anonymous check-in's export.
    fn owner_of(&self, action: &Action) -> Option<u64> {
        action.owner_id.filter(|_| !self.anonymous())
    }

    fn votes_on(&self, position: usize) -> impl Iterator<Item = &NamedVote> {
        self.votes
            .iter()
            .filter(move |v| v.vote.position == position)
    }

    /// The export as a JSON document (ids as strings: they do not fit a JavaScript number).
    pub fn json(&self) -> Value {
        let retro = self.retro;
        let scale = &self.summary.scale;
        let statements: Vec<Value> = self
            .summary
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let counts: Vec<Value> = scale
                    .options
                    .iter()
                    .zip(&s.tally.counts)
                    .map(|(o, n)| json!({"emoji": o.emoji, "label": o.label, "count": n}))
                    .collect();
                let votes: Vec<Value> = self
                    .votes_on(i)
                    .map(|v| {
                        let option = &scale.options[v.vote.option];
                        json!({
                            "member_id": v.vote.voter.to_string(),
                            "member_name": v.member_name,
                            "emoji": option.emoji,
                            "label": option.label,
                            "weight": option.weight,
                        })
                    })
                    .collect();
                let hidden = s.split_hidden;
                json!({
                    "number": i + 1,
                    "text": s.text,
                    "counts": if hidden { Value::Null } else { json!(counts) },
                    "agreement_percent": if hidden { None } else { s.tally.agreement_percent(scale) },
                    "split_hidden": hidden,
                    "participants": s.tally.participants(),
                    "votes": votes,
                })
            })
            .collect();
        let questions: Vec<Value> = self
            .summary
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let replies: Vec<Value> = q
                    .replies
                    .iter()
                    .map(|r| {
                        let (member_id, member_name) = self.reply_author(r);
                        let mut reply = json!({
                            "message_id": r.message_id.to_string(),
                            "content": r.content,
                        });
                        if !self.anonymous() {
                            reply["member_id"] = json!(member_id);
                            reply["member_name"] = json!(member_name);
                        }
                        reply
                    })
                    .collect();
                json!({
                    "number": i + 1,
                    "text": q.text,
                    "thread_id": q.thread_id.map(|t| t.to_string()),
                    "replies": replies,
                })
            })
            .collect();
        let actions: Vec<Value> = self
            .actions
            .iter()
            .map(|a| {
                json!({
                    "id": a.id,
                    "text": a.text,
                    "owner_id": self.owner_of(a).map(|o| o.to_string()),
                    "due": a.due.map(|d| d.to_string()),
                    "done": a.is_done(),
                })
            })
            .collect();
        json!({
            "retro": {
                "id": retro.id.0,
                "title": retro.title,
                "template": {"key": retro.template.key, "name": retro.template.name},
                "guild_id": retro.guild_id.to_string(),
                "channel_id": retro.channel_id.to_string(),
                "facilitator_id": (!self.anonymous()).then(|| retro.facilitator_id.to_string()),
                "anonymous": self.anonymous(),
                "created_at": retro.created_at.to_rfc3339(),
                "closed_at": self.closed_at.map(|at| at.to_rfc3339()),
            },
            "scale": scale.options.iter().map(|o| json!({"emoji": o.emoji, "label": o.label, "weight": o.weight})).collect::<Vec<_>>(),
            "voters": self.summary.voters,
            "repliers": self.summary.repliers,
            "statements": statements,
            "questions": questions,
            "actions": actions,
        })
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
