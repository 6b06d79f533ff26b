//! World mutations shared by REST handlers and test actions: guilds, channels, messages,
//! reactions and threads change here, and the matching gateway dispatch is sent (unless `dispatch` is false).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::access::OverwriteRec;
use super::payloads::{channel_json, message_json, reaction_event_json};
use super::world::{
    now_ms, ChannelRec, GuildRec, MemberRec, MessageRec, RoleRec, State, UserRec, KIND_DM,
    KIND_TEXT,
};
use crate::support::perms;

impl State {
    pub fn add_guild(&mut self, id: u64, name: &str) {
        let everyone = RoleRec {
            id,
            name: "@everyone".into(),
            permissions: perms::EVERYONE_DEFAULT,
            position: 0,
            managed: false,
        };
        let bot_role_id = self.next_id();
        let bot_role = RoleRec {
            id: bot_role_id,
            name: self.bot.name.clone(),
            permissions: perms::BOT_DEFAULT,
            position: 1,
            managed: true,
        };
        let mut members = BTreeMap::new();
        let joined_ms = now_ms();
        members.insert(
            self.bot.id,
            MemberRec {
                user_id: self.bot.id,
                roles: vec![bot_role_id],
                joined_ms,
            },
        );
        let owner_id = self.next_id();
        self.users.insert(
            owner_id,
            UserRec {
                id: owner_id,
                name: "Owner".into(),
                bot: false,
            },
        );
        members.insert(
            owner_id,
            MemberRec {
                user_id: owner_id,
                roles: vec![],
                joined_ms,
            },
        );
        let guild = GuildRec {
            id,
            name: name.to_string(),
            owner_id,
            roles: vec![everyone, bot_role],
            members,
            joined_ms,
            preferred_locale: "en-US".into(),
        };
        self.guilds.insert(id, guild);
    }

    pub fn add_channel(&mut self, guild: Option<u64>, name: &str, kind: u8) -> u64 {
        let id = self.next_id();
        let overwrites = match guild {
            // The bot's permissions in a new channel, as a member overwrite.
            Some(_) => vec![OverwriteRec::exactly(self.bot.id, perms::BOT_DEFAULT)],
            None => Vec::new(),
        };
        let position = self
            .channels
            .values()
            .filter(|c| c.guild_id == guild)
            .count() as u64;
        self.channels.insert(
            id,
            ChannelRec {
                id,
                guild_id: guild,
                name: name.to_string(),
                kind,
                parent_id: None,
                owner_id: None,
                overwrites,
                thread_members: Vec::new(),
                auto_archive: 1440,
                message_count: 0,
                total_sent: 0,
                recipient: None,
                last_message_id: None,
                position,
            },
        );
        id
    }

    /// The DM channel between the bot and `user`, created on first use.
    pub fn dm_channel(&mut self, user: u64) -> u64 {
        if let Some(c) = self
            .channels
            .values()
            .find(|c| c.kind == KIND_DM && c.recipient == Some(user))
        {
            return c.id;
        }
        let id = self.add_channel(None, "", KIND_DM);
        let ch = self.channels.get_mut(&id).expect("just added");
        ch.recipient = Some(user);
        id
    }

    /// Stores a new message; dispatches MESSAGE_CREATE (never for ephemeral messages).
    pub fn put_message(&mut self, msg: MessageRec, dispatch: bool) -> u64 {
        let id = msg.id;
        let channel = msg.channel_id;
        let ephemeral = msg.is_ephemeral();
        self.messages.insert(id, msg);
        if ephemeral {
            return id;
        }
        if let Some(ch) = self.channels.get_mut(&channel) {
            ch.last_message_id = Some(id);
            if ch.is_thread() {
                ch.message_count += 1;
                ch.total_sent += 1;
            }
        }
        if dispatch {
            let guild = self.guild_of(channel);
            let d = message_json(self, &self.messages[&id], true);
            self.dispatch(guild, "MESSAGE_CREATE", d);
        }
        id
    }

    /// Applies an edit and dispatches MESSAGE_UPDATE (full message, as Discord now does).
    pub fn edit_message_with(
        &mut self,
        id: u64,
        dispatch: bool,
        f: impl FnOnce(&mut MessageRec),
    ) -> bool {
        let Some(m) = self.messages.get_mut(&id) else {
            return false;
        };
        f(m);
        m.edited_ms = Some(now_ms());
        let (channel, ephemeral) = (m.channel_id, m.is_ephemeral());
        if dispatch && !ephemeral {
            let guild = self.guild_of(channel);
            let d = message_json(self, &self.messages[&id], true);
            self.dispatch(guild, "MESSAGE_UPDATE", d);
        }
        true
    }

    pub fn remove_message(&mut self, id: u64, dispatch: bool) -> bool {
        let Some(m) = self.messages.remove(&id) else {
            return false;
        };
        if m.is_ephemeral() {
            return true;
        }
        if let Some(ch) = self.channels.get_mut(&m.channel_id) {
            if ch.is_thread() {
                ch.message_count = ch.message_count.saturating_sub(1);
            }
        }
        if dispatch {
            let guild = self.guild_of(m.channel_id);
            let mut d = json!({"id": id.to_string(), "channel_id": m.channel_id.to_string()});
            if let Some(g) = guild {
                d["guild_id"] = Value::from(g.to_string());
            }
            self.dispatch(guild, "MESSAGE_DELETE", d);
        }
        true
    }

    /// Adds `user`'s reaction; false (and no event) if it was already there.
    pub fn add_reaction(&mut self, msg: u64, user: u64, emoji: &str, dispatch: bool) -> bool {
        let Some(m) = self.messages.get_mut(&msg) else {
            return false;
        };
        match m.reactions.iter_mut().find(|(e, _)| e == emoji) {
            Some((_, users)) if users.contains(&user) => return false,
            Some((_, users)) => users.push(user),
            None => m.reactions.push((emoji.to_string(), vec![user])),
        }
        let channel = m.channel_id;
        if dispatch {
            let guild = self.guild_of(channel);
            let d = reaction_event_json(self, &self.messages[&msg], user, emoji, true);
            self.dispatch(guild, "MESSAGE_REACTION_ADD", d);
        }
        true
    }

    /// Removes `user`'s reaction; false (and no event) if there was none.
    pub fn remove_reaction(&mut self, msg: u64, user: u64, emoji: &str, dispatch: bool) -> bool {
        let Some(m) = self.messages.get_mut(&msg) else {
            return false;
        };
        let Some(idx) = m.reactions.iter().position(|(e, _)| e == emoji) else {
            return false;
        };
        let users = &mut m.reactions[idx].1;
        let Some(pos) = users.iter().position(|u| *u == user) else {
            return false;
        };
        users.remove(pos);
        if users.is_empty() {
            m.reactions.remove(idx);
        }
        let channel = m.channel_id;
        if dispatch {
            let guild = self.guild_of(channel);
            let d = reaction_event_json(self, &self.messages[&msg], user, emoji, false);
            self.dispatch(guild, "MESSAGE_REACTION_REMOVE", d);
        }
        true
    }

    /// Creates a thread (id = starter message id when started from a message), adds the creator
    /// as a member, dispatches THREAD_CREATE, and for a thread without a starter message posts
    /// Discord's "started a thread" notice (type 18) in the parent channel.
    pub fn create_thread(
        &mut self,
        parent: u64,
        name: &str,
        kind: u8,
        starter: Option<u64>,
        owner: u64,
        auto_archive: u64,
    ) -> u64 {
        let id = match starter {
            Some(m) => m,
            None => self.next_id(),
        };
        let guild = self.guild_of(parent);
        let ch = ChannelRec {
            id,
            guild_id: guild,
            name: name.to_string(),
            kind,
            parent_id: Some(parent),
            owner_id: Some(owner),
            overwrites: Vec::new(),
            thread_members: vec![owner],
            auto_archive,
            message_count: 0,
            total_sent: 0,
            recipient: None,
            last_message_id: None,
            position: 0,
        };
        self.channels.insert(id, ch);
        if let Some(m) = starter.and_then(|m| self.messages.get_mut(&m)) {
            m.thread_id = Some(id);
        }
        let mut d = channel_json(self, &self.channels[&id]);
        d["newly_created"] = Value::from(true);
        self.dispatch(guild, "THREAD_CREATE", d);
        let parent_is_text = self
            .channels
            .get(&parent)
            .is_some_and(|c| c.kind == KIND_TEXT);
        if starter.is_none() && parent_is_text {
            let notice_id = self.next_id();
            let mut notice = MessageRec::new(notice_id, parent, owner, name);
            notice.kind = 18;
            notice.reference = Some(json!({
                "type": 0,
                "channel_id": id.to_string(),
                "guild_id": guild.map(|g| g.to_string()),
            }));
            self.put_message(notice, true);
        }
        id
    }

    /// Deletes a channel or thread with its messages and threads; dispatches THREAD_DELETE /
    /// CHANNEL_DELETE.
    pub fn delete_channel(&mut self, id: u64) -> Option<Value> {
        let ch = self.channels.get(&id)?.clone();
        let json = channel_json(self, &ch);
        let children: Vec<u64> = self
            .channels
            .values()
            .filter(|c| c.parent_id == Some(id))
            .map(|c| c.id)
            .collect();
        for child in children {
            self.delete_channel(child);
        }
        self.channels.remove(&id);
        self.messages.retain(|_, m| m.channel_id != id);
        if ch.is_thread() {
            let d = json!({
                "id": id.to_string(),
                "guild_id": ch.guild_id.map(|g| g.to_string()),
                "parent_id": ch.parent_id.map(|p| p.to_string()),
                "type": ch.kind,
            });
            self.dispatch(ch.guild_id, "THREAD_DELETE", d);
        } else {
            self.dispatch(ch.guild_id, "CHANNEL_DELETE", json.clone());
        }
        Some(json)
    }
}
