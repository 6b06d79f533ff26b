//! Who may do what beyond the basics: members with Manage Server or the server's facilitator
//! role (set with `/retro settings`, else the role `config.toml` names) may close any retro,
//! manage schedules and manage the server's templates.

use serenity::all::{CommandInteraction, GuildId, Member};

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::server::settings_of;
use crate::domain::settings::FacilitatorRole;
use crate::i18n::Language;
use crate::tr;

/// The facilitator role in force in `guild` (none if the settings cannot be read).
async fn facilitator_role(bot: &Bot, guild: GuildId) -> FacilitatorRole {
    match settings_of(bot, guild.domain()).await {
        Ok(settings) => settings.facilitator_role.value,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's settings");
            FacilitatorRole::None
        }
    }
}

/// Whether `member` has the server's facilitator role: the role chosen in Discord, else the
/// configured one (given by id or by name).
pub async fn member_has_facilitator_role(bot: &Bot, guild: GuildId, member: &Member) -> bool {
    match facilitator_role(bot, guild).await {
        FacilitatorRole::Role(role) => member.roles.iter().any(|r| r.get() == role.get()),
        FacilitatorRole::Configured(wanted) => {
            if let Ok(id) = wanted.parse::<u64>() {
                return member.roles.iter().any(|r| r.get() == id);
            }
            match bot.rest.guild_roles(guild).await {
                Ok(roles) => roles.iter().any(|role| {
                    role.name.eq_ignore_ascii_case(&wanted) && member.roles.contains(&role.id)
                }),
                Err(e) => {
                    tracing::warn!(error = %e, "could not read the server's roles");
                    false
                }
            }
        }
        FacilitatorRole::None => false,
    }
}

/// Whether the caller has the server's facilitator role.
pub async fn has_facilitator_role(bot: &Bot, guild: GuildId, command: &CommandInteraction) -> bool {
    match command.member.as_ref() {
        Some(member) => member_has_facilitator_role(bot, guild, member).await,
        None => false,
    }
}

/// Whether `member` may manage what a server shares (schedules, templates): Manage Server or
/// the facilitator role.
pub async fn member_may_manage(bot: &Bot, guild: GuildId, member: Option<&Member>) -> bool {
    let Some(member) = member else {
        return false;
    };
    permissions::can_manage_server(member.permissions.unwrap_or_default())
        || member_has_facilitator_role(bot, guild, member).await
}

/// Whether the caller may create, pause or remove schedules: Manage Server or the facilitator
/// role.
pub async fn may_manage_schedules(bot: &Bot, guild: GuildId, command: &CommandInteraction) -> bool {
    member_may_manage(bot, guild, command.member.as_deref()).await
}

/// The sentence, in `lang`, that says who may do `what` (the id of the message naming it,
/// `rights-what-manage-schedules`): Manage Server or the server's facilitator role.
pub async fn only_managers_may_in(bot: &Bot, guild: GuildId, lang: Language, what: &str) -> String {
    managers_sentence(bot, guild, lang, &lang.t(what)).await
}

async fn managers_sentence(bot: &Bot, guild: GuildId, lang: Language, what: &str) -> String {
    let role = facilitator_role_words(bot, guild)
        .await
        .map(|role| tr!(lang, "rights-or-role", role = role))
        .unwrap_or_default();
    tr!(lang, "rights-only-managers", role = role, what = what)
}

/// The server's facilitator role as written in an answer (a mention or the configured name in
/// bold); `None` when there is none.
pub async fn facilitator_role_words(bot: &Bot, guild: GuildId) -> Option<String> {
    match facilitator_role(bot, guild).await {
        FacilitatorRole::Role(role) => Some(format!("<@&{role}>")),
        FacilitatorRole::Configured(name) => Some(format!("**{name}**")),
        FacilitatorRole::None => None,
    }
}

/// The sentence, in `lang`, that says who may manage schedules.
pub async fn who_may_manage_schedules_in(bot: &Bot, guild: GuildId, lang: Language) -> String {
    only_managers_may_in(bot, guild, lang, "rights-what-manage-schedules").await
}
