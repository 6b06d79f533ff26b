//! `/retro templates`: every template with its scale, statements and questions.

use serenity::all::{CommandOptionType, CreateCommandOption};

use super::respond::Responder;
use crate::discord::bot::Bot;
use crate::discord::render::reports::pack_parts;
use crate::discord::rest::RestError;

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
pub async fn run(bot: &Bot, respond: &Responder<'_>) -> Result<(), RestError> {
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
    let parts = pack_parts("Templates", &blocks, None);
    respond.edit_parts(&parts, None).await
}
