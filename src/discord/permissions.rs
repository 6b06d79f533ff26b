//! The permissions the bot needs in a channel (Attach Files for the summary's chart), the
//! invite URL that asks for exactly those, and the member permissions that give the right to
//! close any retro.

use serenity::all::Permissions;

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

/// The permissions from [`required_in_channel`] that `granted` lacks, by their names in
/// Discord's settings.
pub fn missing(granted: Permissions) -> Vec<&'static str> {
    let names = [
        (Permissions::VIEW_CHANNEL, "View Channel"),
        (Permissions::SEND_MESSAGES, "Send Messages"),
        (Permissions::EMBED_LINKS, "Embed Links"),
        (Permissions::ADD_REACTIONS, "Add Reactions"),
        (Permissions::READ_MESSAGE_HISTORY, "Read Message History"),
        (Permissions::CREATE_PUBLIC_THREADS, "Create Public Threads"),
        (
            Permissions::SEND_MESSAGES_IN_THREADS,
            "Send Messages in Threads",
        ),
        (Permissions::ATTACH_FILES, "Attach Files"),
    ];
    if granted.administrator() {
        return Vec::new();
    }
    names
        .iter()
        .filter(|(p, _)| required_in_channel().contains(*p) && !granted.contains(*p))
        .map(|(_, n)| *n)
        .collect()
}

/// Whether a member's permissions include Manage Server (administrators have it implicitly).
pub fn can_manage_server(member: Permissions) -> bool {
    member.administrator() || member.manage_guild()
}

/// The URL that adds the bot to a server with the slash commands and exactly the permissions
/// it needs.
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot%20applications.commands&permissions={}",
        required_in_channel().bits()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_exactly_what_is_missing() {
        assert!(missing(required_in_channel()).is_empty());
        assert!(missing(Permissions::ADMINISTRATOR).is_empty());
        let granted =
            required_in_channel() - Permissions::ADD_REACTIONS - Permissions::CREATE_PUBLIC_THREADS;
        assert_eq!(
            missing(granted),
            vec!["Add Reactions", "Create Public Threads"]
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
