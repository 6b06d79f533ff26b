//! The adapter's edge for ids: the domain's own ids (`crate::domain::ids`) to and from
//! serenity's, in this one place.

use serenity::all as serenity_ids;

use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId, RoleId};

macro_rules! convert {
    ($domain:ident, $serenity:ident) => {
        impl From<serenity_ids::$serenity> for $domain {
            fn from(id: serenity_ids::$serenity) -> Self {
                $domain(id.get())
            }
        }

        impl From<$domain> for serenity_ids::$serenity {
            fn from(id: $domain) -> Self {
                serenity_ids::$serenity::new(id.0)
            }
        }
    };
}

convert!(GuildId, GuildId);
convert!(ChannelId, ChannelId);
convert!(MemberId, UserId);
convert!(MessageId, MessageId);
convert!(RoleId, RoleId);

/// A serenity id as the domain's id of the same kind: `command.channel_id.domain()`.
pub trait ToDomain {
    type Id;
    fn domain(self) -> Self::Id;
}

macro_rules! to_domain {
    ($domain:ident, $serenity:ident) => {
        impl ToDomain for serenity_ids::$serenity {
            type Id = $domain;
            fn domain(self) -> $domain {
                $domain(self.get())
            }
        }
    };
}

to_domain!(GuildId, GuildId);
to_domain!(ChannelId, ChannelId);
to_domain!(MemberId, UserId);
to_domain!(MessageId, MessageId);
to_domain!(RoleId, RoleId);
