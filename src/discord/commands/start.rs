//! `/retro start`: checks everything that needs no I/O and answers bad input at once, then
//! defers, creates the retro (one per channel), posts it and reports to the facilitator. A
//! failed post is removed and the retro marked failed, never left looking open.

use std::sync::Arc;

use serenity::all::{
    ChannelType, CommandInteraction, CommandOptionType, CreateCommandOption, GuildId,
};

use super::options::Options;
use super::respond::{database_problem_in, Responder};
use crate::discord::bot::Bot;
use crate::discord::flows::start::{start_retro, StartError, StartRequest};
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::render::jump_link;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::{catalog_of, settings_of};
use crate::domain::duration::parse_duration;
use crate::domain::retro::{validate_title, Participation};
use crate::tr;

/// `/retro start [template] [title] [duration] [anonymous]` (option names are a contract).
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "start",
        "Start a health-check retro in this channel",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "template",
            "Which health check (default: customer-obsession)",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "title",
            "A title, e.g. the sprint name",
        )
        .max_length(crate::domain::retro::MAX_TITLE_CHARS as u16),
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::String,
        "duration",
        "Close automatically after e.g. 45s, 90m, 48h, 2d or 1w",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "anonymous",
        "Vote with buttons and answer via a form; nobody can see who said what",
    ))
}

pub async fn run(
    bot: &Arc<Bot>,
    command: &CommandInteraction,
    guild_id: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    if let Some(channel) = &command.channel {
        if !matches!(channel.kind, ChannelType::Text | ChannelType::News) {
            return respond.ephemeral(lang.t("start-not-a-text-channel")).await;
        }
    }
    let settings = match settings_of(bot, guild_id.domain()).await {
        Ok(settings) => settings,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("start-what-read-settings", &e))
                .await
        }
    };
    let catalog = match catalog_of(bot, Some(guild_id.domain())).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("templates-what-read", &e))
                .await
        }
    };
    let key = options
        .text("template")
        .map(str::trim)
        .unwrap_or(&settings.default_template.value);
    let Some((template, _)) = catalog.get(key) else {
        let known: Vec<String> = catalog
            .iter()
            .map(|(t, _)| format!("`{}`", t.key))
            .collect();
        return respond
            .ephemeral(tr!(
                lang,
                "start-unknown-template",
                key = key,
                known = known.join(", ")
            ))
            .await;
    };
    let template = template.clone();
    let title = match validate_title(options.text("title")) {
        Ok(title) => title,
        Err(e) => {
            return respond
                .ephemeral(crate::discord::words::title_too_long(lang, &e))
                .await
        }
    };
    let duration = match options
        .text("duration")
        .map(|d| parse_duration(d, bot.config.durations))
        .transpose()
    {
        Ok(duration) => duration,
        Err(e) => {
            return respond
                .ephemeral(crate::discord::words::duration_error(lang, &e))
                .await
        }
    };
    if let Some(granted) = command.app_permissions {
        let missing = permissions::missing(granted, lang);
        if !missing.is_empty() {
            return respond
                .ephemeral(tr!(
                    lang,
                    "start-missing-permissions",
                    channel = format!("<#{}>", command.channel_id),
                    missing = missing.join("**, **"),
                ))
                .await;
        }
    }

    respond.defer_ephemeral().await?;
    let request = StartRequest {
        guild_id: guild_id.domain(),
        channel_id: command.channel_id.domain(),
        template,
        title,
        facilitator_id: command.user.id.domain(),
        // Discord's clock, from the interaction id: every post of this retro is newer.
        created_at: created_at(command.id.get()),
        duration,
        occurrence: None,
        team_role_id: None,
        participation: Participation::from_anonymous(options.flag("anonymous").unwrap_or(false)),
        reminders: settings.reminders.value,
        anonymous_min_voters: settings.anonymous_min_voters.value,
    };
    let text = match start_retro(bot, request).await {
        Ok(retro) => {
            let closes = retro
                .closes_at
                .map(|at| {
                    tr!(
                        lang,
                        "start-closes",
                        relative = format!("<t:{}:R>", at.timestamp())
                    )
                })
                .unwrap_or_default();
            let how = if retro.participation.is_anonymous() {
                lang.t("start-started-anonymously")
            } else {
                String::new()
            };
            tr!(
                lang,
                "start-started",
                name = crate::domain::member_text::inline(&retro.display_name()),
                link = jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
                how = how,
                statements = retro.template.statements.len(),
                questions = retro.template.questions.len(),
                closes = closes,
            )
        }
        Err(StartError::ChannelBusy(Some(busy))) => tr!(
            lang,
            "start-channel-busy",
            name = crate::domain::member_text::inline(&busy.display_name()),
            link = jump_link(busy.guild_id, busy.channel_id, busy.header_message_id),
        ),
        Err(StartError::ChannelBusy(None)) => lang.t("start-channel-being-set-up"),
        Err(StartError::OccurrenceTaken) => lang.t("start-occurrence-taken"),
        // Only scheduled check-ins are resumed later; a command's start never is.
        Err(StartError::WillResume(error)) => {
            tr!(lang, "start-will-resume", error = error.describe(lang))
        }
        Err(StartError::Store(e)) => {
            let problem = database_problem_in(bot, lang, "start-what-save", &e);
            tr!(lang, "start-nothing-posted", problem = problem)
        }
        Err(StartError::Post { error, leftovers }) => {
            let cleanup = if leftovers == 0 {
                lang.t("start-removed-posts")
            } else {
                tr!(lang, "start-leftover-posts", leftovers = leftovers)
            };
            tr!(
                lang,
                "start-failed",
                error = error.describe(lang),
                cleanup = cleanup
            )
        }
    };
    respond.edit(text).await
}
