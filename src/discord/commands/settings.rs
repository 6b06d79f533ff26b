//! `/retro settings`: with no options, this server's settings in force, each marked "set here"
//! or "default" (only the caller sees them); with options, changes them (Manage Server only),
//! validated with the domain's messages. Retros and schedules keep what they started with;
//! changes apply to what starts next.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::options::Options;
use super::respond::{database_problem, Responder};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::ids::RoleId;
use crate::domain::settings::{SettingName, SettingValue};

/// `/retro settings [facilitator_role] [default_template] [timezone] [anonymous_min_voters]
/// [reminders] [checkin_duration] [reset]` (option names are a contract).
pub fn definition() -> CreateCommandOption {
    let mut reset = CreateCommandOption::new(
        CommandOptionType::String,
        "reset",
        "Put one setting back to the bot's default",
    );
    for name in SettingName::ALL {
        reset = reset.add_string_choice(name.as_str(), name.as_str());
    }
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "settings",
        "Show this server's retro settings, or change them (Manage Server)",
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Role,
        "facilitator_role",
        "Members with this role may close any retro and manage schedules and templates",
    ))
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "default_template",
            "The template /retro start and new schedules use when none is given",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "timezone",
            "Time zone of new schedules, e.g. Europe/Berlin",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::Integer,
            "anonymous_min_voters",
            "Anonymous retros hide a statement's split below this many voters (at least 2)",
        )
        .min_int_value(2),
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "reminders",
        "Remind the channel before a retro with a duration closes",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::String,
        "checkin_duration",
        "How long scheduled check-ins stay open when not given, e.g. 2d",
    ))
    .add_sub_option(reset)
}

/// The changes asked for, validated; the first problem is the answer.
async fn changes(
    bot: &Bot,
    guild: GuildId,
    options: &Options,
    lang: crate::i18n::Language,
) -> Result<(Vec<SettingValue>, Option<SettingName>), String> {
    let mut values = Vec::new();
    if let Some(role) = options.id::<RoleId>("facilitator_role") {
        if role.get() == guild.get() {
            return Err("facilitator_role: @everyone cannot be the facilitator role; pick a role that only facilitators have".into());
        }
        values.push(SettingValue::FacilitatorRole(role));
    }
    if let Some(key) = options.text("default_template") {
        let value = SettingValue::default_template(key)
            .map_err(|e| crate::discord::words::setting_error(lang, &e))?;
        let catalog = catalog_of(bot, Some(guild.domain()))
            .await
            .map_err(|e| database_problem(bot, "read this server's templates", &e))?;
        if let SettingValue::DefaultTemplate(key) = &value {
            if catalog.get(key).is_none() {
                return Err(format!("default_template: there is no template `{key}` in this server; `/retro templates` lists them"));
            }
        }
        values.push(value);
    }
    if let Some(timezone) = options.text("timezone") {
        values.push(
            SettingValue::timezone(timezone)
                .map_err(|e| crate::discord::words::setting_error(lang, &e))?,
        );
    }
    if let Some(n) = options.integer("anonymous_min_voters") {
        values.push(
            SettingValue::anonymous_min_voters(n)
                .map_err(|e| crate::discord::words::setting_error(lang, &e))?,
        );
    }
    if let Some(on) = options.flag("reminders") {
        values.push(SettingValue::Reminders(on));
    }
    if let Some(duration) = options.text("checkin_duration") {
        values.push(
            SettingValue::checkin_duration(duration, bot.config.durations)
                .map_err(|e| crate::discord::words::setting_error(lang, &e))?,
        );
    }
    let reset = options.text("reset").and_then(SettingName::parse);
    if let Some(name) = reset {
        if values.iter().any(|v| v.name() == name) {
            return Err(format!(
                "{}: cannot be set and reset at once",
                name.as_str()
            ));
        }
    }
    Ok((values, reset))
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let (values, reset) = match changes(bot, guild, options, respond.lang()).await {
        Ok(changes) => changes,
        Err(problem) => return respond.ephemeral(problem).await,
    };
    let changing = !values.is_empty() || reset.is_some();
    if changing {
        let member_permissions = command
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .unwrap_or_default();
        if !permissions::can_manage_server(member_permissions) {
            return respond
                .ephemeral("Only members with the Manage Server permission can change this server's settings. `/retro settings` without options shows them.")
                .await;
        }
    }
    let now = created_at(command.id.get());
    for value in &values {
        if let Err(e) = bot
            .store
            .set_server_setting(guild.domain(), value, now)
            .await
        {
            return respond
                .ephemeral(database_problem(bot, "save the settings", &e))
                .await;
        }
        tracing::info!(
            guild = guild.get(),
            setting = value.name().as_str(),
            "server setting changed"
        );
    }
    if let Some(name) = reset {
        if let Err(e) = bot.store.clear_server_setting(guild.domain(), name).await {
            return respond
                .ephemeral(database_problem(bot, "save the settings", &e))
                .await;
        }
        tracing::info!(
            guild = guild.get(),
            setting = name.as_str(),
            "server setting reset"
        );
    }
    let settings = match settings_of(bot, guild.domain()).await {
        Ok(settings) => settings,
        Err(e) => {
            return respond
                .ephemeral(database_problem(bot, "read this server's settings", &e))
                .await
        }
    };
    let heading = if changing {
        "Settings saved. They apply to retros and schedules started from now on; those already running keep theirs."
    } else {
        "This server's retro settings (`/retro settings` with options changes them; Manage Server only):"
    };
    let lines: Vec<String> = settings.lines().iter().map(|l| format!("• {l}")).collect();
    respond
        .ephemeral(format!("{heading}\n{}", lines.join("\n")))
        .await
}
