//! The invite URL that adds the bot to a server: the `bot` and `applications.commands` scopes
//! and exactly the channel permissions the bot needs, as Discord's permission bits.

/// The permissions a retro's channel must grant the bot: Discord's bit and the name its
/// settings show.
pub const REQUIRED_CHANNEL_PERMISSIONS: [(u64, &str); 8] = [
    (1 << 10, "View Channel"),
    (1 << 11, "Send Messages"),
    (1 << 14, "Embed Links"),
    (1 << 6, "Add Reactions"),
    (1 << 16, "Read Message History"),
    (1 << 35, "Create Public Threads"),
    (1 << 38, "Send Messages in Threads"),
    (1 << 15, "Attach Files"),
];

/// [`REQUIRED_CHANNEL_PERMISSIONS`] as one bitmask.
pub fn required_permission_bits() -> u64 {
    REQUIRED_CHANNEL_PERMISSIONS
        .iter()
        .fold(0, |bits, (bit, _)| bits | bit)
}

/// The URL that adds the bot to a server with the slash commands and exactly the permissions
/// it needs.
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot%20applications.commands&permissions={}",
        required_permission_bits()
    )
}

/// Reads an application id as the developer portal shows it (a snowflake: digits only).
pub fn parse_application_id(text: &str) -> Result<u64, String> {
    let text = text.trim();
    match text.parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(format!(
            "`{text}` is not an application id: copy the number under General Information → Application ID in the developer portal"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_both_scopes_and_the_channel_permissions() {
        let url = invite_url(42);
        assert!(url.starts_with("https://discord.com/oauth2/authorize?client_id=42&"));
        assert!(url.contains("scope=bot%20applications.commands"));
        assert!(url.ends_with("&permissions=309237763136"), "{url}");
    }

    #[test]
    fn application_ids_are_positive_numbers() {
        assert_eq!(parse_application_id(" 1234567890 "), Ok(1234567890));
        assert!(parse_application_id("0").is_err());
        assert!(parse_application_id("my-app")
            .unwrap_err()
            .contains("`my-app`"));
    }
}
