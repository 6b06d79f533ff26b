//! The server-scope export: the aggregates of every closed check-in of the sharing channels,
//! over time, as CSV (one row per check-in and statement, for a spreadsheet) or JSON (for a
//! BI tool). Numbers only: no member id or name, no reply text; a hidden split stays hidden.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::super::export::{csv_cell, ExportFormat};
use super::super::ids::{ChannelId, GuildId};
use super::super::retro::RetroId;
use super::checkin::{check_in_result, ClosedCheckIn};

const CSV_HEADER: &str = "channel_id,channel,retro,template,closed_at,anonymous,voters,\
statement_number,statement,participants,agreement_percent,split_hidden,counts";

/// One statement of one shared check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedStatement {
    pub channel: ChannelId,
    pub channel_name: String,
    pub retro: RetroId,
    pub template_key: String,
    pub closed_at: DateTime<Utc>,
    pub anonymous: bool,
    pub voters: u32,
    /// From 1, in the check-in's template order.
    pub number: usize,
    pub text: String,
    pub participants: u32,
    /// `None` without votes or when the split is hidden.
    pub agreement: Option<f64>,
    pub split_hidden: bool,
    /// (emoji, label, count) per scale option; empty when the split is hidden.
    pub counts: Vec<(String, String, u32)>,
}

/// The aggregates of a server's sharing channels.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerExport {
    pub guild: GuildId,
    /// Oldest check-in first, then by channel and statement.
    pub rows: Vec<SharedStatement>,
}

/// The export of `check_ins` (closed check-ins of sharing channels, any order) of `guild`;
/// `channel_name` names a channel. Anonymous check-ins hide splits below `min_voters`.
pub fn server_export(
    guild: GuildId,
    check_ins: &[ClosedCheckIn],
    min_voters: u32,
    channel_name: impl Fn(ChannelId) -> String,
) -> ServerExport {
    let mut ordered: Vec<&ClosedCheckIn> = check_ins.iter().collect();
    ordered.sort_by_key(|c| (c.closed_at, c.channel(), c.retro.id));
    let mut rows = Vec::new();
    for check_in in ordered {
        let retro = &check_in.retro;
        let result = check_in_result(check_in, min_voters);
        let name = channel_name(check_in.channel());
        for (i, s) in result.statements.iter().enumerate() {
            let split_hidden = s.agreement.is_none() && s.participants > 0;
            let counts = if split_hidden {
                Vec::new()
            } else {
                retro
                    .template
                    .scale
                    .options
                    .iter()
                    .zip(&s.counts)
                    .map(|(o, n)| (o.emoji.clone(), o.label.clone(), *n))
                    .collect()
            };
            rows.push(SharedStatement {
                channel: check_in.channel(),
                channel_name: name.clone(),
                retro: retro.id,
                template_key: retro.template.key.clone(),
                closed_at: check_in.closed_at,
                anonymous: retro.participation.is_anonymous(),
                voters: result.voters,
                number: i + 1,
                text: s.text.clone(),
                participants: s.participants,
                agreement: s.agreement,
                split_hidden,
                counts,
            });
        }
    }
    ServerExport { guild, rows }
}

/// `scope:server` offers CSV and JSON only.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The server export comes as `csv` or `json`.")]
pub struct NotOffered;

impl ServerExport {
    /// The file name and contents in `format` (CSV or JSON).
    pub fn render(&self, format: ExportFormat) -> Result<(String, Vec<u8>), NotOffered> {
        let text = match format {
            ExportFormat::Csv => self.csv(),
            ExportFormat::Json => {
                serde_json::to_string_pretty(&self.json()).expect("JSON values serialise") + "\n"
            }
            ExportFormat::Markdown => return Err(NotOffered),
        };
        let name = format!("server-{}.{}", self.guild, format.extension());
        Ok((name, text.into_bytes()))
    }

    pub fn csv(&self) -> String {
        let mut out = String::from(CSV_HEADER);
        out.push_str("\r\n");
        for row in &self.rows {
            let counts: Vec<String> = row
                .counts
                .iter()
                .map(|(_, label, n)| format!("{label}={n}"))
                .collect();
            let cells = [
                row.channel.to_string(),
                row.channel_name.clone(),
                row.retro.0.to_string(),
                row.template_key.clone(),
                row.closed_at.to_rfc3339(),
                row.anonymous.to_string(),
                row.voters.to_string(),
                row.number.to_string(),
                row.text.clone(),
                row.participants.to_string(),
                row.agreement.map_or(String::new(), |p| format!("{p:.1}")),
                row.split_hidden.to_string(),
                counts.join("; "),
            ];
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// As JSON (ids as strings: they do not fit a JavaScript number).
    pub fn json(&self) -> Value {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                json!({
                    "channel_id": row.channel.to_string(),
                    "channel": row.channel_name,
                    "retro": row.retro.0,
                    "template": row.template_key,
                    "closed_at": row.closed_at.to_rfc3339(),
                    "anonymous": row.anonymous,
                    "voters": row.voters,
                    "statement_number": row.number,
                    "statement": row.text,
                    "participants": row.participants,
                    "agreement_percent": row.agreement,
                    "split_hidden": row.split_hidden,
                    "counts": if row.split_hidden { Value::Null } else {
                        row.counts.iter().map(|(emoji, label, count)| {
                            json!({"emoji": emoji, "label": label, "count": count})
                        }).collect::<Vec<_>>().into()
                    },
                })
            })
            .collect();
        json!({ "guild_id": self.guild.to_string(), "statements": rows })
    }
}
