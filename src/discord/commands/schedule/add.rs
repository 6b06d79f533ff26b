//! `/retro schedule add`: parse and check everything (rule, time zone, template, duration
//! against the interval, the bot's permissions in the target channel), store the schedule and
//! repeat the rule in words with its next three occurrences, in the caller's language.

use serenity::all::{ChannelId, CommandInteraction, GuildId};

use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::{database_problem_in, Responder};
use crate::discord::commands::rights::{may_manage_schedules, who_may_manage_schedules_in};
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::duration::parse_duration;
use crate::domain::recurrence::Recurrence;
use crate::domain::retro::{validate_title, Participation};
use crate::domain::schedule::check_duration_fits;
use crate::i18n::Language;
use crate::store::NewSchedule;
use crate::tr;

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    respond.defer_ephemeral().await?;
    let text = match build(bot, command, guild, options, respond.lang()).await {
        Ok(text) | Err(text) => text,
    };
    respond.edit(text).await
}

/// The answer for the user: `Ok` when the schedule was created, `Err` with the problem.
async fn build(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    lang: Language,
) -> Result<String, String> {
    if !may_manage_schedules(bot, guild, command).await {
        return Err(who_may_manage_schedules_in(bot, guild, lang).await);
    }
    let settings = settings_of(bot, guild.domain())
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-read-settings", &e))?;
    let catalog = catalog_of(bot, Some(guild.domain()))
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-read-templates", &e))?;
    let when = options.text("when").unwrap_or_default();
    let timezone = options
        .text("timezone")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(&settings.timezone.value);
    let key = options
        .text("template")
        .map(str::trim)
        .unwrap_or(&settings.default_template.value);
    let (template, _) = catalog
        .get(key)
        .ok_or_else(|| tr!(lang, "schedule-unknown-template", key = key))?;
    let title = validate_title(options.text("title"))
        .map_err(|e| crate::discord::words::title_too_long(lang, &e))?;
    let duration = match options.text("duration") {
        Some(given) => parse_duration(given, bot.config.durations).map_err(|e| {
            crate::discord::words::duration_error(crate::discord::language::of_member(command), &e)
        })?,
        None => settings.checkin_duration.value,
    };
    let now = created_at(command.id.get());
    let recurrence = Recurrence::parse(when, timezone, now).map_err(|e| {
        crate::discord::words::recurrence_error(crate::discord::language::of_member(command), &e)
    })?;
    let length = chrono::Duration::from_std(duration).unwrap_or_default();
    check_duration_fits(&recurrence, length, now).map_err(|e| {
        crate::discord::words::longer_than_gap(crate::discord::language::of_member(command), &e)
    })?;
    let next = recurrence.upcoming(now, 3);
    if next.is_empty() {
        return Err(tr!(lang, "schedule-never-fires", when = when));
    }
    let channel = options.id("channel").unwrap_or(command.channel_id.domain());
    if !crate::discord::access::viewer(bot, command)
        .await
        .can_view(channel)
    {
        return Err(lang.t("schedule-channel-not-visible"));
    }
    let granted = if channel == command.channel_id.domain() {
        command.app_permissions
    } else {
        match permissions::bot_permissions_in(bot, guild, ChannelId::from(channel)).await {
            Ok(granted) => Some(granted),
            Err(e) => {
                return Err(tr!(
                    lang,
                    "schedule-channel-unreachable",
                    channel = format!("<#{channel}>"),
                    error = e.to_string()
                ))
            }
        }
    };
    if let Some(granted) = granted {
        let missing = permissions::missing(granted, lang);
        if !missing.is_empty() {
            return Err(tr!(
                lang,
                "schedule-missing-permissions",
                channel = format!("<#{channel}>"),
                missing = missing.join("**, **")
            ));
        }
    }
    let team_role_id = options.id("team_role");
    let new = NewSchedule {
        guild_id: guild.domain(),
        channel_id: channel,
        creator_id: command.user.id.domain(),
        recurrence,
        template_key: template.key.clone(),
        title,
        duration: length,
        team_role_id,
        participation: Participation::from_anonymous(options.flag("anonymous").unwrap_or(false)),
        next_at: next.first().copied(),
        created_at: now,
    };
    let schedule = bot
        .store
        .create_schedule_with_template(&new, template)
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-save-schedule", &e))?;
    bot.schedule_changed.notify_one();
    tracing::info!(schedule = %schedule.id, rule = %schedule.recurrence.describe(), "schedule created");
    let upcoming: Vec<String> = next
        .iter()
        .map(|at| format!("<t:{}:F>", at.timestamp()))
        .collect();
    let team = team_role_id
        .map(|r| tr!(lang, "schedule-added-team", role = format!("<@&{r}>")))
        .unwrap_or_default();
    let anonymous = if schedule.participation.is_anonymous() {
        lang.t("schedule-added-anonymous")
    } else {
        String::new()
    };
    let title = schedule
        .title
        .as_deref()
        .map(|t| tr!(lang, "schedule-added-title", title = t))
        .unwrap_or_default();
    Ok(tr!(
        lang,
        "schedule-added",
        rule = crate::discord::words::recurrence(lang, &schedule.recurrence),
        channel = format!("<#{channel}>"),
        template = template.in_language(lang.tag()).name,
        title = title,
        duration = crate::discord::words::duration(lang, duration),
        team = team,
        anonymous = anonymous,
        next = upcoming.join(", "),
        id = schedule.id.to_string(),
    ))
}
