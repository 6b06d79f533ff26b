//! Autocomplete for the options that name something: templates, open retros, time zones,
//! schedules and digests.

use serenity::all::{
    AutocompleteChoice, CommandInteraction, CreateAutocompleteResponse, CreateInteractionResponse,
};

use super::close;
use super::digest;
use super::schedule;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::rest::RestError;
use crate::domain::text::shorten;

/// Answers an autocomplete request with up to 25 choices.
pub async fn run(bot: &Bot, command: &CommandInteraction) -> Result<(), RestError> {
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
            let guild = command.guild_id.map(|g| g.domain()).unwrap_or_default();
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
        "timezone" => schedule::timezone_choices(&query),
        "digest" => {
            let guild = command.guild_id.map(|g| g.domain()).unwrap_or_default();
            digest::digest_choices(bot, guild, &query).await
        }
        "schedule" => {
            let guild = command.guild_id.map(|g| g.domain()).unwrap_or_default();
            schedule::schedule_choices(bot, guild, &query).await
        }
        _ => Vec::new(),
    };
    let body = CreateInteractionResponse::Autocomplete(
        CreateAutocompleteResponse::new().set_choices(choices),
    );
    bot.rest.respond(command.id, &command.token, &body).await
}
