//! One server's permission data (owner, roles, channels with their permission overwrites,
//! threads with their parent) kept current from what gateway events deliver, and a member's
//! permissions in a channel computed exactly as Discord documents it. Pure: the Discord
//! adapter converts events into the update calls and asks [`GuildAccess::can_view`].

use std::collections::HashMap;

use super::ids::{ChannelId, GuildId, MemberId, RoleId};

/// A set of Discord permission bits, as in the API's `permissions` strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Permissions(pub u64);

impl Permissions {
    pub const NONE: Permissions = Permissions(0);
    pub const ADMINISTRATOR: Permissions = Permissions(1 << 3);
    pub const MANAGE_GUILD: Permissions = Permissions(1 << 5);
    pub const VIEW_CHANNEL: Permissions = Permissions(1 << 10);
    pub const SEND_MESSAGES: Permissions = Permissions(1 << 11);
    pub const READ_MESSAGE_HISTORY: Permissions = Permissions(1 << 16);
    pub const SEND_MESSAGES_IN_THREADS: Permissions = Permissions(1 << 38);
    /// Every permission (what the owner and administrators have). Discord defines bits up to
    /// 1 << 50 today; unknown future bits are included so "all" stays all.
    pub const ALL: Permissions = Permissions(u64::MAX);

    pub fn contains(self, other: Permissions) -> bool {
        self.0 & other.0 == other.0
    }

    /// Parses the decimal string Discord sends (`"1024"`); None if it is not one.
    pub fn from_api(text: &str) -> Option<Permissions> {
        text.trim().parse().ok().map(Permissions)
    }

    fn allow_deny(self, allow: Permissions, deny: Permissions) -> Permissions {
        Permissions((self.0 & !deny.0) | allow.0)
    }
}

impl std::ops::BitOr for Permissions {
    type Output = Permissions;
    fn bitor(self, rhs: Permissions) -> Permissions {
        Permissions(self.0 | rhs.0)
    }
}

/// Whom a permission overwrite applies to (the API's overwrite `type`: 0 role, 1 member).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OverwriteTarget {
    Role(RoleId),
    Member(MemberId),
}

/// One entry of a channel's `permission_overwrites`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overwrite {
    pub target: OverwriteTarget,
    pub allow: Permissions,
    pub deny: Permissions,
}

/// What the model keeps of a channel: its own overwrites, or (a thread) its parent channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChannelAccess {
    /// A text channel (or any non-thread channel) with its permission overwrites.
    Channel { overwrites: Vec<Overwrite> },
    /// A thread: Discord applies its parent channel's permissions.
    Thread { parent: ChannelId },
}

/// A server's permission data as GUILD_CREATE delivers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuildSnapshot {
    pub guild_id: GuildId,
    pub owner_id: MemberId,
    /// Every role with its permission bits; @everyone's role id equals the guild id.
    pub roles: Vec<(RoleId, Permissions)>,
    /// Every channel with its overwrites.
    pub channels: Vec<(ChannelId, Vec<Overwrite>)>,
    /// Active threads with their parent channel.
    pub threads: Vec<(ChannelId, ChannelId)>,
}

/// One server's permission data, kept current by the update methods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuildAccess {
    guild_id: GuildId,
    owner_id: MemberId,
    roles: HashMap<RoleId, Permissions>,
    channels: HashMap<ChannelId, ChannelAccess>,
}

impl GuildAccess {
    /// The model of a server from its GUILD_CREATE (replaces whatever was known before).
    pub fn from_guild(snapshot: GuildSnapshot) -> GuildAccess {
        let mut access = GuildAccess {
            guild_id: snapshot.guild_id,
            owner_id: snapshot.owner_id,
            roles: snapshot.roles.into_iter().collect(),
            channels: HashMap::new(),
        };
        for (id, overwrites) in snapshot.channels {
            access.upsert_channel(id, overwrites);
        }
        for (id, parent) in snapshot.threads {
            access.upsert_thread(id, parent);
        }
        access
    }

    pub fn guild_id(&self) -> GuildId {
        self.guild_id
    }

    pub fn owner_id(&self) -> MemberId {
        self.owner_id
    }

    /// GUILD_UPDATE: ownership moved.
    pub fn set_owner(&mut self, owner_id: MemberId) {
        self.owner_id = owner_id;
    }

    /// GUILD_ROLE_CREATE / GUILD_ROLE_UPDATE.
    pub fn upsert_role(&mut self, role: RoleId, permissions: Permissions) {
        self.roles.insert(role, permissions);
    }

    /// GUILD_ROLE_DELETE: the role grants nothing any more (members may still list it until
    /// their own update arrives; an unknown role counts as no permissions).
    pub fn remove_role(&mut self, role: RoleId) {
        self.roles.remove(&role);
    }

    /// CHANNEL_CREATE / CHANNEL_UPDATE of a non-thread channel: its overwrites replace the old.
    pub fn upsert_channel(&mut self, channel: ChannelId, overwrites: Vec<Overwrite>) {
        self.channels
            .insert(channel, ChannelAccess::Channel { overwrites });
    }

    /// CHANNEL_DELETE: the channel and every thread in it are gone.
    pub fn remove_channel(&mut self, channel: ChannelId) {
        self.channels.remove(&channel);
        self.channels
            .retain(|_, c| !matches!(c, ChannelAccess::Thread { parent } if *parent == channel));
    }

    /// THREAD_CREATE / THREAD_UPDATE (and threads listed in GUILD_CREATE or THREAD_LIST_SYNC).
    pub fn upsert_thread(&mut self, thread: ChannelId, parent: ChannelId) {
        self.channels
            .insert(thread, ChannelAccess::Thread { parent });
    }

    /// THREAD_DELETE.
    pub fn remove_thread(&mut self, thread: ChannelId) {
        if matches!(
            self.channels.get(&thread),
            Some(ChannelAccess::Thread { .. })
        ) {
            self.channels.remove(&thread);
        }
    }

    /// What the model knows of a channel or thread.
    pub fn channel(&self, channel: ChannelId) -> Option<&ChannelAccess> {
        self.channels.get(&channel)
    }

    /// A member's permissions in the server before channel overwrites: @everyone's permissions
    /// and those of the member's roles; the owner and administrators have all.
    pub fn base_permissions(&self, member: MemberId, member_roles: &[RoleId]) -> Permissions {
        if member == self.owner_id {
            return Permissions::ALL;
        }
        let everyone = RoleId(self.guild_id.get());
        let mut permissions = self.role_permissions(everyone);
        for role in member_roles {
            permissions = permissions | self.role_permissions(*role);
        }
        if permissions.contains(Permissions::ADMINISTRATOR) {
            return Permissions::ALL;
        }
        permissions
    }

    /// A member's permissions in a channel (a thread: its parent's), as Discord computes them:
    /// base permissions; all if administrator or owner; then @everyone's overwrite, then the
    /// member's roles' overwrites (denies summed, allows summed), then the member's own; and
    /// without View Channel nothing at all. An unknown channel gives nothing.
    pub fn permissions_in(
        &self,
        member: MemberId,
        member_roles: &[RoleId],
        channel: ChannelId,
    ) -> Permissions {
        let Some(overwrites) = self.overwrites_of(channel) else {
            return Permissions::NONE;
        };
        let base = self.base_permissions(member, member_roles);
        if base.contains(Permissions::ADMINISTRATOR) {
            return Permissions::ALL;
        }
        let find = |target: OverwriteTarget| overwrites.iter().find(|o| o.target == target);
        let everyone = RoleId(self.guild_id.get());
        let mut permissions = base;
        if let Some(o) = find(OverwriteTarget::Role(everyone)) {
            permissions = permissions.allow_deny(o.allow, o.deny);
        }
        let (mut allow, mut deny) = (Permissions::NONE, Permissions::NONE);
        for role in member_roles.iter().filter(|r| **r != everyone) {
            if let Some(o) = find(OverwriteTarget::Role(*role)) {
                allow = allow | o.allow;
                deny = deny | o.deny;
            }
        }
        permissions = permissions.allow_deny(allow, deny);
        if let Some(o) = find(OverwriteTarget::Member(member)) {
            permissions = permissions.allow_deny(o.allow, o.deny);
        }
        if !permissions.contains(Permissions::VIEW_CHANNEL) {
            return Permissions::NONE;
        }
        permissions
    }

    /// Whether the member has View Channel in the channel (or the thread's parent).
    pub fn can_view(&self, member: MemberId, member_roles: &[RoleId], channel: ChannelId) -> bool {
        self.permissions_in(member, member_roles, channel)
            .contains(Permissions::VIEW_CHANNEL)
    }

    fn role_permissions(&self, role: RoleId) -> Permissions {
        self.roles.get(&role).copied().unwrap_or_default()
    }

    /// The overwrites that apply in `channel`: its own, or a thread's parent's.
    fn overwrites_of(&self, channel: ChannelId) -> Option<&[Overwrite]> {
        match self.channels.get(&channel)? {
            ChannelAccess::Channel { overwrites } => Some(overwrites),
            ChannelAccess::Thread { parent } => match self.channels.get(parent)? {
                ChannelAccess::Channel { overwrites } => Some(overwrites),
                ChannelAccess::Thread { .. } => None,
            },
        }
    }
}

#[cfg(test)]
mod tests;
