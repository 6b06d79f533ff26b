//! Who may do what beyond the basics: members with Manage Server or the configured facilitator
//! role may close any retro and manage schedules.

use serenity::all::{CommandInteraction, GuildId};

use crate::discord::bot::Bot;
use crate::discord::permissions;

/// Whether the caller has the configured facilitator role (given by id or by name).
pub async fn has_facilitator_role(bot: &Bot, guild: GuildId, command: &CommandInteraction) -> bool {
    let (Some(wanted), Some(member)) = (
        bot.config.facilitator_role.as_deref(),
        command.member.as_ref(),
    ) else {
        return false;
    };
    if let Ok(id) = wanted.parse::<u64>() {
        return member.roles.iter().any(|r| r.get() == id);
    }
    match bot.rest.guild_roles(guild).await {
        Ok(roles) => roles
            .iter()
            .any(|role| role.name.eq_ignore_ascii_case(wanted) && member.roles.contains(&role.id)),
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's roles");
            false
        }
    }
}

/// Whether the caller may create, pause or remove schedules: Manage Server or the facilitator
/// role.
pub async fn may_manage_schedules(bot: &Bot, guild: GuildId, command: &CommandInteraction) -> bool {
    let member_permissions = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_default();
    permissions::can_manage_server(member_permissions)
        || has_facilitator_role(bot, guild, command).await
}

/// The sentence that says who may manage schedules.
pub fn who_may_manage_schedules(bot: &Bot) -> String {
    let role = bot
        .config
        .facilitator_role
        .as_deref()
        .map(|r| format!(" or the **{r}** role"))
        .unwrap_or_default();
    format!("Only members with the Manage Server permission{role} can manage schedules.")
}
