//! The soak's world in the stand-in: 100 servers with their members, and the retros found in
//! their channels. Retros are found by reading the channels as members see them (a header, its
//! statements, its question threads, and later its summary), so scheduled check-ins and retros
//! whose start answer was lost are found the same way as the ones the harness started.

use crate::support::perms;
use crate::support::{MessageView, StandIn};

/// Members per server besides the lead.
pub const MEMBERS: usize = 7;
/// The default template's shape: statements voted 👍/👎 and question threads.
pub const STATEMENTS: usize = 3;
pub const QUESTIONS: usize = 4;
pub const SCALE: [&str; 2] = ["👍", "👎"];

/// One server of the soak.
#[derive(Clone, Debug)]
pub struct Server {
    pub index: usize,
    /// Where the harness starts retros.
    pub channel: u64,
    /// Where a schedule posts check-ins (some servers).
    pub checkins: Option<u64>,
    /// Has Manage Server: starts, closes and schedules.
    pub lead: u64,
    pub members: Vec<u64>,
    /// Retros started here are anonymous.
    pub anonymous: bool,
    /// Retros started here close themselves after a while.
    pub auto_close: bool,
}

impl Server {
    pub fn channels(&self) -> Vec<u64> {
        std::iter::once(self.channel).chain(self.checkins).collect()
    }
}

/// Creates `count` servers: 30 % anonymous, 20 % auto-closing, 10 % with a check-in channel.
pub fn create_servers(discord: &StandIn, count: usize) -> Vec<Server> {
    (0..count)
        .map(|index| {
            let guild = discord.add_guild(&format!("Soak Team {index}"));
            let channel = discord.add_text_channel(guild, "retro");
            let checkins = (index % 10 == 1).then(|| discord.add_text_channel(guild, "checkins"));
            let manager = discord.add_role(guild, "Manager", perms::MANAGE_GUILD);
            let lead = discord.add_member(guild, &format!("Lead{index}"), &[manager]);
            let members = (0..MEMBERS)
                .map(|m| discord.add_member(guild, &format!("Member{index}x{m}"), &[]))
                .collect();
            Server {
                index,

                channel,
                checkins,
                lead,
                members,
                anonymous: index % 10 >= 7,
                auto_close: index % 5 == 0,
            }
        })
        .collect()
}

/// One retro as posted in a channel: from its header up to the next header.
#[derive(Clone, Debug)]
pub struct Posted {
    pub channel: u64,
    pub header: u64,
    pub anonymous: bool,
    /// Statement messages (with their vote buttons when anonymous).
    pub statements: Vec<MessageView>,
    /// (thread id, its first bot message: the question with the Answer button when anonymous).
    pub threads: Vec<(u64, Option<MessageView>)>,
    /// When it closes by itself (unix seconds), from the header.
    pub closes_at: Option<u64>,
    /// The summary's parts, once posted.
    pub summary: Vec<MessageView>,
    /// Every message the bot posted in the channel for this retro (header to next header).
    pub bot_messages: Vec<MessageView>,
}

impl Posted {
    /// Everything was posted: all statements (with buttons when anonymous) and question threads.
    pub fn complete(&self) -> bool {
        self.statements.len() == STATEMENTS
            && (!self.anonymous
                || self
                    .statements
                    .iter()
                    .all(|m| m.custom_ids().len() == SCALE.len()))
            && self.threads.len() == QUESTIONS
            && self.threads.iter().all(|(_, q)| {
                q.as_ref()
                    .is_some_and(|q| !self.anonymous || !q.custom_ids().is_empty())
            })
    }

    pub fn closed(&self) -> bool {
        !self.summary.is_empty()
    }
}

pub fn is_header(m: &MessageView) -> bool {
    m.embeds.first().is_some_and(|e| {
        e["description"]
            .as_str()
            .is_some_and(|d| d.contains("How to take part"))
    })
}

pub fn is_summary(m: &MessageView) -> bool {
    m.embeds
        .first()
        .and_then(|e| e["title"].as_str())
        .is_some_and(|t| t.starts_with("Summary"))
}

/// The `<t:UNIX:R>` closing time in a header.
fn closing_time(header: &MessageView) -> Option<u64> {
    let text = header.text();
    let at = text.find("<t:")? + 3;
    let rest = &text[at..];
    let end = rest.find(":R>")?;
    rest[..end].parse().ok()
}

/// Every retro posted in `channel`, oldest first.
pub fn posted_in(discord: &StandIn, channel: u64) -> Vec<Posted> {
    let bot = discord.bot_user_id();
    let messages: Vec<MessageView> = discord
        .messages(channel)
        .into_iter()
        .filter(|m| m.author_id == bot && !m.ephemeral)
        .collect();
    let threads = discord.threads(channel);
    let headers: Vec<usize> = (0..messages.len())
        .filter(|&i| is_header(&messages[i]))
        .collect();
    let mut out = Vec::new();
    for (n, &at) in headers.iter().enumerate() {
        let end = headers.get(n + 1).copied().unwrap_or(messages.len());
        let segment = &messages[at..end];
        let header = &segment[0];
        let next_header = messages.get(end).map_or(u64::MAX, |m| m.id);
        // Threads after the summary are not this retro's (a later start that failed left them).
        let ends_at = segment
            .iter()
            .find(|m| is_summary(m))
            .map_or(next_header, |m| m.id);
        let own_threads = threads
            .iter()
            .filter(|t| t.id > header.id && t.id < ends_at)
            .map(|t| {
                (
                    t.id,
                    discord
                        .messages(t.id)
                        .into_iter()
                        .find(|m| m.author_id == bot),
                )
            })
            .collect();
        out.push(Posted {
            channel,
            header: header.id,
            anonymous: header.text().contains("anonymous check-in"),
            statements: segment
                .iter()
                .filter(|m| m.content.starts_with("**Statement"))
                .cloned()
                .collect(),
            threads: own_threads,
            closes_at: closing_time(header),
            summary: segment.iter().filter(|m| is_summary(m)).cloned().collect(),
            bot_messages: segment.to_vec(),
        });
    }
    out
}

/// Threads the bot made in `channel` that belong to none of its retros (left by a start that
/// failed and could not remove them).
pub fn leftover_threads(discord: &StandIn, channel: u64, retros: &[Posted]) -> Vec<u64> {
    let bot = discord.bot_user_id();
    discord
        .threads(channel)
        .into_iter()
        .filter(|t| t.owner_id == Some(bot))
        .filter(|t| {
            !retros
                .iter()
                .any(|r| r.threads.iter().any(|(id, _)| *id == t.id))
        })
        .map(|t| t.id)
        .collect()
}
