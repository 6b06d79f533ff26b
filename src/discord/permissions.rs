//! The permissions the bot needs in a channel (Attach Files for the summary's chart), the
//! invite URL that asks for exactly those, and the member permissions that give the right to
//! close any retro.

use serenity::all::{
    ChannelId, GuildId, PermissionOverwrite, PermissionOverwriteType, Permissions, Role, RoleId,
    UserId,
};

use super::bot::Bot;
use super::rest::RestError;
use crate::i18n::Language;

/// What posting and reading a retro needs in its channel.
pub fn required_in_channel() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::EMBED_LINKS
        | Permissions::ADD_REACTIONS
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::CREATE_PUBLIC_THREADS
        | Permissions::SEND_MESSAGES_IN_THREADS
        | Permissions::ATTACH_FILES
}

/// A permission's name in Discord's settings, in a language.
type PermissionName = fn(Language) -> String;

/// The permissions from [`required_in_channel`] that `granted` lacks, named as Discord's
/// settings name them in `lang`.
pub fn missing(granted: Permissions, lang: Language) -> Vec<String> {
    missing_of(required_in_channel(), granted, lang)
}

/// The permissions of `required` that `granted` lacks, named as Discord's settings name them
/// in `lang` (none for an administrator).
pub fn missing_of(required: Permissions, granted: Permissions, lang: Language) -> Vec<String> {
    let names: [(Permissions, PermissionName); 8] = [
        (Permissions::VIEW_CHANNEL, |l| {
            l.t("permission-view-channel")
        }),
        (Permissions::SEND_MESSAGES, |l| {
            l.t("permission-send-messages")
        }),
        (Permissions::EMBED_LINKS, |l| l.t("permission-embed-links")),
        (Permissions::ADD_REACTIONS, |l| {
            l.t("permission-add-reactions")
        }),
        (Permissions::READ_MESSAGE_HISTORY, |l| {
            l.t("permission-read-message-history")
        }),
        (Permissions::CREATE_PUBLIC_THREADS, |l| {
            l.t("permission-create-public-threads")
        }),
        (Permissions::SEND_MESSAGES_IN_THREADS, |l| {
            l.t("permission-send-messages-in-threads")
        }),
        (Permissions::ATTACH_FILES, |l| {
            l.t("permission-attach-files")
        }),
    ];
    if granted.administrator() {
        return Vec::new();
    }
    names
        .iter()
        .filter(|(p, _)| required.contains(*p) && !granted.contains(*p))
        .map(|(_, name)| name(lang))
        .collect()
}

/// Whether a member's permissions include Manage Server (administrators have it implicitly).
pub fn can_manage_server(member: Permissions) -> bool {
    member.administrator() || member.manage_guild()
}

pub use crate::invite::invite_url;

/// A member's permissions in a channel, Discord's way: the @everyone role and the member's
/// roles, then the channel's overwrites for @everyone, for the member's roles, for the member.
pub fn in_channel(
    guild: GuildId,
    user: UserId,
    member_roles: &[RoleId],
    roles: &[Role],
    overwrites: &[PermissionOverwrite],
) -> Permissions {
    let everyone = RoleId::new(guild.get());
    let mut base = Permissions::empty();
    for role in roles
        .iter()
        .filter(|r| r.id == everyone || member_roles.contains(&r.id))
    {
        base |= role.permissions;
    }
    if base.administrator() {
        return Permissions::all();
    }
    let mut apply = |allow: Permissions, deny: Permissions| base = (base - deny) | allow;
    for o in overwrites {
        if o.kind == PermissionOverwriteType::Role(everyone) {
            apply(o.allow, o.deny);
        }
    }
    let (mut allow, mut deny) = (Permissions::empty(), Permissions::empty());
    for o in overwrites {
        if let PermissionOverwriteType::Role(role) = o.kind {
            if role != everyone && member_roles.contains(&role) {
                allow |= o.allow;
                deny |= o.deny;
            }
        }
    }
    apply(allow, deny);
    for o in overwrites {
        if o.kind == PermissionOverwriteType::Member(user) {
            apply(o.allow, o.deny);
        }
    }
    base
}

/// The bot's own permissions in `channel`, read from Discord.
pub async fn bot_permissions_in(
    bot: &Bot,
    guild: GuildId,
    channel: ChannelId,
) -> Result<Permissions, RestError> {
    let me = UserId::from(bot.user_id());
    let (roles, member, channel) = tokio::try_join!(
        bot.rest.guild_roles(guild),
        bot.rest.guild_member(guild, me),
        bot.rest.channel(channel),
    )?;
    Ok(in_channel(
        guild,
        me,
        &member.roles,
        &roles,
        &channel.permission_overwrites,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: u64, permissions: Permissions) -> Role {
        let mut role: Role = serde_json::from_value(serde_json::json!({
            "id": id.to_string(), "name": "r", "color": 0, "hoist": false, "position": 0,
            "permissions": "0", "managed": false, "mentionable": false, "flags": 0,
            "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        }))
        .expect("a role");
        role.permissions = permissions;
        role
    }

    #[test]
    fn overwrites_apply_in_discords_order() {
        let guild = GuildId::new(1);
        let bot_role = RoleId::new(5);
        let me = UserId::new(9);
        let roles = [
            role(1, Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES),
            role(5, Permissions::ADD_REACTIONS),
        ];
        let overwrite = |kind, allow, deny| PermissionOverwrite { allow, deny, kind };
        let overwrites = [
            overwrite(
                PermissionOverwriteType::Role(RoleId::new(1)),
                Permissions::empty(),
                Permissions::SEND_MESSAGES,
            ),
            overwrite(
                PermissionOverwriteType::Role(bot_role),
                Permissions::EMBED_LINKS,
                Permissions::ADD_REACTIONS,
            ),
            overwrite(
                PermissionOverwriteType::Member(me),
                Permissions::ADD_REACTIONS,
                Permissions::empty(),
            ),
        ];
        let got = in_channel(guild, me, &[bot_role], &roles, &overwrites);
        assert_eq!(
            got,
            Permissions::VIEW_CHANNEL | Permissions::EMBED_LINKS | Permissions::ADD_REACTIONS
        );
        let admin = [role(1, Permissions::ADMINISTRATOR)];
        assert_eq!(
            in_channel(guild, me, &[], &admin, &overwrites),
            Permissions::all()
        );
    }

    #[test]
    fn lists_exactly_what_is_missing() {
        assert!(missing(required_in_channel(), Language::English).is_empty());
        assert!(missing(Permissions::ADMINISTRATOR, Language::English).is_empty());
        let granted =
            required_in_channel() - Permissions::ADD_REACTIONS - Permissions::CREATE_PUBLIC_THREADS;
        assert_eq!(
            missing(granted, Language::English),
            vec!["Add Reactions", "Create Public Threads"]
        );
        assert_eq!(
            missing(granted, Language::German),
            vec!["Reaktionen hinzufügen", "Öffentliche Threads erstellen"]
        );
    }

    #[test]
    fn invite_asks_for_the_channel_permissions() {
        let url = invite_url(42);
        assert!(url.contains("client_id=42"));
        assert!(url.ends_with(&format!("permissions={}", required_in_channel().bits())));
        assert_eq!(
            required_in_channel().bits(),
            1 << 10 | 1 << 11 | 1 << 14 | 1 << 6 | 1 << 16 | 1 << 35 | 1 << 38 | 1 << 15
        );
    }
}
