//! The one reminder a retro gets before it closes: participation so far and, with a team role,
//! "6 of 9 have voted" and a mention of the team members who have not voted yet.

use std::collections::HashSet;

use serenity::all::{ChannelId, CreateAllowedMentions, CreateMessage, Nonce, UserId};

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::render::{jump_link, CONTENT_LIMIT};
use crate::discord::rest::RestError;
use crate::discord::{language, people, words};
use crate::domain::ids::{GuildId, MemberId, RoleId};
use crate::domain::member_text;
use crate::store::DueReminder;
use crate::tr;

/// Longest retro name in a reminder (escaped), leaving room for the link and the counts.
const TITLE_CHARS: usize = 400;
/// Most users one message may ping (Discord's limit for `allowed_mentions.users`).
const MENTIONS_PER_MESSAGE: usize = 100;

/// Posts the reminder of `due` in its channel.
pub async fn post_reminder(bot: &Bot, due: &DueReminder) -> Result<(), RestError> {
    let retro = &due.retro;
    let voters: HashSet<MemberId> = bot
        .store
        .voters(retro.id)
        .await
        .unwrap_or_default()
        .into_iter()
        .collect();
    let replies = bot
        .store
        .participation(retro.id)
        .await
        .map(|p| p.replies)
        .unwrap_or(0);
    let team = match due.team_role_id {
        Some(role) => match team_members(bot, retro.guild_id, role).await {
            Ok(members) => Some(members),
            Err(e) => {
                tracing::warn!(retro = %retro.id, error = %e, "cannot list the team role's members (is the Server Members intent enabled?)");
                None
            }
        },
        None => None,
    };
    // An anonymous retro knows how many voted, never who: counts only, nobody is named.
    let participants = bot
        .store
        .participation(retro.id)
        .await
        .map(|p| p.voters)
        .unwrap_or(0) as usize;
    let voted = match &team {
        _ if retro.participation.is_anonymous() => team
            .as_ref()
            .map_or(participants, |t| participants.min(t.len())),
        Some(members) => members.iter().filter(|m| voters.contains(m)).count(),
        None => voters.len(),
    };
    // A post in the retro's channel: in the retro's language.
    let lang = language::of_retro(retro);
    let closes = retro
        .closes_at
        .map(|at| {
            tr!(
                lang,
                "remind-closes",
                when = format!("<t:{}:R>", at.timestamp())
            )
        })
        .unwrap_or_default();
    let head = tr!(
        lang,
        "remind-head",
        title = member_text::inline_within(&retro.display_name(), TITLE_CHARS),
        link = jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
        closes = closes,
        participation = words::participation(lang, voted, team.as_ref().map(Vec::len)),
        replies = replies,
    );
    let waiting: Vec<MemberId> = team
        .filter(|_| !retro.participation.is_anonymous())
        .unwrap_or_default()
        .into_iter()
        .filter(|m| !voters.contains(m))
        .collect();
    let channel = ChannelId::from(retro.channel_id);
    let mut parts = vec![(head, Vec::new())];
    if !waiting.is_empty() {
        parts.extend(mention_messages(&lang.t("remind-still-to-vote"), &waiting));
    }
    for (part, (text, users)) in parts.into_iter().enumerate() {
        let mentions = CreateAllowedMentions::new().users(users.iter().map(|u| UserId::from(*u)));
        // The nonce makes a repeated post (a retry, a crash before it was marked sent) return
        // the first message.
        let nonce = Nonce::String(format!("r{}m{part}", retro.id.0));
        bot.rest
            .create_message(
                channel,
                &CreateMessage::new()
                    .content(text)
                    .allowed_mentions(mentions)
                    .nonce(nonce)
                    .enforce_nonce(true),
            )
            .await?;
    }
    tracing::info!(retro = %retro.id, voted, waiting = waiting.len(), "reminder posted");
    Ok(())
}

/// The members of `role` in `guild` (humans only), by paging through the member list.
async fn team_members(bot: &Bot, guild: GuildId, role: RoleId) -> Result<Vec<MemberId>, RestError> {
    let mut members = Vec::new();
    let mut after = None;
    loop {
        let page = bot.rest.guild_members(guild.into(), after).await?;
        let full = page.len() >= 1000;
        after = page.last().map(|m| m.user.id);
        members.extend(
            page.iter()
                .filter(|m| people::is_member(bot, &m.user) && m.roles.contains(&role.into()))
                .map(|m| m.user.id.domain()),
        );
        if !full {
            return Ok(members);
        }
    }
}

/// Mentions of `users` after `lead`, split so no message exceeds the content limit or pings
/// more than Discord allows.
fn mention_messages(lead: &str, users: &[MemberId]) -> Vec<(String, Vec<MemberId>)> {
    let mut messages = Vec::new();
    let mut text = lead.to_string();
    let mut batch = Vec::new();
    for user in users {
        let mention = format!(" <@{user}>");
        if batch.len() == MENTIONS_PER_MESSAGE || text.len() + mention.len() > CONTENT_LIMIT {
            messages.push((
                std::mem::replace(&mut text, lead.to_string()),
                std::mem::take(&mut batch),
            ));
        }
        text.push_str(&mention);
        batch.push(*user);
    }
    messages.push((text, batch));
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_split_by_count_and_length() {
        let users: Vec<MemberId> = (0..250)
            .map(|i| MemberId(1_000_000_000_000_000_000 + i))
            .collect();
        let messages = mention_messages("Still to vote:", &users);
        assert!(messages.iter().all(
            |(text, batch)| text.len() <= CONTENT_LIMIT && batch.len() <= MENTIONS_PER_MESSAGE
        ));
        let all: Vec<MemberId> = messages.iter().flat_map(|(_, b)| b.clone()).collect();
        assert_eq!(all, users);
        assert!(messages
            .iter()
            .all(|(text, batch)| batch.iter().all(|u| text.contains(&u.to_string()))));
    }
}
