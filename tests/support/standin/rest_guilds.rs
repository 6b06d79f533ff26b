//! REST handlers for guilds: the guild object, members (paged by id), roles, channels and active
//! threads.

use serde_json::{json, Value};

use super::payloads::{channel_json, guild_json, member_json, role_json};
use super::rest::{checked, Req, Resp};
use super::verify::RestKind;
use super::world::State;

fn id(s: &str) -> Option<u64> {
    s.parse().ok()
}

pub fn guilds(s: &mut State, r: &Req) -> Option<Resp> {
    let segs = r.segs.clone();
    let Some(g) = segs
        .get(1)
        .and_then(|g| id(g))
        .filter(|g| s.guilds.contains_key(g))
    else {
        return Some(Resp::unknown("guild"));
    };
    let guild = s.guilds[&g].clone();
    Some(match &segs[2..] {
        [] => {
            let mut v = guild_json(s, &guild, false);
            if r.q("with_counts") == Some("true") {
                v["approximate_member_count"] = Value::from(guild.members.len());
                v["approximate_presence_count"] = Value::from(0);
            }
            checked(s, RestKind::Guild, v)
        }
        ["members", u] => match id(u).and_then(|u| guild.members.get(&u)) {
            Some(m) => {
                let v = member_json(s, m, true, None);
                checked(s, RestKind::Member, v)
            }
            None => Resp::unknown("member"),
        },
        ["members"] => {
            let limit = r.q_u64("limit").unwrap_or(1).clamp(1, 1000) as usize;
            let after = r.q_u64("after").unwrap_or(0);
            let v: Vec<Value> = guild
                .members
                .range(after + 1..)
                .take(limit)
                .map(|(_, m)| member_json(s, m, true, None))
                .collect();
            checked(s, RestKind::Members, Value::from(v))
        }
        ["roles"] => {
            let v: Vec<Value> = guild.roles.iter().map(role_json).collect();
            checked(s, RestKind::Roles, Value::from(v))
        }
        ["channels"] => {
            let v: Vec<Value> = s
                .channels
                .values()
                .filter(|c| c.guild_id == Some(g) && !c.is_thread())
                .map(|c| channel_json(s, c))
                .collect();
            checked(s, RestKind::GuildChannels, Value::from(v))
        }
        ["threads", "active"] => {
            let threads: Vec<Value> = s
                .channels
                .values()
                .filter(|c| c.guild_id == Some(g) && c.is_thread())
                .map(|c| channel_json(s, c))
                .collect();
            Resp::ok(json!({"threads": threads, "members": []}))
        }
        _ => return None,
    })
}
