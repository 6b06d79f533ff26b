//! Channel access in the stand-in, as Discord documents it: channels carry permission
//! overwrites (role or member, allow and deny); a member's permissions in a channel are the
//! base permissions (@everyone and the member's roles; owner and administrators: all), then
//! @everyone's overwrite, the member's roles' overwrites (denies, then allows, summed), then
//! the member's own; a thread uses its parent's; without View Channel, nothing. Tests change
//! overwrites, roles and role assignments here, and the matching dispatch is sent.

use serde_json::{json, Value};

use super::payloads::{channel_json, member_json, role_json};
use super::world::{ChannelRec, State, KIND_DM, KIND_TEXT};
use super::StandIn;
use crate::support::perms;

/// The overwrite `type` of a role.
pub const OVERWRITE_ROLE: u8 = 0;
/// The overwrite `type` of a member.
pub const OVERWRITE_MEMBER: u8 = 1;

/// One entry of a channel's `permission_overwrites`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverwriteRec {
    /// A role id (type 0) or user id (type 1).
    pub id: u64,
    pub kind: u8,
    pub allow: u64,
    pub deny: u64,
}

impl OverwriteRec {
    pub fn role(id: u64, allow: u64, deny: u64) -> OverwriteRec {
        OverwriteRec {
            id,
            kind: OVERWRITE_ROLE,
            allow,
            deny,
        }
    }

    pub fn member(id: u64, allow: u64, deny: u64) -> OverwriteRec {
        OverwriteRec {
            id,
            kind: OVERWRITE_MEMBER,
            allow,
            deny,
        }
    }

    /// A member overwrite that gives exactly `permissions` (how tests set the bot's).
    pub fn exactly(member: u64, permissions: u64) -> OverwriteRec {
        OverwriteRec::member(member, permissions, perms::ALL & !permissions)
    }

    pub fn json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "type": self.kind,
            "allow": self.allow.to_string(),
            "deny": self.deny.to_string(),
        })
    }
}

impl State {
    /// `user`'s permissions in `channel` (a thread: its parent's), computed as Discord does.
    /// DMs: what a fresh server's @everyone may do (there are no overwrites in DMs).
    pub fn permissions_in(&self, channel: u64, user: u64) -> u64 {
        let Some(ch) = self.channels.get(&channel) else {
            return 0;
        };
        if ch.kind == KIND_DM {
            return perms::BOT_DEFAULT;
        }
        let ch = match (ch.is_thread(), ch.parent_id) {
            (true, Some(parent)) => match self.channels.get(&parent) {
                Some(parent) => parent,
                None => return 0,
            },
            (true, None) => return 0,
            _ => ch,
        };
        let Some(guild) = ch.guild_id else {
            return 0;
        };
        let base = self.member_permissions(guild, user);
        if base & perms::ADMINISTRATOR != 0 {
            return perms::ALL;
        }
        let roles: Vec<u64> = self
            .guilds
            .get(&guild)
            .and_then(|g| g.members.get(&user))
            .map(|m| m.roles.clone())
            .unwrap_or_default();
        let find = |kind: u8, id: u64| ch.overwrites.iter().find(|o| o.kind == kind && o.id == id);
        let mut p = base;
        if let Some(o) = find(OVERWRITE_ROLE, guild) {
            p = (p & !o.deny) | o.allow;
        }
        let (mut allow, mut deny) = (0, 0);
        for role in roles.iter().filter(|r| **r != guild) {
            if let Some(o) = find(OVERWRITE_ROLE, *role) {
                allow |= o.allow;
                deny |= o.deny;
            }
        }
        p = (p & !deny) | allow;
        if let Some(o) = find(OVERWRITE_MEMBER, user) {
            p = (p & !o.deny) | o.allow;
        }
        if p & perms::VIEW_CHANNEL == 0 {
            return 0;
        }
        p
    }

    /// The bot's permissions in a channel.
    pub fn bot_perms_in(&self, channel: u64) -> u64 {
        self.permissions_in(channel, self.bot.id)
    }

    /// Replaces the overwrite for (`kind`, `id`) in a channel (None removes it) and dispatches
    /// CHANNEL_UPDATE. Threads have no overwrites of their own.
    pub fn set_overwrite(
        &mut self,
        channel: u64,
        kind: u8,
        id: u64,
        overwrite: Option<OverwriteRec>,
    ) {
        let ch = self
            .channels
            .get_mut(&channel)
            .expect("set_overwrite: unknown channel");
        assert!(!ch.is_thread(), "threads use their parent's overwrites");
        ch.overwrites.retain(|o| !(o.kind == kind && o.id == id));
        ch.overwrites.extend(overwrite);
        self.dispatch_channel_update(channel);
    }

    fn dispatch_channel_update(&mut self, channel: u64) {
        let ch: &ChannelRec = &self.channels[&channel];
        let d = channel_json(self, ch);
        let guild = ch.guild_id;
        self.dispatch(guild, "CHANNEL_UPDATE", d);
    }
}

impl StandIn {
    /// A text channel that @everyone cannot see and members of `roles` (and the bot) can:
    /// Discord's "private channel".
    pub fn add_private_channel(&self, guild: u64, name: &str, roles: &[u64]) -> u64 {
        self.shared().with(|s| {
            assert!(
                s.guilds.contains_key(&guild),
                "add_private_channel: unknown guild"
            );
            let id = s.add_channel(Some(guild), name, KIND_TEXT);
            let ch = s.channels.get_mut(&id).expect("just added");
            ch.overwrites
                .push(OverwriteRec::role(guild, 0, perms::VIEW_CHANNEL));
            for role in roles {
                ch.overwrites
                    .push(OverwriteRec::role(*role, perms::VIEW_CHANNEL, 0));
            }
            let d = channel_json(s, &s.channels[&id]);
            s.dispatch(Some(guild), "CHANNEL_CREATE", d);
            id
        })
    }

    /// Sets a role's overwrite in a channel (None removes it); dispatches CHANNEL_UPDATE.
    pub fn set_role_overwrite(&self, channel: u64, role: u64, allow_deny: Option<(u64, u64)>) {
        self.shared().with(|s| {
            let overwrite = allow_deny.map(|(allow, deny)| OverwriteRec::role(role, allow, deny));
            s.set_overwrite(channel, OVERWRITE_ROLE, role, overwrite);
        });
    }

    /// Sets a member's overwrite in a channel (None removes it); dispatches CHANNEL_UPDATE.
    pub fn set_member_overwrite(&self, channel: u64, member: u64, allow_deny: Option<(u64, u64)>) {
        self.shared().with(|s| {
            let overwrite =
                allow_deny.map(|(allow, deny)| OverwriteRec::member(member, allow, deny));
            s.set_overwrite(channel, OVERWRITE_MEMBER, member, overwrite);
        });
    }

    /// A channel's overwrites as the API lists them.
    pub fn overwrites(&self, channel: u64) -> Vec<OverwriteRec> {
        self.shared()
            .read(|s| s.channels[&channel].overwrites.clone())
    }

    /// Changes a role's permissions; dispatches GUILD_ROLE_UPDATE.
    pub fn set_role_permissions(&self, guild: u64, role: u64, permissions: u64) {
        self.shared().with(|s| {
            let g = s
                .guilds
                .get_mut(&guild)
                .expect("set_role_permissions: unknown guild");
            let r = g
                .roles
                .iter_mut()
                .find(|r| r.id == role)
                .expect("unknown role");
            r.permissions = permissions;
            let d = json!({"guild_id": guild.to_string(), "role": role_json(r)});
            s.dispatch(Some(guild), "GUILD_ROLE_UPDATE", d);
        });
    }

    /// Gives a member exactly `roles`; dispatches GUILD_MEMBER_UPDATE (which Discord sends
    /// only to sessions with the GUILD_MEMBERS intent, or about the bot itself).
    pub fn set_member_roles(&self, guild: u64, member: u64, roles: &[u64]) {
        self.shared().with(|s| {
            let g = s
                .guilds
                .get_mut(&guild)
                .expect("set_member_roles: unknown guild");
            let m = g
                .members
                .get_mut(&member)
                .expect("set_member_roles: not a member");
            m.roles = roles.to_vec();
            let m = m.clone();
            let mut d = member_json(s, &m, true, None);
            d["guild_id"] = Value::from(guild.to_string());
            s.dispatch(Some(guild), "GUILD_MEMBER_UPDATE", d);
        });
    }

    /// `user`'s permissions in `channel` as Discord computes them.
    pub fn permissions_of(&self, channel: u64, user: u64) -> u64 {
        self.shared().read(|s| s.permissions_in(channel, user))
    }

    /// Whether `user` has View Channel in `channel`.
    pub fn can_view(&self, channel: u64, user: u64) -> bool {
        self.permissions_of(channel, user) & perms::VIEW_CHANNEL != 0
    }
}

impl StandIn {
    /// The roles `user` has in `guild`.
    pub fn member_roles(&self, guild: u64, user: u64) -> Vec<u64> {
        self.shared()
            .read(|s| s.guilds[&guild].members.get(&user).map(|m| m.roles.clone()))
            .unwrap_or_default()
    }

    /// The owner of `guild`.
    pub fn guild_owner(&self, guild: u64) -> u64 {
        self.shared().read(|s| s.guilds[&guild].owner_id)
    }
}
