//! Discord's ids as the domain names them: a server, a channel (or thread), a member (or any
//! user) and a message. They are plain snowflakes inside, but each kind is its own type so a
//! channel id can never be passed where a member id belongs. The Discord adapter converts them
//! to and from serenity's ids in one place; the store writes them as integers.

use std::fmt;

/// Anything that is a snowflake inside: the domain's ids, and a bare `u64`.
pub trait Snowflake: Copy {
    /// The raw snowflake.
    fn raw(self) -> u64;
    /// The id of `raw`.
    fn from_raw(raw: u64) -> Self;
}

impl Snowflake for u64 {
    fn raw(self) -> u64 {
        self
    }

    fn from_raw(raw: u64) -> Self {
        raw
    }
}

macro_rules! snowflake {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u64);

        impl $name {
            /// The raw snowflake.
            pub fn get(self) -> u64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<u64> for $name {
            fn from(raw: u64) -> Self {
                $name(raw)
            }
        }

        impl Snowflake for $name {
            fn raw(self) -> u64 {
                self.0
            }

            fn from_raw(raw: u64) -> Self {
                $name(raw)
            }
        }
    };
}

snowflake!(
    /// A Discord server (guild).
    GuildId
);
snowflake!(
    /// A channel or a thread.
    ChannelId
);
snowflake!(
    /// A user: a member of a server, or the bot itself.
    MemberId
);
snowflake!(
    /// A message.
    MessageId
);
snowflake!(
    /// A server role.
    RoleId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_as_their_snowflake_and_compare_by_value() {
        let a = ChannelId::from(42);
        assert_eq!(a.to_string(), "42");
        assert_eq!(a.get(), 42);
        assert!(MemberId(1) < MemberId(2));
    }
}
