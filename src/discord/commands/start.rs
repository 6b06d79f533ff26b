//! `/retro start`: checks everything that needs no I/O and answers bad input at once, then
//! defers, creates the retro (one per channel), posts it and reports to the facilitator. A
//! failed post is removed and the retro marked failed, never left looking open.

use std::sync::Arc;

use serenity::all::{
    ChannelType, CommandInteraction, CommandOptionType, CreateCommandOption, GuildId,
};

use super::options::Options;
use super::respond::{database_problem, Responder};
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
    if let Some(channel) = &command.channel {
        if !matches!(channel.kind, ChannelType::Text | ChannelType::News) {
            return respond.ephemeral("Run `/retro start` in a text channel (not in a thread, forum or voice channel).").await;
        }
    }
    let settings = match settings_of(bot, guild_id.domain()).await {
        Ok(settings) => settings,
        Err(e) => {
            return respond
                .ephemeral(database_problem(bot, "read this server's settings", &e))
                .await
        }
    };
    let catalog = match catalog_of(bot, Some(guild_id.domain())).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(database_problem(bot, "read this server's templates", &e))
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
            .ephemeral(format!("There is no template called `{key}`. Known templates: {}. `/retro templates` describes them.", known.join(", ")))
            .await;
    };
    let template = template.clone();
    let title = match validate_title(options.text("title")) {
        Ok(title) => title,
        Err(message) => return respond.ephemeral(message).await,
    };
    let duration = match options
        .text("duration")
        .map(|d| parse_duration(d, bot.config.durations))
        .transpose()
    {
        Ok(duration) => duration,
        Err(e) => return respond.ephemeral(e.to_string()).await,
    };
    if let Some(granted) = command.app_permissions {
        let missing = permissions::missing(granted);
        if !missing.is_empty() {
            return respond
                .ephemeral(format!(
                    "I can't run a retro in <#{}>: I'm missing these permissions here: **{}**. Ask a server admin to grant them, then try again.",
                    command.channel_id,
                    missing.join("**, **")
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
                .map(|at| format!(" It closes <t:{}:R>.", at.timestamp()))
                .unwrap_or_default();
            let how = if retro.participation.is_anonymous() {
                " anonymously (votes by buttons, answers by form; nobody can see who said what)"
            } else {
                ""
            };
            format!(
                "Started [{}]({}){how}: {} statements to vote on and {} questions to answer in threads.{closes} Close it with `/retro close`.",
                crate::domain::member_text::inline(&retro.display_name()),
                jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
                retro.template.statements.len(),
                retro.template.questions.len(),
            )
        }
        Err(StartError::ChannelBusy(Some(busy))) => format!(
            "This channel already has an open retro: [{}]({}). Close it with `/retro close` before starting another.",
            crate::domain::member_text::inline(&busy.display_name()),
            jump_link(busy.guild_id, busy.channel_id, busy.header_message_id)
        ),
        Err(StartError::ChannelBusy(None)) => {
            "This channel already has a retro being set up or closed. Try again in a moment.".to_string()
        }
        Err(StartError::OccurrenceTaken) => "That check-in was already started.".to_string(),
        // Only scheduled check-ins are resumed later; a command's start never is.
        Err(StartError::WillResume(error)) => {
            format!("Discord failed for now ({error}); I will finish posting shortly.")
        }
        Err(StartError::Store(e)) => {
            let problem = database_problem(bot, "save the retro", &e);
            format!("{problem} Nothing was posted.")
        }
        Err(StartError::Post { error, leftovers }) => {
            let cleanup = if leftovers == 0 {
                "I removed what I had posted; nothing is open.".to_string()
            } else {
                format!("I could not remove {leftovers} of my posts; please delete them. Nothing is open.")
            };
            format!("I couldn't start the retro: {error}. {cleanup} Check my permissions and try again.")
        }
    };
    respond.edit(text).await
}
