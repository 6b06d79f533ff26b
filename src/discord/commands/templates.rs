//! `/retro templates`: every template this server can use (built-in, the operator's and its
//! own, each marked) with its scale, statements and questions.

use serenity::all::{CommandOptionType, CreateCommandOption};

use super::respond::{database_problem, Responder};
use crate::discord::bot::Bot;
use crate::discord::render::reports::pack_parts;
use crate::discord::rest::RestError;
use crate::discord::server::catalog_of;
use crate::domain::ids::GuildId;

/// `/retro templates`.
pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "templates",
        "List the available health-check templates",
    )
}

/// Lists every template with its scale, statements and questions, over several messages when
/// they do not fit in one (never cut).
pub async fn run(
    bot: &Bot,
    guild: Option<GuildId>,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let catalog = match catalog_of(bot, guild).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(database_problem(bot, "read this server's templates", &e))
                .await
        }
    };
    let blocks: Vec<String> = catalog
        .iter()
        .map(|(template, origin)| {
            let scale = crate::discord::words::scale(respond.lang(), &template.scale);
            let mut text = format!(
                "**{}** (`{}`, {origin}), voted {}",
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
    let parts = pack_parts(respond.lang(), "Templates", &blocks, None);
    respond.edit_parts(&parts, None).await
}
