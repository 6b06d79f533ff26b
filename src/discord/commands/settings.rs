//! `/retro settings`: with no options, this server's settings in force, each marked "set here"
//! or "default" (only the caller sees them, in their language); with options, changes them
//! (Manage Server only), validated with the domain's messages. Retros and schedules keep what
//! they started with; changes apply to what starts next. `language` picks the language of the
//! server's channel posts (`auto`: the server's language in Discord).

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption, GuildId};

use super::options::Options;
use super::respond::{database_problem_in, Responder};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::permissions;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::duration::describe;
use crate::domain::ids::RoleId;
use crate::domain::settings::{
    EffectiveSettings, FacilitatorRole, SettingName, SettingValue, Source,
};
use crate::i18n::Language;
use crate::tr;

/// The `language` choice that follows the server's language in Discord (the setting unset).
const AUTO: &str = "auto";

/// `id`'s message in every translated language, as Discord's `name_localizations` take it.
fn translations(id: &str) -> Vec<(&'static str, String)> {
    Language::ALL[1..]
        .iter()
        .map(|lang| (lang.discord_locale(), lang.t(id)))
        .collect()
}

/// The message naming `setting` in `lang`: its option name as that language registers it.
fn option_name(lang: Language, setting: SettingName) -> String {
    lang.t(&format!("cmd-settings-{}", setting.as_str()))
}

/// The message naming `named` (one of the bot's languages), e.g. `settings-language-de`.
fn language_name_id(named: Language) -> String {
    format!("settings-language-{}", named.tag())
}

/// `/retro settings [facilitator_role] [default_template] [timezone] [anonymous_min_voters]
/// [reminders] [checkin_duration] [language] [reset]` (option names are a contract). The
/// `language` choices are `auto` and every translated language's tag.
pub fn definition() -> CreateCommandOption {
    let mut reset = CreateCommandOption::new(
        CommandOptionType::String,
        "reset",
        "Put one setting back to the bot's default",
    );
    for name in SettingName::ALL {
        let id = format!("cmd-settings-{}", name.as_str());
        reset = reset.add_string_choice_localized(name.as_str(), name.as_str(), translations(&id));
    }
    let auto = "settings-language-choice-auto";
    let mut language = CreateCommandOption::new(
        CommandOptionType::String,
        "language",
        "The language of this server's posts (default: auto, the server's language in Discord)",
    )
    .add_string_choice_localized(Language::English.t(auto), AUTO, translations(auto));
    for lang in Language::ALL {
        let id = language_name_id(lang);
        language = language.add_string_choice_localized(
            Language::English.t(&id),
            lang.tag(),
            translations(&id),
        );
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
    .add_sub_option(language)
    .add_sub_option(reset)
}

/// The changes asked for, validated: the values to set and the settings to put back to their
/// default (`reset`, and `language:auto`); the first problem is the answer, in `lang`.
async fn changes(
    bot: &Bot,
    guild: GuildId,
    options: &Options,
    lang: Language,
) -> Result<(Vec<SettingValue>, Vec<SettingName>), String> {
    let mut values = Vec::new();
    let mut resets = Vec::new();
    if let Some(role) = options.id::<RoleId>("facilitator_role") {
        if role.get() == guild.get() {
            return Err(lang.t("settings-facilitator-everyone"));
        }
        values.push(SettingValue::FacilitatorRole(role));
    }
    if let Some(key) = options.text("default_template") {
        let value = SettingValue::default_template(key)
            .map_err(|e| crate::discord::words::setting_error(lang, &e))?;
        let catalog = catalog_of(bot, Some(guild.domain()))
            .await
            .map_err(|e| database_problem_in(bot, lang, "admin-what-read-templates", &e))?;
        if let SettingValue::DefaultTemplate(key) = &value {
            if catalog.get(key).is_none() {
                return Err(tr!(lang, "settings-unknown-template", key = key));
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
    match options.text("language").map(str::trim) {
        None => {}
        Some(AUTO) => resets.push(SettingName::Language),
        Some(tag) => match language::of_tag(tag) {
            Some(chosen) => values.push(SettingValue::Language(chosen.tag().to_string())),
            None => {
                let choices: Vec<String> = std::iter::once(AUTO)
                    .chain(Language::ALL.map(Language::tag))
                    .map(|choice| format!("`{choice}`"))
                    .collect();
                return Err(tr!(
                    lang,
                    "settings-unknown-language",
                    tag = tag,
                    choices = choices.join(", ")
                ));
            }
        },
    }
    if let Some(name) = options.text("reset").and_then(SettingName::parse) {
        if values.iter().any(|v| v.name() == name) {
            let name = option_name(lang, name);
            return Err(tr!(lang, "settings-set-and-reset", name = name));
        }
        if !resets.contains(&name) {
            resets.push(name);
        }
    }
    Ok((values, resets))
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let (values, resets) = match changes(bot, guild, options, lang).await {
        Ok(changes) => changes,
        Err(problem) => return respond.ephemeral(problem).await,
    };
    let changing = !values.is_empty() || !resets.is_empty();
    if changing {
        let member_permissions = command
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .unwrap_or_default();
        if !permissions::can_manage_server(member_permissions) {
            return respond
                .ephemeral(lang.t("settings-manage-server-only"))
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
                .ephemeral(respond.database_problem("admin-what-save-settings", &e))
                .await;
        }
        tracing::info!(
            guild = guild.get(),
            setting = value.name().as_str(),
            "server setting changed"
        );
    }
    for name in resets {
        if let Err(e) = bot.store.clear_server_setting(guild.domain(), name).await {
            return respond
                .ephemeral(respond.database_problem("admin-what-save-settings", &e))
                .await;
        }
        tracing::info!(
            guild = guild.get(),
            setting = name.as_str(),
            "server setting reset"
        );
    }
    // Reading the settings back also makes the server's posts follow a changed language.
    let settings = match settings_of(bot, guild.domain()).await {
        Ok(settings) => settings,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("admin-what-read-settings", &e))
                .await
        }
    };
    let heading = lang.t(if changing {
        "settings-saved"
    } else {
        "settings-shown"
    });
    let server_language = bot.languages.preferred(guild.domain());
    let lines: Vec<String> = lines(&settings, lang, server_language)
        .iter()
        .map(|l| format!("• {l}"))
        .collect();
    respond
        .ephemeral(format!("{heading}\n{}", lines.join("\n")))
        .await
}

/// One line per setting in `lang`, e.g. ``timezone: `Europe/Berlin` (set here)``, for
/// `/retro settings` and `/retro help`; each named as `lang` names its option. Roles are
/// written as Discord mentions; `auto` names `server_language`, what it means in this server.
pub fn lines(
    settings: &EffectiveSettings,
    lang: Language,
    server_language: Language,
) -> Vec<String> {
    let role = match &settings.facilitator_role.value {
        FacilitatorRole::Role(id) => format!("<@&{id}>"),
        FacilitatorRole::Configured(name) => format!("`{name}`"),
        FacilitatorRole::None => lang.t("settings-no-facilitator-role"),
    };
    let language = match &settings.language.value {
        Some(tag) => language::of_tag(tag).map_or(format!("`{tag}`"), |chosen| {
            lang.t(&language_name_id(chosen))
        }),
        None => {
            let now = lang.t(&language_name_id(server_language));
            tr!(lang, "settings-language-auto", language = now)
        }
    };
    let line = |name: SettingName, value: String, source: Source| {
        let source = lang.t(match source {
            Source::SetHere => "settings-set-here",
            Source::Default => "settings-default",
        });
        tr!(
            lang,
            "settings-line",
            name = option_name(lang, name),
            value = value,
            source = source
        )
    };
    let on_off = |on: bool| lang.t(if on { "settings-on" } else { "settings-off" });
    vec![
        line(
            SettingName::FacilitatorRole,
            role,
            settings.facilitator_role.source,
        ),
        line(
            SettingName::DefaultTemplate,
            format!("`{}`", settings.default_template.value),
            settings.default_template.source,
        ),
        line(
            SettingName::Timezone,
            format!("`{}`", settings.timezone.value),
            settings.timezone.source,
        ),
        line(
            SettingName::AnonymousMinVoters,
            lang.number(f64::from(settings.anonymous_min_voters.value), 0),
            settings.anonymous_min_voters.source,
        ),
        line(
            SettingName::Reminders,
            on_off(settings.reminders.value),
            settings.reminders.source,
        ),
        line(
            SettingName::CheckinDuration,
            describe(settings.checkin_duration.value),
            settings.checkin_duration.source,
        ),
        line(SettingName::Language, language, settings.language.source),
    ]
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
