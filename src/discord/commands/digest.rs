//! `/retro digest add|list|remove`: recurring posts of the sharing channels' overview into a hub
//! channel, on the same rules as scheduled check-ins (rule, time zone, exactly once). Adding and
//! removing need Manage Server or the facilitator role.

use serenity::all::{
    AutocompleteChoice, ChannelId, ChannelType, CommandInteraction, CommandOptionType,
    CreateCommandOption, GuildId, Permissions,
};

use super::options::Options;
use super::respond::{database_problem_in, Responder};
use super::rights::{may_manage_schedules, only_managers_may_in};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::permissions;
use crate::discord::render::CONTENT_LIMIT;
use crate::discord::rest::snowflake::created_at;
use crate::discord::rest::RestError;
use crate::discord::words;
use crate::domain::ids::GuildId as DomainGuildId;
use crate::domain::overview::{Digest, DigestId};
use crate::domain::recurrence::Recurrence;
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::store::NewDigest;
use crate::tr;

/// The `digest` subcommand group (option names are a contract).
pub fn definition() -> CreateCommandOption {
    let text =
        |name: &str, about: &str| CreateCommandOption::new(CommandOptionType::String, name, about);
    let add = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "add",
        "Post the sharing teams' overview into a hub channel on a schedule",
    )
    .add_sub_option(
        CreateCommandOption::new(CommandOptionType::Channel, "channel", "The hub channel")
            .channel_types(vec![ChannelType::Text, ChannelType::News])
            .required(true),
    )
    .add_sub_option(text("when", "e.g. every monday 09:00, 0 9 * * 1").required(true))
    .add_sub_option(
        text("template", "Which health check (default: the most used)").set_autocomplete(true),
    )
    .add_sub_option(text("timezone", "IANA time zone, e.g. Europe/Berlin").set_autocomplete(true));
    let list = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "list",
        "List this server's digests",
    );
    let remove = CreateCommandOption::new(CommandOptionType::SubCommand, "remove", "Stop a digest")
        .add_sub_option(
            text("digest", "Which digest")
                .required(true)
                .set_autocomplete(true),
        );
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "digest",
        "Recurring overviews of the sharing teams in a hub channel",
    )
    .add_sub_option(add)
    .add_sub_option(list)
    .add_sub_option(remove)
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    action: &str,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    match action {
        "list" => list(bot, guild, respond).await,
        "remove" => remove(bot, command, guild, options, respond).await,
        _ => {
            respond.defer_ephemeral().await?;
            let text = match add(bot, command, guild, options, respond.lang()).await {
                Ok(text) | Err(text) => text,
            };
            respond.edit(text).await
        }
    }
}

/// The answer to `add` in `lang`: `Ok` when the digest was created, `Err` with the problem.
async fn add(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    lang: Language,
) -> Result<String, String> {
    if !may_manage_schedules(bot, guild, command).await {
        return Err(only_managers_may_in(bot, guild, lang, "rights-what-manage-digests").await);
    }
    let when = options.text("when").unwrap_or_default();
    let timezone = options
        .text("timezone")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(&bot.config.default_timezone);
    let template_key = match options.text("template").map(str::trim) {
        Some(key) if !key.is_empty() => {
            let template = bot
                .config
                .templates
                .get(key)
                .ok_or_else(|| tr!(lang, "digest-unknown-template", key = key))?;
            Some(template.key.clone())
        }
        _ => None,
    };
    let now = created_at(command.id.get());
    let recurrence =
        Recurrence::parse(when, timezone, now).map_err(|e| words::recurrence_error(lang, &e))?;
    let next = recurrence.upcoming(now, 3);
    if next.is_empty() {
        return Err(tr!(lang, "digest-never-fires", when = when));
    }
    let Some(hub) = options.id("channel") else {
        return Err(lang.t("digest-pick-hub"));
    };
    let hub_mention = format!("<#{hub}>");
    match permissions::bot_permissions_in(bot, guild, ChannelId::from(hub)).await {
        Ok(granted) => {
            let missing = missing_for_digests(granted, lang);
            if !missing.is_empty() {
                return Err(tr!(
                    lang,
                    "digest-missing-permissions",
                    hub = hub_mention.as_str(),
                    missing = missing.join("**, **")
                ));
            }
        }
        Err(e) => {
            return Err(tr!(
                lang,
                "digest-hub-unseen",
                hub = hub_mention.as_str(),
                error = e.to_string()
            ))
        }
    }
    let new = NewDigest {
        guild: guild.domain(),
        hub,
        recurrence,
        template_key,
        creator: command.user.id.domain(),
        next_at: next.first().copied(),
        created_at: now,
    };
    let digest = bot
        .store
        .create_digest(&new)
        .await
        .map_err(|e| database_problem_in(bot, lang, "org-what-save-digest", &e))?;
    bot.schedule_changed.notify_one();
    tracing::info!(digest = %digest.id, rule = %digest.recurrence.describe(), "digest created");
    let upcoming: Vec<String> = next
        .iter()
        .map(|at| format!("<t:{}:F>", at.timestamp()))
        .collect();
    Ok(tr!(
        lang,
        "digest-created",
        id = digest.id.to_string(),
        template = template_words(lang, &digest),
        hub = hub_mention,
        rule = words::recurrence(lang, &digest.recurrence),
        next = upcoming.join(", "),
    ))
}

/// What a hub channel needs for digests that `granted` lacks, by Discord's names.
fn missing_for_digests(granted: Permissions, lang: Language) -> Vec<String> {
    let required = Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::EMBED_LINKS
        | Permissions::ATTACH_FILES;
    permissions::missing_of(required, granted, lang)
}

/// Which health check a digest shows, in `lang`.
fn template_words(lang: Language, digest: &Digest) -> String {
    digest
        .template_key
        .as_deref()
        .map_or_else(|| lang.t("digest-most-used"), |key| format!("`{key}`"))
}

async fn list(bot: &Bot, guild: GuildId, respond: &Responder<'_>) -> Result<(), RestError> {
    let lang = respond.lang();
    let digests = match bot.store.digests_in(guild.domain()).await {
        Ok(digests) => digests,
        Err(e) => {
            return respond
                .ephemeral(respond.database_problem("org-what-read-digests", &e))
                .await
        }
    };
    if digests.is_empty() {
        return respond.ephemeral(lang.t("digest-none")).await;
    }
    let lines: Vec<String> = digests
        .iter()
        .map(|d| {
            let next = match (d.paused, d.next_at) {
                (true, _) => lang.t("digest-paused"),
                (false, Some(at)) => {
                    tr!(
                        lang,
                        "digest-next",
                        when = format!("<t:{}:R>", at.timestamp())
                    )
                }
                (false, None) => lang.t("digest-never-again"),
            };
            tr!(
                lang,
                "digest-line",
                id = d.id.to_string(),
                rule = words::recurrence(lang, &d.recurrence),
                hub = format!("<#{}>", d.hub),
                template = template_words(lang, d),
                next = next
            )
        })
        .collect();
    respond
        .ephemeral(shorten(&lines.join("\n"), CONTENT_LIMIT))
        .await
}

async fn remove(
    bot: &Bot,
    command: &CommandInteraction,
    guild: GuildId,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    if !may_manage_schedules(bot, guild, command).await {
        return respond
            .ephemeral(only_managers_may_in(bot, guild, lang, "rights-what-manage-digests").await)
            .await;
    }
    let given = options
        .text("digest")
        .unwrap_or_default()
        .trim()
        .trim_start_matches('#');
    let removed = match given.parse::<i64>() {
        Ok(id) => bot.store.delete_digest(DigestId(id), guild.domain()).await,
        Err(_) => Ok(false),
    };
    match removed {
        Ok(true) => {
            bot.schedule_changed.notify_one();
            tracing::info!(digest = given, "digest removed");
            respond
                .ephemeral(tr!(lang, "digest-removed", id = given))
                .await
        }
        Ok(false) => {
            let given = shorten(&given.replace('`', "'"), 40);
            respond
                .ephemeral(tr!(lang, "digest-unknown", given = given))
                .await
        }
        Err(e) => {
            respond
                .ephemeral(respond.database_problem("org-what-remove-digest", &e))
                .await
        }
    }
}

/// Autocomplete for the `digest` option: the server's digests, described in `lang`.
pub async fn digest_choices(
    bot: &Bot,
    guild: DomainGuildId,
    query: &str,
    lang: Language,
) -> Vec<AutocompleteChoice> {
    bot.store
        .digests_in(guild)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            let label = tr!(
                lang,
                "digest-choice",
                id = d.id.to_string(),
                rule = words::recurrence(lang, &d.recurrence),
                hub = d.hub.to_string(),
                template = template_words(lang, &d)
            );
            (d.id, label)
        })
        .filter(|(_, label)| label.to_lowercase().contains(query))
        .take(25)
        .map(|(id, label)| AutocompleteChoice::new(shorten(&label, 100), id.0.to_string()))
        .collect()
}
