//! Scheduling check-ins at the start, and the end of the soak: schedules removed, unconfirmed
//! anonymous votes and answers asked again, every open retro closed by its lead and waited for
//! until its summary is posted.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::members::{answer_of, Members, ANSWER_WAIT};
use crate::support::StandIn;
use crate::world::{Posted, Server};

/// How long the bot gets to post every summary once everything was asked to close.
const CLOSE_DEADLINE: Duration = Duration::from_secs(300);

/// The schedule id in "… This is schedule #3; …".
fn schedule_id(text: &str) -> Option<String> {
    let at = text.find("schedule #")? + "schedule #".len();
    let id: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!id.is_empty()).then_some(id)
}

/// Every server with a check-in channel gets a check-in every 2 minutes (75 s long, staggered
/// by server; some anonymous). Returns (server, schedule id).
pub async fn add_schedules(discord: &StandIn, servers: &[Server]) -> Vec<(Server, String)> {
    let mut out = Vec::new();
    for server in servers {
        let Some(channel) = server.checkins else {
            continue;
        };
        let mut options = vec![
            (
                "when",
                json!(format!("{} */2 * * * *", (server.index * 7) % 60)),
            ),
            ("duration", json!("75s")),
            ("title", json!(format!("Check-in {}", server.index))),
        ];
        if server.index % 20 == 11 {
            options.push(("anonymous", json!(true)));
        }
        let id = discord.slash(server.lead, channel, "retro schedule add", &options);
        match answer_of(discord, id, ANSWER_WAIT)
            .await
            .as_ref()
            .and_then(|r| schedule_id(&r.text))
        {
            Some(schedule) => out.push((server.clone(), schedule)),
            None => println!(
                "soak: server {} could not schedule its check-ins",
                server.index
            ),
        }
    }
    println!("soak: {} schedules added", out.len());
    out
}

pub async fn remove_schedules(discord: &StandIn, schedules: &[(Server, String)]) {
    for (server, schedule) in schedules {
        let channel = server.checkins.expect("a check-in channel");
        let id = discord.slash(
            server.lead,
            channel,
            "retro schedule remove",
            &[("schedule", json!(schedule))],
        );
        let removed = answer_of(discord, id, ANSWER_WAIT)
            .await
            .is_some_and(|r| r.text.contains("removed"));
        if !removed {
            println!(
                "soak: schedule {schedule} of server {} was not removed",
                server.index
            );
        }
    }
}

/// Open anonymous retros whose members have unconfirmed votes or answers: the vote is clicked
/// again (its answer tells the vote) and the answer form opened (it shows the answer).
pub async fn resolve_unconfirmed(members: &Arc<Members>) {
    members.read_channels();
    let open: Vec<Posted> = latest_open(&members.posted())
        .into_iter()
        .filter(|p| p.anonymous)
        .collect();
    let mut tasks = tokio::task::JoinSet::new();
    for retro in open {
        let me = members.clone();
        tasks.spawn(async move {
            for (member, statement) in me.ledger.unknown_votes(retro.header) {
                for _ in 0..3 {
                    if me.click_vote(&retro, member, statement, 0).await {
                        break;
                    }
                }
            }
            for (member, question) in me.ledger.unknown_answers(retro.header) {
                me.open_form(&retro, member, question).await;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
}

/// The latest retro of each channel that has no summary yet.
fn latest_open(posted: &HashMap<u64, Vec<Posted>>) -> Vec<Posted> {
    posted
        .values()
        .filter_map(|p| p.last())
        .filter(|p| !p.closed())
        .cloned()
        .collect()
}

/// Asks each channel's lead to close its open retro (again every 30 s while it stays open) until
/// every channel's latest retro has its summary; false if that did not happen in time.
pub async fn close_everything(members: &Arc<Members>) -> bool {
    let began = Instant::now();
    let mut asked: HashMap<u64, Instant> = HashMap::new();
    let lead_of: HashMap<u64, u64> = members
        .servers
        .iter()
        .flat_map(|s| s.channels().into_iter().map(|c| (c, s.lead)))
        .collect();
    loop {
        members.read_channels();
        let open = latest_open(&members.posted());
        if open.is_empty() {
            println!(
                "soak: every retro closed {:.1} s after the end",
                began.elapsed().as_secs_f64()
            );
            return true;
        }
        if began.elapsed() > CLOSE_DEADLINE {
            println!(
                "soak: {} retros still without a summary after {CLOSE_DEADLINE:?}",
                open.len()
            );
            return false;
        }
        for retro in open {
            if asked
                .get(&retro.channel)
                .is_some_and(|at| at.elapsed() < Duration::from_secs(30))
            {
                continue;
            }
            asked.insert(retro.channel, Instant::now());
            members
                .discord
                .slash(lead_of[&retro.channel], retro.channel, "retro close", &[]);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
