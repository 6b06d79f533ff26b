//! The read-only commands: `/retro status` (open retros here, with participation so far),
//! `/retro templates`, and autocomplete for template names and open retros.

use serenity::all::{
    AutocompleteChoice, CommandInteraction, CreateAutocompleteResponse, CreateInteractionResponse,
};

use super::{close, Responder};
use crate::discord::render::jump_link;
use crate::discord::rest::RestError;
use crate::discord::Bot;
use crate::domain::retro::RetroStatus;
use crate::domain::text::shorten;

pub async fn status(
    bot: &Bot,
    command: &CommandInteraction,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    // Deferred first: during a database outage the lookup may take seconds.
    respond.defer_ephemeral().await?;
    let channel = command.channel_id.get();
    let retro = match bot.store.active_retro_in_channel(channel).await {
        Ok(Some(retro)) => retro,
        Ok(None) => {
            return respond
                .edit("No retro is open in this channel. Start one with `/retro start`.")
                .await
        }
        Err(e) => {
            return respond
                .edit(super::database_problem(bot, "read the retros", &e))
                .await
        }
    };
    let participation = bot.store.participation(retro.id).await.unwrap_or_default();
    let (state, closes) = match (retro.status, retro.closes_at) {
        (RetroStatus::Posting, _) => ("Retro being set up", String::new()),
        (RetroStatus::Closing, _) => (
            "Retro being closed",
            ", its summary is on its way".to_string(),
        ),
        (_, Some(at)) => ("Open retro", format!(", closes <t:{}:R>", at.timestamp())),
        (_, None) => (
            "Open retro",
            ", closes when the facilitator runs `/retro close`".to_string(),
        ),
    };
    let voters = if participation.voters == 1 {
        "member has"
    } else {
        "members have"
    };
    let replies = if participation.replies == 1 {
        "reply"
    } else {
        "replies"
    };
    respond
        .edit(format!(
            "**{state} {}:** [{}]({}), started by <@{}>{closes}.\n{} {voters} voted · {} {replies} in the question threads.",
            retro.id,
            retro.display_name(),
            jump_link(retro.guild_id, retro.channel_id, retro.header_message_id),
            retro.facilitator_id,
            participation.voters,
            participation.replies,
        ))
        .await
}

/// Lists every template with its scale, statements and questions, over several messages when
/// they do not fit in one (never cut).
pub async fn templates(bot: &Bot, respond: &Responder<'_>) -> Result<(), RestError> {
    let blocks: Vec<String> = bot
        .config
        .templates
        .iter()
        .map(|template| {
            let scale = template.scale.describe();
            let mut text = format!(
                "**{}** (`{}`), voted {}",
                template.name, template.key, scale
            );
            for statement in &template.statements {
                text.push_str(&format!("\n• {statement}"));
            }
            for question in &template.questions {
                text.push_str(&format!("\n💬 {question}"));
            }
            text
        })
        .collect();
    respond.defer_ephemeral().await?;
    let parts = crate::discord::render_reports::pack_parts("Templates", &blocks, None);
    respond.edit_parts(&parts, None).await
}

pub async fn autocomplete(bot: &Bot, command: &CommandInteraction) -> Result<(), RestError> {
    let Some(focused) = command.data.autocomplete() else {
        return Ok(());
    };
    let query = focused.value.to_lowercase();
    let choices: Vec<AutocompleteChoice> = match focused.name {
        "template" => bot
            .config
            .templates
            .matching(&query)
            .take(25)
            .map(|t| {
                AutocompleteChoice::new(
                    shorten(&format!("{} ({})", t.name, t.key), 100),
                    t.key.clone(),
                )
            })
            .collect(),
        "retro" => {
            let guild = command.guild_id.map_or(0, |g| g.get());
            close::open_in_guild(bot, guild)
                .await
                .into_iter()
                .filter(|r| {
                    query.is_empty()
                        || r.display_name().to_lowercase().contains(&query)
                        || r.id.0.to_string().contains(&query)
                })
                .take(25)
                .map(|r| {
                    AutocompleteChoice::new(
                        shorten(&format!("{} {}", r.id, r.display_name()), 100),
                        r.id.0.to_string(),
                    )
                })
                .collect()
        }
        "timezone" => super::schedule::timezone_choices(&query),
        "schedule" => {
            let guild = command.guild_id.map_or(0, |g| g.get());
            super::schedule::schedule_choices(bot, guild, &query).await
        }
        _ => Vec::new(),
    };
    let body = CreateInteractionResponse::Autocomplete(
        CreateAutocompleteResponse::new().set_choices(choices),
    );
    bot.rest.respond(command.id, &command.token, &body).await
}
