//! Creating, editing and deleting a server's own templates: `create` and `edit` open the
//! template form, its submit validates the text like a template file (errors name the line)
//! and saves it; `delete` names the schedules that keep using their copy. All of it needs
//! Manage Server or the facilitator role; built-in and operator templates are read-only.
//! Answers and the form are in the member's language.

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage, GuildId, InteractionId, ModalInteraction,
};

use super::form::{fits, modal, submitted, FormPurpose};
use crate::discord::bot::Bot;
use crate::discord::commands::options::Options;
use crate::discord::commands::respond::{database_problem_in, Responder};
use crate::discord::commands::rights::{member_may_manage, only_managers_may_in};
use crate::discord::ids::ToDomain;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::server::catalog_of;
use crate::domain::template_text::{parse_template_text, template_to_text};
use crate::i18n::Language;
use crate::store::StoreError;
use crate::tr;

/// What needs the right to manage templates says when the caller lacks it.
const WHAT: &str = "rights-what-change-templates";

/// `/retro template create` and `edit`: open the form (empty, or holding the template).
pub async fn open_form(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
    edit: bool,
) -> Result<(), RestError> {
    let lang = respond.lang();
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may_in(bot, guild, lang, WHAT).await)
            .await;
    }
    let (purpose, current) = if edit {
        let key = options.text("template").unwrap_or_default().trim();
        let catalog = match catalog_of(bot, Some(guild.domain())).await {
            Ok(catalog) => catalog,
            Err(e) => {
                return respond
                    .ephemeral(respond.database_problem("admin-what-read-templates", &e))
                    .await
            }
        };
        let template = match catalog.editable(key) {
            Ok(template) => template,
            Err(e) => {
                let problem = e.to_string();
                return respond
                    .ephemeral(tr!(lang, "team-template-cannot-edit", problem = problem))
                    .await;
            }
        };
        let text = template_to_text(template);
        if !fits(&text) {
            return respond
                .ephemeral(tr!(lang, "team-template-too-long", key = key))
                .await;
        }
        (FormPurpose::Edit(key.to_string()), Some(text))
    } else {
        (FormPurpose::Create, None)
    };
    let body = CreateInteractionResponse::Modal(modal(&purpose, current.as_ref(), lang));
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
    let lang = respond.lang();
    if !member_may_manage(bot, guild, command.member.as_deref()).await {
        return respond
            .ephemeral(only_managers_may_in(bot, guild, lang, WHAT).await)
            .await;
    }
    respond.defer_ephemeral().await?;
    let key = options.text("template").unwrap_or_default().trim();
    let text = match delete_template(bot, guild, key, respond.lang()).await {
        Ok(text) | Err(text) => text,
    };
    respond.edit(text).await
}

async fn delete_template(
    bot: &Bot,
    guild: GuildId,
    key: &str,
    lang: Language,
) -> Result<String, String> {
    let guild = guild.domain();
    let catalog = catalog_of(bot, Some(guild))
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-read-templates", &e))?;
    let name = catalog
        .editable(key)
        .map_err(|e| e.to_string())
        .map_err(|problem| tr!(lang, "team-template-cannot-delete", problem = problem))?
        .name
        .clone();
    let users = bot
        .store
        .schedules_using_template(guild, key)
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-look-up-schedules", &e))?;
    let deleted = bot
        .store
        .delete_server_template(guild, key)
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-delete-template", &e))?;
    if !deleted {
        return Err(tr!(lang, "team-template-gone", key = key));
    }
    tracing::info!(
        guild = guild.get(),
        template = key,
        "server template deleted"
    );
    let schedules = if users.is_empty() {
        lang.t("team-template-used-by-none")
    } else {
        let named: Vec<String> = users
            .iter()
            .map(|s| {
                tr!(
                    lang,
                    "team-template-schedule",
                    id = s.id.to_string(),
                    rule = crate::discord::words::recurrence(lang, &s.recurrence),
                    channel = format!("<#{}>", s.channel_id)
                )
            })
            .collect();
        tr!(lang, "team-template-used-by", schedules = named.join("; "))
    };
    Ok(tr!(
        lang,
        "team-template-deleted",
        name = name,
        key = key,
        schedules = schedules
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
    let lang = Language::from_locale(&submit.locale);
    let text = match submit.guild_id {
        None => lang.t("team-template-outside-server"),
        Some(guild) => match save(bot, submit, guild, purpose, lang).await {
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
    lang: Language,
) -> Result<String, String> {
    if !member_may_manage(bot, guild, submit.member.as_ref()).await {
        return Err(only_managers_may_in(bot, guild, lang, WHAT).await);
    }
    let text = submitted(submit);
    let catalog = catalog_of(bot, Some(guild.domain()))
        .await
        .map_err(|e| database_problem_in(bot, lang, "admin-what-read-templates", &e))?;
    let now = created_at(submit.id.get());
    let refused = |e: &dyn std::fmt::Display| {
        let problem = e.to_string();
        tr!(lang, "team-template-not-saved", problem = problem)
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
            Ok(tr!(
                lang,
                "team-template-saved",
                name = &template.name,
                key = &template.key,
                statements = template.statements.len(),
                questions = template.questions.len(),
                scale = crate::discord::words::scale(lang, &template.scale),
            ))
        }
        Ok(false) => Err(tr!(lang, "team-template-gone", key = &template.key)),
        Err(StoreError::TemplateKeyTaken(key)) => {
            Err(tr!(lang, "team-template-key-taken", key = key))
        }
        Err(e) => Err(database_problem_in(
            bot,
            lang,
            "admin-what-save-template",
            &e,
        )),
    }
}
