//! `/retro export [retro] [format]`: a closed check-in as a file (CSV, JSON or Markdown) with
//! every vote and its member, every reply, the summary numbers and the actions; with
//! `scope:server`, the sharing channels' aggregates (`server_export`).

use serenity::all::{
    AutocompleteChoice, CommandInteraction, CommandOptionType, CreateAutocompleteResponse,
    CreateCommandOption, CreateInteractionResponse,
};

use super::options::Options;
use super::respond::Responder;
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::language;
use crate::discord::participation::summarise;
use crate::discord::rest::{RestError, Upload};
use crate::domain::export::{Export, ExportFormat};
use crate::domain::retro::{Retro, RetroId, RetroStatus};
use crate::domain::tally::current_votes;
use crate::domain::text::shorten;
use crate::i18n::Language;
use crate::store::{ClosedFilter, StoreError};
use crate::tr;

/// Largest file Discord lets a bot attach everywhere (servers without boosts).
const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;
/// The values of the `scope` option: one check-in, or the server's sharing channels.
const SCOPES: [&str; 2] = ["retro", "server"];

pub fn definition() -> CreateCommandOption {
    let mut format = CreateCommandOption::new(
        CommandOptionType::String,
        "format",
        "File format (default: csv)",
    );
    for name in ExportFormat::NAMES {
        format = localized_choice(format, &format!("export-format-{name}"), name);
    }
    let mut scope = CreateCommandOption::new(
        CommandOptionType::String,
        "scope",
        "One check-in (default) or the whole server's sharing channels",
    );
    for name in SCOPES {
        scope = localized_choice(scope, &format!("export-scope-{name}"), name);
    }
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "export",
        "Download a closed check-in: every vote, reply and number",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "retro",
            "Which closed check-in (default: latest, this channel's last one)",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(format)
    .add_sub_option(scope)
}

/// Adds the choice `value` to `option`, named by the message `id` in every language.
fn localized_choice(option: CreateCommandOption, id: &str, value: &str) -> CreateCommandOption {
    let translations = Language::ALL[1..]
        .iter()
        .map(|lang| (lang.discord_locale(), lang.t(id)));
    option.add_string_choice_localized(Language::English.t(id), value, translations)
}

/// Why there is nothing to export, in words for the member.
enum Pick {
    Found(Box<Retro>),
    Refused(String),
}

async fn pick(bot: &Bot, command: &CommandInteraction, given: &str) -> Result<Pick, StoreError> {
    let lang = language::of_member(command);
    let viewer = access::viewer(bot, command).await;
    if given.is_empty() || given.eq_ignore_ascii_case("latest") {
        let channel = command.channel_id.domain();
        let latest = bot
            .store
            .closed_retros_in_channel(channel, ClosedFilter::default(), 1)
            .await?;
        let latest = latest.into_iter().filter(|c| viewer.can_see(&c.retro));
        return Ok(match latest.into_iter().next() {
            Some(closed) => Pick::Found(Box::new(closed.retro)),
            None => Pick::Refused(lang.t("export-nothing-closed")),
        });
    }
    let Ok(id) = given.trim_start_matches('#').parse::<i64>() else {
        return Ok(Pick::Refused(tr!(
            lang,
            "export-not-a-number",
            given = given
        )));
    };
    let found = bot.store.retro(RetroId(id)).await?;
    Ok(match found.filter(|r| viewer.can_see(r)) {
        Some(retro) if retro.status == RetroStatus::Closed => Pick::Found(Box::new(retro)),
        Some(retro) if retro.status.is_active() => {
            Pick::Refused(tr!(lang, "export-not-closed", id = retro.id.to_string()))
        }
        _ => Pick::Refused(access::not_found_in(lang, "retro", id)),
    })
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    if let (Some("server"), Some(guild)) = (options.text("scope"), command.guild_id) {
        return super::server_export::run(bot, command, guild, options, respond).await;
    }
    let format = match ExportFormat::parse(options.text("format").unwrap_or("csv")) {
        Ok(format) => format,
        Err(e) => {
            return respond
                .ephemeral(crate::discord::words::export_format_error(
                    respond.lang(),
                    &e,
                ))
                .await
        }
    };
    respond.defer_ephemeral().await?;
    let given = options.text("retro").map(str::trim).unwrap_or_default();
    let outcome = match pick(bot, command, given).await {
        Ok(Pick::Found(retro)) => file_of(bot, respond.lang(), &retro, format).await,
        Ok(Pick::Refused(why)) => return respond.edit(why).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(Ok((text, file))) => respond.edit_with_file(text, file).await,
        Ok(Err(why)) => respond.edit(why).await,
        Err(e) => {
            respond
                .edit(respond.database_problem("export-what-read", &e))
                .await
        }
    }
}

/// The export file of a closed retro with a line describing it, or why there is none.
async fn file_of(
    bot: &Bot,
    lang: Language,
    retro: &Retro,
    format: ExportFormat,
) -> Result<Result<(String, Upload), String>, StoreError> {
    let summary = summarise(bot, retro).await?;
    let replies: usize = summary.questions.iter().map(|q| q.replies.len()).sum();
    if summary.voters == 0 && replies == 0 {
        return Ok(Err(tr!(
            lang,
            "export-nothing-recorded",
            id = retro.id.to_string()
        )));
    }
    let marks = bot.store.marks(retro.id).await?;
    let votes = current_votes(
        &retro.template.scale,
        retro.template.statements.len(),
        &marks,
    );
    let names = bot.store.voter_names(retro.id).await?;
    let actions = bot.store.actions_of_retro(retro.id).await?;
    let export = Export {
        retro,
        closed_at: bot.store.closed_at(retro.id).await?,
        summary: &summary,
        votes: Export::name_votes(&votes, |id| names.get(&id).cloned()),
        actions: &actions,
    };
    let (filename, bytes) = export.render(format);
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Ok(Err(tr!(
            lang,
            "export-too-large",
            format = format.extension(),
            id = retro.id.to_string(),
            size = lang.number(bytes.len() as f64 / 1_048_576.0, 1),
            limit = lang.number((MAX_UPLOAD_BYTES / 1_048_576) as f64, 0),
        )));
    }
    let text = tr!(
        lang,
        "export-done",
        name = crate::domain::member_text::inline_within(&retro.display_name(), 400),
        id = retro.id.to_string(),
        votes = votes.len(),
        voters = summary.voters,
        replies = replies,
    );
    Ok(Ok((shorten(&text, 2_000), Upload { filename, bytes })))
}

/// Suggests `latest` and the channel's closed check-ins for the `retro` option.
pub async fn autocomplete(bot: &Bot, command: &CommandInteraction) -> Result<(), RestError> {
    let query = command
        .data
        .autocomplete()
        .map(|f| f.value.to_lowercase())
        .unwrap_or_default();
    let lang = language::of_member(command);
    let viewer = access::viewer(bot, command).await;
    let closed = bot
        .store
        .closed_retros_in_channel(command.channel_id.domain(), ClosedFilter::default(), 24)
        .await
        .unwrap_or_default();
    let closed: Vec<_> = closed
        .into_iter()
        .filter(|c| viewer.can_see(&c.retro))
        .collect();
    let mut choices = vec![AutocompleteChoice::new(
        lang.t("export-latest-choice"),
        "latest",
    )];
    choices.extend(
        closed
            .iter()
            .filter(|c| {
                query.is_empty()
                    || c.retro.display_name().to_lowercase().contains(&query)
                    || c.retro.id.0.to_string().contains(&query)
            })
            .map(|c| {
                let name = tr!(
                    lang,
                    "export-closed-choice",
                    id = c.retro.id.to_string(),
                    name = c.retro.display_name(),
                    date = lang.date(c.closed_at.date_naive()),
                );
                AutocompleteChoice::new(shorten(&name, 100), c.retro.id.0.to_string())
            }),
    );
    let body = CreateInteractionResponse::Autocomplete(
        CreateAutocompleteResponse::new().set_choices(choices),
    );
    bot.rest.respond(command.id, &command.token, &body).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_and_scope_choice_is_named_in_every_language() {
        let ids = ExportFormat::NAMES
            .iter()
            .map(|name| format!("export-format-{name}"))
            .chain(SCOPES.map(|name| format!("export-scope-{name}")));
        for id in ids {
            for lang in Language::ALL {
                assert_ne!(lang.t(&id), id, "{lang:?} lacks {id}");
            }
        }
        assert_eq!(Language::English.t("export-format-csv"), "csv");
    }
}
