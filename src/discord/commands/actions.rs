//! `/retro action add|list|done`: action items on the channel's latest check-in. The next
//! check-in opens with the open ones; the summary lists those recorded during it.

use chrono::Utc;
use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption};

use super::options::Options;
use super::respond::{database_problem_in, Responder};
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::render::reports::{actions_blocks, pack_parts};
use crate::discord::rest::RestError;
use crate::domain::action::{parse_due, validate_text, MAX_ACTION_CHARS};
use crate::store::{NewAction, StoreError};
use crate::tr;

/// Completed actions `/retro action list` shows besides the open ones.
const RECENTLY_DONE: usize = 5;

pub fn definition() -> CreateCommandOption {
    let add = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "add",
        "Record an action item on this channel's latest check-in",
    )
    .add_sub_option(
        CreateCommandOption::new(CommandOptionType::String, "text", "What should be done")
            .required(true)
            .max_length(MAX_ACTION_CHARS as u16),
    )
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::User,
        "owner",
        "Who takes care of it",
    ))
    .add_sub_option(CreateCommandOption::new(
        CommandOptionType::String,
        "due",
        "Due date as YYYY-MM-DD",
    ));
    let list = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "list",
        "List this channel's open action items (and the last ones done)",
    );
    let done = CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "done",
        "Mark an action item as done",
    )
    .add_sub_option(
        CreateCommandOption::new(CommandOptionType::Integer, "id", "The action's number")
            .required(true)
            .min_int_value(1),
    );
    CreateCommandOption::new(
        CommandOptionType::SubCommandGroup,
        "action",
        "Action items agreed in check-ins",
    )
    .add_sub_option(add)
    .add_sub_option(list)
    .add_sub_option(done)
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let outcome = match options.path.get(1).map(String::as_str) {
        Some("add") => add(bot, command, options, respond).await,
        Some("list") => list(bot, command, respond).await,
        Some("done") => done(bot, command, options, respond).await,
        _ => return respond.ephemeral(lang.t("action-usage")).await,
    };
    match outcome {
        Ok(answered) => answered,
        Err(e) => {
            let text = database_problem_in(bot, lang, "action-what-read-save", &e);
            respond.ephemeral(text).await
        }
    }
}

async fn add(
    bot: &Bot,
    command: &CommandInteraction,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<Result<(), RestError>, StoreError> {
    let lang = respond.lang();
    let today = Utc::now().date_naive();
    let text = match validate_text(options.text("text").unwrap_or_default()) {
        Ok(text) => text,
        Err(e) => {
            return Ok(respond
                .ephemeral(crate::discord::words::action_error(respond.lang(), &e))
                .await)
        }
    };
    let due = match options.text("due").map(|d| parse_due(d, today)).transpose() {
        Ok(due) => due,
        Err(e) => {
            return Ok(respond
                .ephemeral(crate::discord::words::action_error(respond.lang(), &e))
                .await)
        }
    };
    let channel = command.channel_id.domain();
    let visible = access::viewer(bot, command).await.can_view(channel);
    let latest = bot.store.latest_retro_in_channel(channel).await?;
    let Some(retro) = latest.filter(|_| visible) else {
        return Ok(respond.ephemeral(lang.t("action-no-check-in")).await);
    };
    let action = bot
        .store
        .add_action(&NewAction {
            retro: retro.id,
            channel_id: channel,
            text,
            owner_id: options.user("owner"),
            due,
            created_by: command.user.id.domain(),
            created_at: Utc::now(),
        })
        .await?;
    tracing::info!(retro = %retro.id, action = action.id, "action recorded");
    Ok(respond
        .ephemeral(tr!(
            lang,
            "action-recorded",
            name = crate::domain::member_text::inline(&retro.display_name()),
            retro = retro.id.to_string(),
            action = crate::discord::words::action(lang, &action, today),
            id = action.id.to_string(),
        ))
        .await)
}

async fn list(
    bot: &Bot,
    command: &CommandInteraction,
    respond: &Responder<'_>,
) -> Result<Result<(), RestError>, StoreError> {
    let lang = respond.lang();
    let channel = command.channel_id.domain();
    if !access::viewer(bot, command).await.can_view(channel) {
        return Ok(respond.ephemeral(lang.t("action-list-none-yet")).await);
    }
    let open = bot.store.open_actions_in_channel(channel, None).await?;
    let done = bot
        .store
        .done_actions_in_channel(channel, RECENTLY_DONE)
        .await?;
    if open.is_empty() && done.is_empty() {
        return Ok(respond.ephemeral(lang.t("action-list-empty")).await);
    }
    let today = Some(Utc::now().date_naive());
    let open_title = tr!(lang, "action-list-open", count = open.len());
    let mut blocks = actions_blocks(lang, &open_title, &open, today);
    if open.is_empty() {
        blocks.push(lang.t("action-list-none-open"));
    }
    blocks.extend(actions_blocks(
        lang,
        &lang.t("action-list-done"),
        &done,
        today,
    ));
    let parts = pack_parts(lang, &lang.t("action-list-title"), &blocks, None);
    if let Err(e) = respond.defer_ephemeral().await {
        return Ok(Err(e));
    }
    Ok(respond.edit_parts(&parts, None).await)
}

async fn done(
    bot: &Bot,
    command: &CommandInteraction,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<Result<(), RestError>, StoreError> {
    let lang = respond.lang();
    let Some(id) = options.integer("id") else {
        return Ok(respond.ephemeral(lang.t("action-done-no-id")).await);
    };
    let channel = command.channel_id.domain();
    let viewer = access::viewer(bot, command).await;
    let action = match bot.store.action(id).await? {
        Some(action) if action.channel_id == channel && viewer.can_view(channel) => action,
        _ => {
            let refusal = access::not_found_in(lang, "action", id);
            return Ok(respond
                .ephemeral(tr!(lang, "action-done-not-here", refusal = refusal))
                .await);
        }
    };
    if action.is_done() {
        return Ok(respond
            .ephemeral(tr!(lang, "action-already-done", id = id.to_string()))
            .await);
    }
    let by = command.user.id.domain();
    let text = if bot.store.complete_action(id, by, Utc::now()).await? {
        tr!(
            lang,
            "action-marked-done",
            id = id.to_string(),
            text = action.text
        )
    } else {
        tr!(lang, "action-already-done", id = id.to_string())
    };
    Ok(respond.ephemeral(text).await)
}
