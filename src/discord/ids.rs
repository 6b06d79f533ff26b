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
