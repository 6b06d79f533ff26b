//! Who someone is, at the adapter's edge: whether a Discord user's action counts as a member's
//! input, and the name a member is shown by. The rules themselves are the domain's
//! (`domain::member`); this is the one place that applies them to serenity's users.

use serenity::all::User;

use super::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::domain::member::display_name;
use crate::domain::vote::Reactor;

/// `user` as the vote rules see them (a bot, or retrobot itself, never counts).
pub fn reactor(bot: &Bot, user: &User) -> Reactor {
    Reactor::new(user.id.domain(), user.bot, bot.user_id())
}

/// Whether what `user` did counts as a member's input.
pub fn is_member(bot: &Bot, user: &User) -> bool {
    !reactor(bot, user).is_bot
}

/// The name `user` is shown by, with their server nickname when known.
pub fn name_of(user: &User, nick: Option<&str>) -> String {
    display_name(nick, user.global_name.as_deref(), &user.name).to_string()
}
