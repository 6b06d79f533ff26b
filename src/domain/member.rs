//! Members as the retro rules see them: whether something a user did counts as a member's
//! input (a vote, a reply, an answer), and the name a member is shown by.

use crate::domain::ids::MemberId;

/// Whether what user `user_id` did counts as a member's input: never a bot's (`flagged_bot`),
/// never retrobot's own (`our_id`).
pub fn is_member_input(user_id: MemberId, flagged_bot: bool, our_id: MemberId) -> bool {
    !flagged_bot && user_id != our_id
}

/// The name a member is shown by: their nickname in the server, else their display name, else
/// their username.
pub fn display_name<'a>(
    nick: Option<&'a str>,
    global_name: Option<&'a str>,
    username: &'a str,
) -> &'a str {
    nick.or(global_name).unwrap_or(username)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bots_and_retrobot_itself_are_never_members() {
        assert!(is_member_input(MemberId(7), false, MemberId(1)));
        assert!(
            !is_member_input(MemberId(7), true, MemberId(1)),
            "another bot"
        );
        assert!(
            !is_member_input(MemberId(1), false, MemberId(1)),
            "retrobot itself"
        );
    }

    #[test]
    fn the_nickname_wins_then_the_display_name_then_the_username() {
        assert_eq!(display_name(Some("Bo"), Some("Bob B."), "bob"), "Bo");
        assert_eq!(display_name(None, Some("Bob B."), "bob"), "Bob B.");
        assert_eq!(display_name(None, None, "bob"), "bob");
    }
}
