//! Autocomplete for the options that name something: templates, open retros, time zones,
//! schedules and digests.

use serenity::all::{
    AutocompleteChoice, CommandInteraction, CreateAutocompleteResponse, CreateInteractionResponse,
};

use super::close;
use super::digest;
use super::schedule;
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::rest::RestError;
use crate::domain::text::shorten;

/// Answers an autocomplete request with up to 25 choices.
pub async fn run(bot: &Bot, command: &CommandInteraction) -> Result<(), RestError> {
    let Some(focused) = command.data.autocomplete() else {
        return Ok(());
    };
    let query = focused.value.to_lowercase();
    let choices: Vec<AutocompleteChoice> = match focused.name {
        "template" | "default_template" => {
            let guild = command.guild_id.map(|g| g.domain());
            template_choices(bot, guild, language::of_member(command), &query).await
        }
        "retro" => {
            let viewer = access::viewer(bot, command).await;
            close::open_visible(bot, &viewer)
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
            digest::digest_choices(
                bot,
                guild,
                &query,
                crate::discord::language::of_member(command),
            )
            .await
        }
        "schedule" => {
            let viewer = access::viewer(bot, command).await;
            schedule::schedule_choices(
                bot,
                &viewer,
                &query,
                crate::discord::language::of_member(command),
            )
            .await
        }
        _ => Vec::new(),
    };
    let body = CreateInteractionResponse::Autocomplete(
        CreateAutocompleteResponse::new().set_choices(choices),
    );
    bot.rest.respond(command.id, &command.token, &body).await
}

/// The templates this server can use whose key or name contains `query`, each marked with
/// where it comes from (built-in, operator, this server).
async fn template_choices(
    bot: &Bot,
    guild: Option<crate::domain::ids::GuildId>,
    lang: crate::i18n::Language,
    query: &str,
) -> Vec<AutocompleteChoice> {
    let catalog = match crate::discord::server::catalog_of(bot, guild).await {
        Ok(catalog) => catalog,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the server's templates");
            return Vec::new();
        }
    };
    catalog
        .matching(query)
        .take(25)
        .map(|(t, origin)| {
            let origin = super::templates::origin_words(lang, origin);
            AutocompleteChoice::new(
                shorten(&format!("{} ({}, {origin})", t.name, t.key), 100),
                t.key.clone(),
            )
        })
        .collect()
}
