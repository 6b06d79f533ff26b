//! Creating, editing and deleting a server's own templates: `create` and `edit` open the
//! template form, its submit validates the text like a template file (errors name the line)
//! and saves it; `delete` names the schedules that keep using their copy. All of it needs
//! Manage Server or the facilitator role; built-in and operator templates are read-only.

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage, GuildId, InteractionId, ModalInteraction,
};

use super::form::{fits, modal, submitted, FormPurpose};
use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::{database_problem, Responder};
use crate::discord::commands::rights::{member_may_manage, only_managers_may};
use crate::discord::ids::ToDomain;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::catalog_of;
use crate::domain::template_text::{parse_template_text, template_to_text};
use crate::store::StoreError;

/// What needs the right to manage templates says when the caller lacks it.
const WHAT: &str = "create, edit or delete this server's templates";

/// `/retro template create` and `edit`: open the form (empty, or holding the template).
pub async fn open_form(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
    edit: bool,
) -> Result<(), RestError> {
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may(bot, guild, WHAT).await)
            .await;
    }
    let (purpose, current) = if edit {
        let key = options.text("template").unwrap_or_default().trim();
        let catalog = match catalog_of(bot, Some(guild.domain())).await {
            Ok(catalog) => catalog,
            Err(e) => {
                return respond
                    .ephemeral(database_problem(bot, "read this server's templates", &e))
                    .await
            }
        };
        let template = match catalog.editable(key) {
            Ok(template) => template,
            Err(e) => return respond.ephemeral(format!("I can't edit that: {e}.")).await,
        };
        let text = template_to_text(template);
        if !fits(&text) {
            return respond
                .ephemeral(format!("`{key}` is too long to edit in a form. Use `/retro template export`, edit the file, delete the template and `/retro template import` the file."))
                .await;
        }
        (FormPurpose::Edit(key.to_string()), Some(text))
    } else {
        (FormPurpose::Create, None)
    };
    let body = CreateInteractionResponse::Modal(modal(&purpose, current.as_ref()));
    bot.rest.respond(command.id, &command.token, &body).await
}

/// `/retro template delete template:<key>`.
pub async fn delete(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may(bot, guild, WHAT).await)
            .await;
    }
    respond.defer_ephemeral().await?;
    let key = options.text("template").unwrap_or_default().trim();
    let text = match delete_template(bot, guild, key).await {
        Ok(text) | Err(text) => text,
    };
    respond.edit(text).await
}

async fn delete_template(bot: &Bot, guild: GuildId, key: &str) -> Result<String, String> {
    let guild = guild.domain();
    let catalog = catalog_of(bot, Some(guild))
        .await
        .map_err(|e| database_problem(bot, "read this server's templates", &e))?;
    let name = catalog
        .editable(key)
        .map_err(|e| format!("I can't delete that: {e}."))?
        .name
        .clone();
    let users = bot
        .store
        .schedules_using_template(guild, key)
        .await
        .map_err(|e| database_problem(bot, "look up the schedules", &e))?;
    let deleted = bot
        .store
        .delete_server_template(guild, key)
        .await
        .map_err(|e| database_problem(bot, "delete the template", &e))?;
    if !deleted {
        return Err(format!(
            "There is no template `{key}` in this server any more."
        ));
    }
    tracing::info!(
        guild = guild.get(),
        template = key,
        "server template deleted"
    );
    let schedules = if users.is_empty() {
        " No schedule uses it.".to_string()
    } else {
        let named: Vec<String> = users
            .iter()
            .map(|s| {
                format!(
                    "schedule {} ({}) in <#{}>",
                    s.id,
                    s.recurrence.describe(),
                    s.channel_id
                )
            })
            .collect();
        format!(
            " These schedules keep using their own copy of it: {}. `/retro schedule remove` stops them.",
            named.join("; ")
        )
    };
    Ok(format!(
        "Deleted the template **{name}** (`{key}`).{schedules} Retros already started keep theirs."
    ))
}

/// Answers a form submit with a message only the member sees.
async fn say(bot: &Bot, id: InteractionId, token: &str, text: String) -> Result<(), RestError> {
    let body = CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new()),
    );
    bot.rest.respond(id, token, &body).await
}

/// A submitted template form: validated like a template file, then saved as a new template or
/// over the one edited.
pub async fn on_submit(
    bot: &Bot,
    submit: &ModalInteraction,
    purpose: FormPurpose,
) -> Result<(), RestError> {
    let text = match submit.guild_id {
        None => "Templates belong to a server; use the form in a server's channel.".to_string(),
        Some(guild) => match save(bot, submit, guild, purpose).await {
            Ok(text) | Err(text) => text,
        },
    };
    say(bot, submit.id, &submit.token, text).await
}

async fn save(
    bot: &Bot,
    submit: &ModalInteraction,
    guild: GuildId,
    purpose: FormPurpose,
) -> Result<String, String> {
    if !member_may_manage(bot, guild, submit.member.as_ref()).await {
        return Err(only_managers_may(bot, guild, WHAT).await);
    }
    let text = submitted(submit);
    let catalog = catalog_of(bot, Some(guild.domain()))
        .await
        .map_err(|e| database_problem(bot, "read this server's templates", &e))?;
    let now = created_at(submit.id.get());
    let refused = |e: &dyn std::fmt::Display| {
        format!("Your template was not saved: {e}. Run the command again to fix it.")
    };
    let (template, saved) = match purpose {
        FormPurpose::Create => {
            let key = catalog.new_key(&text.name);
            let template = parse_template_text(&key, &text).map_err(|e| {
                refused(&crate::discord::words::template_text_error(
                    crate::i18n::Language::from_locale(&submit.locale),
                    &e,
                ))
            })?;
            let saved = bot
                .store
                .create_server_template(guild.domain(), &template, submit.user.id.domain(), now)
                .await;
            (template, saved.map(|()| true))
        }
        FormPurpose::Edit(key) => {
            catalog.editable(&key).map_err(|e| refused(&e))?;
            let template = parse_template_text(&key, &text).map_err(|e| {
                refused(&crate::discord::words::template_text_error(
                    crate::i18n::Language::from_locale(&submit.locale),
                    &e,
                ))
            })?;
            let saved = bot
                .store
                .update_server_template(guild.domain(), &template, now)
                .await;
            (template, saved)
        }
    };
    match saved {
        Ok(true) => {
            tracing::info!(guild = guild.get(), template = %template.key, "server template saved");
            Ok(format!(
                "Saved **{}** as `{}` for this server: {} statements, {} questions, voted {}. Start it with `/retro start template:{}`.",
                template.name,
                template.key,
                template.statements.len(),
                template.questions.len(),
                crate::discord::words::scale(crate::i18n::Language::from_locale(&submit.locale), &template.scale),
                template.key
            ))
        }
        Ok(false) => Err(format!(
            "There is no template `{}` in this server any more.",
            template.key
        )),
        Err(StoreError::TemplateKeyTaken(key)) => Err(format!(
            "Your template was not saved: the key `{key}` was just taken. Try again."
        )),
        Err(e) => Err(database_problem(bot, "save the template", &e)),
    }
}
