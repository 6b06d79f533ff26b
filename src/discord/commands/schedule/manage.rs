//! Listing, removing, pausing and resuming schedules (answered in the caller's language), and
//! autocomplete for schedules and time zones.

use chrono::Utc;
use serenity::all::{AutocompleteChoice, CommandInteraction, GuildId};

use crate::discord::access::{self, Viewer};
use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::Responder;
use crate::discord::commands::rights::{may_manage_schedules, who_may_manage_schedules_in};
use crate::discord::ids::ToDomain;
use crate::discord::render::CONTENT_LIMIT;
use crate::discord::rest::RestError;
use crate::domain::schedule::{Schedule, ScheduleId};
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::tr;

pub async fn list(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let whole_server = options.flag("server").unwrap_or(false);
    let channel = (!whole_server).then_some(command.channel_id.domain());
    let viewer = access::viewer(bot, command).await;
    let schedules = match bot.store.schedules_in(guild.domain(), channel).await {
        Ok(schedules) => visible(&viewer, schedules),
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("admin-what-read-schedules", &e))
                .await
        }
    };
    if schedules.is_empty() {
        let none = if whole_server {
            "schedule-none-in-server"
        } else {
            "schedule-none-in-channel"
        };
        return respond.ephemeral(lang.t(none)).await;
    }
    let lines: Vec<String> = schedules.iter().map(|s| line(s, lang)).collect();
    respond
        .ephemeral(shorten(&lines.join("\n"), CONTENT_LIMIT))
        .await
}

fn line(schedule: &Schedule, lang: Language) -> String {
    let next = match (schedule.paused, schedule.next_at) {
        (true, _) => lang.t("schedule-line-paused"),
        (false, Some(at)) => tr!(
            lang,
            "schedule-line-next",
            at = format!("<t:{}:R>", at.timestamp())
        ),
        (false, None) => lang.t("schedule-line-never"),
    };
    tr!(
        lang,
        "schedule-line",
        id = schedule.id.to_string(),
        rule = crate::discord::words::recurrence(lang, &schedule.recurrence),
        channel = format!("<#{}>", schedule.channel_id),
        template = &schedule.template_key,
        next = next
    )
}

pub async fn change(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    action: &str,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let given = options
        .text("schedule")
        .unwrap_or_default()
        .trim()
        .trim_start_matches('#');
    let Ok(number) = given.parse::<i64>() else {
        return respond
            .ephemeral(tr!(lang, "schedule-not-a-number", given = given))
            .await;
    };
    let viewer = access::viewer(bot, command).await;
    let found = bot
        .store
        .schedule(ScheduleId(number))
        .await
        .ok()
        .flatten()
        .filter(|s| s.guild_id == guild.domain() && viewer.can_view(s.channel_id));
    let Some(schedule) = found else {
        return respond
            .ephemeral(tr!(lang, "schedule-not-found", number = number.to_string()))
            .await;
    };
    if !may_manage_schedules(bot, guild, command).await {
        return respond
            .ephemeral(who_may_manage_schedules_in(bot, guild, respond.lang()).await)
            .await;
    }
    let rule = crate::discord::words::recurrence(respond.lang(), &schedule.recurrence);
    let id = schedule.id.to_string();
    let outcome = match action {
        "remove" => bot
            .store
            .delete_schedule(schedule.id, guild.domain())
            .await
            .map(|_| tr!(lang, "schedule-removed", id = &id, rule = &rule)),
        "pause" => bot
            .store
            .set_paused(schedule.id, true, schedule.next_at)
            .await
            .map(|_| tr!(lang, "schedule-paused", id = &id, rule = &rule)),
        _ => {
            let next = schedule.recurrence.next_after(Utc::now());
            bot.store
                .set_paused(schedule.id, false, next)
                .await
                .map(|_| match next {
                    Some(at) => tr!(
                        lang,
                        "schedule-resumed",
                        id = &id,
                        rule = &rule,
                        at = format!("<t:{}:F>", at.timestamp())
                    ),
                    None => tr!(lang, "schedule-resumed-never", id = &id, rule = &rule),
                })
        }
    };
    match outcome {
        Ok(done) => {
            bot.schedule_changed.notify_one();
            tracing::info!(schedule = %schedule.id, action, "schedule changed");
            respond.ephemeral(done).await
        }
        Err(e) => {
            respond
                .ephemeral(respond.database_problem("admin-what-change-schedule", &e))
                .await
        }
    }
}

/// Only the schedules of channels `viewer` can see.
fn visible(viewer: &Viewer, schedules: Vec<Schedule>) -> Vec<Schedule> {
    schedules
        .into_iter()
        .filter(|s| s.guild_id == viewer.guild() && viewer.can_view(s.channel_id))
        .collect()
}

/// Autocomplete for the `schedule` option: the server's schedules in channels the caller can
/// see.
pub async fn schedule_choices(
    bot: &Bot,
    viewer: &Viewer,
    query: &str,
    lang: crate::i18n::Language,
) -> Vec<AutocompleteChoice> {
    let all = bot
        .store
        .schedules_in(viewer.guild(), None)
        .await
        .unwrap_or_default();
    visible(viewer, all)
        .into_iter()
        .map(|s| {
            (
                s.id,
                format!(
                    "{} {} ({})",
                    s.id,
                    crate::discord::words::recurrence(lang, &s.recurrence),
                    s.template_key
                ),
            )
        })
        .filter(|(_, label)| label.to_lowercase().contains(query))
        .take(25)
        .map(|(id, label)| AutocompleteChoice::new(shorten(&label, 100), id.0.to_string()))
        .collect()
}

/// Autocomplete for the `timezone` option: IANA names containing the query.
pub fn timezone_choices(query: &str) -> Vec<AutocompleteChoice> {
    let query = query.replace(' ', "_");
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.to_lowercase().contains(&query))
        .take(25)
        .map(|name| AutocompleteChoice::new(name, name))
        .collect()
}
