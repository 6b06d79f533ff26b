//! `/retro templates`: every template this server can use (built-in, the operator's and its
//! own, each marked) with its scale, statements and questions.

use serenity::all::{CommandOptionType, CreateCommandOption};

use super::respond::Responder;
use crate::discord::bot::Bot;
use crate::discord::render::reports::pack_parts;
use crate::discord::rest::RestError;
use crate::discord::server::catalog_of;
use crate::domain::ids::GuildId;
use crate::domain::server_catalog::TemplateOrigin;
use crate::i18n::Language;
use crate::tr;

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
    let lang = respond.lang();
    let catalog = match catalog_of(bot, guild).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("templates-what-read", &e))
                .await
        }
    };
    let blocks: Vec<String> = catalog
        .iter()
        .map(|(template, origin)| {
            let scale = crate::discord::words::scale(lang, &template.scale);
            let mut text = tr!(
                lang,
                "templates-entry",
                name = &template.name,
                key = &template.key,
                origin = origin_words(lang, origin),
                scale = scale,
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
    let parts = pack_parts(lang, &lang.t("templates-title"), &blocks, None);
    respond.edit_parts(&parts, None).await
}

/// Where a template comes from, as a member reads it ("built-in", "this server").
pub fn origin_words(lang: Language, origin: TemplateOrigin) -> String {
    match origin {
        TemplateOrigin::BuiltIn => lang.t("template-origin-built-in"),
        TemplateOrigin::Operator => lang.t("template-origin-operator"),
        TemplateOrigin::Server => lang.t("template-origin-server"),
    }
}
