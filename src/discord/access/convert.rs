//! serenity's guilds, roles and channels as the domain's permission model
//! (`crate::domain::access`).

use serenity::all::{
    ChannelType, GuildChannel, PermissionOverwrite, PermissionOverwriteType, Role,
};

use crate::discord::ids::ToDomain;
use crate::domain::access::{Overwrite, OverwriteTarget, Permissions};
use crate::domain::ids::ChannelId;

/// A role's permission bits.
pub fn role(role: &Role) -> Permissions {
    Permissions(role.permissions.bits())
}

fn overwrite(o: &PermissionOverwrite) -> Option<Overwrite> {
    let target = match o.kind {
        PermissionOverwriteType::Role(role) => OverwriteTarget::Role(role.domain()),
        PermissionOverwriteType::Member(user) => OverwriteTarget::Member(user.domain()),
        _ => return None,
    };
    Some(Overwrite {
        target,
        allow: Permissions(o.allow.bits()),
        deny: Permissions(o.deny.bits()),
    })
}

/// What the model keeps of a channel: a thread's parent, or a channel's overwrites.
pub enum ChannelEntry {
    Thread {
        id: ChannelId,
        parent: ChannelId,
    },
    Channel {
        id: ChannelId,
        overwrites: Vec<Overwrite>,
    },
}

/// A channel or thread as the model keeps it (a thread without a parent is skipped: nothing
/// could be computed for it, so it stays unknown and hidden).
pub fn channel(channel: &GuildChannel) -> Option<ChannelEntry> {
    let id = channel.id.domain();
    let is_thread = matches!(
        channel.kind,
        ChannelType::PublicThread | ChannelType::PrivateThread | ChannelType::NewsThread
    );
    if is_thread {
        return channel.parent_id.map(|parent| ChannelEntry::Thread {
            id,
            parent: parent.domain(),
        });
    }
    Some(ChannelEntry::Channel {
        id,
        overwrites: channel
            .permission_overwrites
            .iter()
            .filter_map(overwrite)
            .collect(),
    })
}
