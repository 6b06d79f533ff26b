//! `/retro template export` attaches a template as the TOML file that `templates_dir` and
//! `import` accept; `/retro template import file:<attachment>` reads such a file, validates it
//! like a template file (errors name the file, the field and the line) and adds it to this
//! server under its key.

use serenity::all::{
    Attachment, CommandInteraction, CreateAllowedMentions, EditInteractionResponse, GuildId,
    ResolvedOption, ResolvedValue,
};

use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::{database_problem, Responder};
use crate::discord::commands::rights::{member_may_manage, only_managers_may};
use crate::discord::ids::ToDomain;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::rest::Upload;
use crate::discord::server::catalog_of;
use crate::domain::template::Template;
use crate::domain::template_text::template_to_toml;
use crate::store::StoreError;

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
    let key = options.text("template").unwrap_or_default().trim();
    let catalog = match catalog_of(bot, Some(guild.domain())).await {
        Ok(catalog) => catalog,
        Err(e) => {
            return respond
                .ephemeral(database_problem(bot, "read this server's templates", &e))
                .await
        }
    };
    let Some((template, origin)) = catalog.get(key) else {
        return respond
            .ephemeral(format!(
                "There is no template `{key}` in this server. `/retro templates` lists them."
            ))
            .await;
    };
    let file = Upload {
        filename: format!("{}.toml", template.key),
        bytes: template_to_toml(template).into_bytes(),
    };
    let text = format!(
        "**{}** (`{}`, {origin}) as a template file. `/retro template import` (here or in another server) and the bot's `templates_dir` accept it; change its `key` to keep both.",
        template.name, template.key
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
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may(bot, guild, "import templates into this server").await)
            .await;
    }
    let Some(file) = attachment(command.data.options(), "file") else {
        return respond
            .ephemeral("Attach a template file (`.toml`, as `/retro template export` makes).")
            .await;
    };
    if file.size > MAX_FILE_BYTES {
        return respond
            .ephemeral(format!(
                "`{}` is too big for a template file (at most {} KiB).",
                file.filename,
                MAX_FILE_BYTES / 1024
            ))
            .await;
    }
    respond.defer_ephemeral().await?;
    let text = match import_file(bot, command, guild, file).await {
        Ok(text) | Err(text) => text,
    };
    respond.edit(text).await
}

async fn import_file(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    file: &Attachment,
) -> Result<String, String> {
    let bytes = download(&file.url).await.map_err(|e| {
        tracing::warn!(error = %e, "could not download an attached template file");
        format!(
            "I couldn't read `{}` from Discord. Please try again.",
            file.filename
        )
    })?;
    if bytes.len() > MAX_FILE_BYTES as usize {
        return Err(format!(
            "`{}` is too big for a template file.",
            file.filename
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("`{}` is not a text (UTF-8) file.", file.filename))?;
    let template =
        Template::from_toml(&file.filename, &text).map_err(|e| format!("Not imported: {e}"))?;
    let catalog = catalog_of(bot, Some(guild.domain()))
        .await
        .map_err(|e| database_problem(bot, "read this server's templates", &e))?;
    catalog
        .check_new_key(&template.key)
        .map_err(|e| format!("Not imported: {e} (change `key` in the file)."))?;
    let now = created_at(command.id.get());
    match bot
        .store
        .create_server_template(guild.domain(), &template, command.user.id.domain(), now)
        .await
    {
        Ok(()) => {
            tracing::info!(guild = guild.get(), template = %template.key, "server template imported");
            Ok(format!(
                "Imported **{}** as `{}` for this server. Start it with `/retro start template:{}`.",
                template.name, template.key, template.key
            ))
        }
        Err(StoreError::TemplateKeyTaken(key)) => Err(format!(
            "Not imported: the key `{key}` is already used by a template this server can see (change `key` in the file)."
        )),
        Err(e) => Err(database_problem(bot, "save the template", &e)),
    }
}
