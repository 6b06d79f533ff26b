//! The one question commands, autocomplete, buttons and forms ask before they name, list or
//! act on anything of a channel: may this member see it? Answered from the cached permission
//! data and the member's roles as the interaction carries them (no member fetch, no
//! GUILD_MEMBERS intent), the way Discord computes View Channel.

use serenity::all::{ChannelType, CommandInteraction, GuildId, Member, PartialChannel};

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::domain::access::GuildAccess;
use crate::domain::ids::{
    ChannelId as DomainChannelId, GuildId as DomainGuildId, MemberId, RoleId,
};
use crate::domain::retro::Retro;
use crate::i18n::Language;

/// One member of one server, with what is known of the server's channels.
#[derive(Clone, Debug)]
pub struct Viewer {
    guild: DomainGuildId,
    member: MemberId,
    roles: Vec<RoleId>,
    access: Option<GuildAccess>,
}

impl Viewer {
    /// Whether the member has View Channel in `channel` (a thread: its parent's). Unknown
    /// channels, and servers whose permission data could not be read, show nothing.
    pub fn can_view(&self, channel: DomainChannelId) -> bool {
        self.access
            .as_ref()
            .is_some_and(|a| a.can_view(self.member, &self.roles, channel))
    }

    /// Whether `retro` belongs to this server and to a channel the member can see.
    pub fn can_see(&self, retro: &Retro) -> bool {
        retro.guild_id == self.guild && self.can_view(retro.channel_id)
    }

    /// The server the member is in.
    pub fn guild(&self) -> DomainGuildId {
        self.guild
    }
}

/// The caller of a command (or autocomplete request) as a [`Viewer`]. Outside a server (no
/// guild) the viewer sees nothing.
pub async fn viewer(bot: &Bot, command: &CommandInteraction) -> Viewer {
    match (command.guild_id, command.member.as_deref()) {
        (Some(guild), Some(member)) => {
            viewer_of(bot, guild, member, command.channel.as_ref()).await
        }
        _ => Viewer {
            guild: DomainGuildId(0),
            member: command.user.id.domain(),
            roles: Vec::new(),
            access: None,
        },
    }
}

/// A server member who interacted in `here` (the interaction's channel, if Discord sent it).
/// The channel the interaction came from is one the member sees; if the cache does not know
/// it (a thread that was archived, a server whose GUILD_CREATE is still to come), the thread's
/// parent is taken from the interaction or the server's data is read from Discord once.
pub async fn viewer_of(
    bot: &Bot,
    guild: GuildId,
    member: &Member,
    here: Option<&PartialChannel>,
) -> Viewer {
    let domain_guild = guild.domain();
    if let Some(thread) = here.filter(|c| is_thread(c.kind)) {
        if let Some(parent) = thread.parent_id {
            bot.access.update(domain_guild, |a| {
                if a.channel(thread.id.domain()).is_none() {
                    a.upsert_thread(thread.id.domain(), parent.domain());
                }
            });
        }
    }
    let mut access = bot.access.get(domain_guild);
    let knows_here = match (&access, here) {
        (Some(a), Some(here)) => a.channel(here.id.domain()).is_some(),
        (Some(_), None) => true,
        (None, _) => false,
    };
    if !knows_here {
        match bot.access.fill(&bot.rest, guild).await {
            Ok(fresh) => access = Some(fresh),
            Err(e) => {
                tracing::warn!(guild = guild.get(), error = %e, "could not read the server's channels; showing nothing of them")
            }
        }
    }
    Viewer {
        guild: domain_guild,
        member: member.user.id.domain(),
        roles: member.roles.iter().map(|r| r.domain()).collect(),
        access,
    }
}

fn is_thread(kind: ChannelType) -> bool {
    matches!(
        kind,
        ChannelType::PublicThread | ChannelType::PrivateThread | ChannelType::NewsThread
    )
}

/// The one refusal for something named by number that does not exist or that the caller
/// cannot see (the same words either way, so a refusal reveals nothing):
/// "There is no retro #12 that you can see."
pub fn not_found(what: &str, number: i64) -> String {
    not_found_in(Language::English, what, number)
}

/// [`not_found`] in `lang`; `what` is "retro", "action" or "schedule" (the message's variants).
pub fn not_found_in(lang: Language, what: &str, number: i64) -> String {
    crate::tr!(lang, "not-found", what = what, number = number.to_string())
}
