//! `/retro template export` attaches a template as the TOML file that `templates_dir` and
//! `import` accept; `/retro template import file:<attachment>` reads such a file, validates it
//! like a template file (errors name the file, the field and the line) and adds it to this
//! server under its key. Answers are in the member's language.

use serenity::all::{
    Attachment, CommandInteraction, CreateAllowedMentions, EditInteractionResponse, GuildId,
    ResolvedOption, ResolvedValue,
};

use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::{database_problem_in, Responder};
use crate::discord::commands::rights::{member_may_manage, only_managers_may_in};
use crate::discord::ids::ToDomain;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::rest::Upload;
use crate::discord::server::catalog_of;
use crate::domain::template::Template;
use crate::domain::template_text::template_to_toml;
use crate::i18n::Language;
use crate::store::StoreError;
use crate::tr;

/// The largest template file read (a full template is a few kilobytes).
const MAX_FILE_BYTES: u32 = 64 * 1024;

/// `/retro template export template:<key>`: any template this server can use.
pub async fn export(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let key = options.text("template").unwrap_or_default().trim();
    let catalog = match catalog_of(bot, Some(guild.domain())).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("admin-what-read-templates", &e))
                .await
        }
    };
    let Some((template, origin)) = catalog.get(key) else {
        return respond
            .ephemeral(tr!(lang, "team-template-unknown", key = key))
            .await;
    };
    let file = Upload {
        filename: format!("{}.toml", template.key),
        bytes: template_to_toml(template).into_bytes(),
    };
    let text = tr!(
        lang,
        "team-template-exported",
        name = &template.name,
        key = &template.key,
        origin = origin.to_string()
    );
    respond.defer_ephemeral().await?;
    let body = EditInteractionResponse::new()
        .content(text)
        .allowed_mentions(CreateAllowedMentions::new());
    bot.rest
        .edit_original_with_file(&command.token, &body, Some(&file))
        .await
        .map(drop)
}

/// The attachment option called `name` among the (nested) options.
fn attachment<'a>(options: Vec<ResolvedOption<'a>>, name: &str) -> Option<&'a Attachment> {
    options.into_iter().find_map(|option| match option.value {
        ResolvedValue::SubCommand(inner) | ResolvedValue::SubCommandGroup(inner) => {
            attachment(inner, name)
        }
        ResolvedValue::Attachment(file) if option.name == name => Some(file),
        _ => None,
    })
}

/// The bytes of an attachment at `url` (Discord's CDN), at most [`MAX_FILE_BYTES`].
async fn download(url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let mut answer = reqwest::Client::new()
        .get(url)
        .send()
        .await?
        .error_for_status()?;
    let mut bytes = Vec::new();
    while let Some(chunk) = answer.chunk().await? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_FILE_BYTES as usize {
            break;
        }
    }
    Ok(bytes)
}

/// `/retro template import file:<attachment>`.
pub async fn import(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may_in(bot, guild, lang, "rights-what-import-templates").await)
            .await;
    }
    let Some(file) = attachment(command.data.options(), "file") else {
        return respond.ephemeral(lang.t("team-template-attach")).await;
    };
    if file.size > MAX_FILE_BYTES {
        return respond.ephemeral(too_big(&file.filename, lang)).await;
    }
    respond.defer_ephemeral().await?;
    let text = match import_file(bot, command, guild, file, lang).await {
        Ok(text) | Err(text) => text,
    };
    respond.edit(text).await
}

async fn import_file(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    file: &Attachment,
    lang: Language,
) -> Result<String, String> {
    let name = file.filename.as_str();
    let bytes = download(&file.url).await.map_err(|e| {
        tracing::warn!(error = %e, "could not download an attached template file");
        tr!(lang, "team-template-file-unreadable", file = name)
    })?;
    if bytes.len() > MAX_FILE_BYTES as usize {
        return Err(too_big(name, lang));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| tr!(lang, "team-template-file-not-text", file = name))?;
    let template = Template::from_toml(name, &text)
        .map_err(|e| e.to_string())
        .map_err(|problem| tr!(lang, "team-template-not-imported", problem = problem))?;
    let catalog = catalog_of(bot, Some(guild.domain()))
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-read-templates", &e))?;
    catalog
        .check_new_key(&template.key)
        .map_err(|e| e.to_string())
        .map_err(|problem| tr!(lang, "team-template-key-not-new", problem = problem))?;
    let now = created_at(command.id.get());
    match bot
        .store
        .create_server_template(guild.domain(), &template, command.user.id.domain(), now)
        .await
    {
        Ok(()) => {
            tracing::info!(guild = guild.get(), template = %template.key, "server template imported");
            Ok(tr!(
                lang,
                "team-template-imported",
                name = &template.name,
                key = &template.key
            ))
        }
        Err(StoreError::TemplateKeyTaken(key)) => {
            Err(tr!(lang, "team-template-key-used", key = key))
        }
        Err(e) => Err(database_problem_in(
            bot,
            lang,
            "admin-what-save-template",
            &e,
        )),
    }
}

/// The refusal of a file larger than [`MAX_FILE_BYTES`].
fn too_big(file: &str, lang: Language) -> String {
    tr!(
        lang,
        "team-template-file-too-big",
        file = file,
        kib = lang.number(f64::from(MAX_FILE_BYTES / 1024), 0)
    )
}
