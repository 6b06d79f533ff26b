//! `/retro history [template] [count]`: the channel's last closed check-ins of a template, as a
//! sparkline table of agreement per statement with the chart.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommandOption};

use super::options::Options;
use super::respond::{database_problem_in, Responder};
use crate::discord::access;
use crate::discord::bot::Bot;
use crate::discord::flows::looking_back::{self, chart_title};
use crate::discord::flows::post_chart;
use crate::discord::ids::ToDomain;
use crate::discord::render::reports::pack_parts;
use crate::discord::rest::RestError;
use crate::domain::report::{chart_data, history_blocks, MAX_HISTORY};
use crate::store::ClosedFilter;
use crate::tr;

/// Check-ins shown when `count` is not given.
const DEFAULT_COUNT: i64 = 6;

pub fn definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "history",
        "Show this channel's last check-ins: agreement per statement and a chart",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "template",
            "Which health check (default: the one that closed last here)",
        )
        .set_autocomplete(true),
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::Integer,
            "count",
            "How many check-ins to show, 1 to 12 (default 6)",
        )
        .min_int_value(1)
        .max_int_value(MAX_HISTORY as u64),
    )
}

pub async fn run(
    bot: &Bot,
    command: &CommandInteraction,
    options: &Options,
    respond: &Responder<'_>,
) -> Result<(), RestError> {
    let lang = respond.lang();
    let count = options.integer("count").unwrap_or(DEFAULT_COUNT);
    if !(1..=MAX_HISTORY as i64).contains(&count) {
        return respond
            .ephemeral(tr!(
                lang,
                "history-count-out-of-range",
                max = MAX_HISTORY.to_string(),
                count = count.to_string()
            ))
            .await;
    }
    let given = options
        .text("template")
        .map(str::trim)
        .filter(|t| !t.is_empty());
    respond.defer_ephemeral().await?;
    let channel = command.channel_id.domain();
    if !access::viewer(bot, command).await.can_view(channel) {
        return respond.edit(lang.t("history-nothing-closed")).await;
    }
    let key = match given {
        Some(key) => key.to_string(),
        None => match bot
            .store
            .closed_retros_in_channel(channel, ClosedFilter::default(), 1)
            .await
        {
            Ok(latest) => match latest.first() {
                Some(latest) => latest.retro.template.key.clone(),
                None => return respond.edit(lang.t("history-nothing-closed-start")).await,
            },
            Err(e) => return read_failed(bot, respond, e).await,
        },
    };
    let (closed, results) =
        match looking_back::history(bot, channel, &key, None, count as usize).await {
            Ok(found) => found,
            Err(e) => return read_failed(bot, respond, e).await,
        };
    let Some(latest) = closed.first() else {
        let text = if bot.config.templates.get(&key).is_some() {
            tr!(lang, "history-none-of-template", key = key)
        } else {
            tr!(lang, "history-unknown-template", key = key)
        };
        return respond.edit(text).await;
    };
    let latest = &latest.retro;
    let blocks = history_blocks(&results);
    let chart = chart_data(&chart_title(latest), &latest.template.scale, &results);
    let file = match &chart {
        Some(chart) => post_chart::draw_chart(chart.clone()).await,
        None => None,
    };
    let title = tr!(
        lang,
        "history-title",
        template = crate::domain::member_text::inline_within(&latest.template.name, 200)
    );
    let parts = pack_parts(
        respond.lang(),
        &title,
        &blocks,
        chart.filter(|_| file.is_some()),
    );
    respond.edit_parts(&parts, file).await
}

async fn read_failed(
    bot: &Bot,
    respond: &Responder<'_>,
    error: crate::store::StoreError,
) -> Result<(), RestError> {
    let text = database_problem_in(bot, respond.lang(), "history-what-read", &error);
    respond.edit(text).await
}
