//! Looking back from Discord: the trend, actions and chart a summary carries, a channel's
//! history of check-ins, and posting a message with its chart drawn off the async threads.

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateMessage, Message};

use super::render::{RenderedMessage, CHART_FILE};
use super::rest::{RestError, Upload};
use super::Bot;
use crate::domain::report::{chart_data, ChartData, SummaryExtras, MAX_HISTORY};
use crate::domain::retro::Retro;
use crate::domain::summary::Summary;
use crate::domain::text::shorten;
use crate::domain::trend::{trend, CheckInResult};
use crate::store::{ClosedFilter, ClosedRetro, StoreError};

/// The results of closed check-ins, oldest first.
pub async fn results_of(
    bot: &Bot,
    closed: &[ClosedRetro],
) -> Result<Vec<CheckInResult>, StoreError> {
    let mut results = Vec::with_capacity(closed.len());
    for past in closed.iter().rev() {
        let result = if past.retro.anonymous {
            // Anonymous votes are not marks; their summary also hides small splits.
            let summary = super::closing::summarise(bot, &past.retro).await?;
            let mut result = CheckInResult::from_summary(past.retro.id, past.closed_at, &summary);
            // Sealed ballots cannot be grouped by member any more: the most participants on
            // one statement is what is known of how many voted.
            result.voters = result
                .statements
                .iter()
                .map(|s| s.participants)
                .max()
                .unwrap_or(0);
            result
        } else {
            let marks = bot.store.marks(past.retro.id).await?;
            CheckInResult::from_marks(&past.retro, past.closed_at, &marks)
        };
        results.push(result);
    }
    Ok(results)
}

/// The channel's last `count` closed check-ins of `template_key` before `before` (all when
/// `None`), oldest first.
pub async fn history(
    bot: &Bot,
    channel_id: u64,
    template_key: &str,
    before: Option<crate::domain::retro::RetroId>,
    count: usize,
) -> Result<(Vec<ClosedRetro>, Vec<CheckInResult>), StoreError> {
    let filter = ClosedFilter {
        template_key: Some(template_key),
        before,
    };
    let closed = bot
        .store
        .closed_retros_in_channel(channel_id, filter, count)
        .await?;
    let results = results_of(bot, &closed).await?;
    Ok((closed, results))
}

/// The chart's title for a check-in.
pub fn chart_title(retro: &Retro) -> String {
    shorten(&format!("{} ({})", retro.display_name(), retro.id), 80)
}

/// What the summary of `retro` shows besides its tally: the trend since the previous closed
/// check-in of the same template in the channel, the actions recorded during it, and the chart
/// of it with up to [`MAX_HISTORY`] check-ins of agreement.
pub async fn summary_extras(
    bot: &Bot,
    retro: &Retro,
    summary: &Summary,
    now: DateTime<Utc>,
) -> Result<SummaryExtras, StoreError> {
    let (_, mut results) = history(
        bot,
        retro.channel_id,
        &retro.template.key,
        Some(retro.id),
        MAX_HISTORY - 1,
    )
    .await?;
    let current = CheckInResult::from_summary(retro.id, now, summary);
    let trend = trend(&current, results.last());
    results.push(current);
    Ok(SummaryExtras {
        trend: Some(trend),
        actions: bot.store.actions_of_retro(retro.id).await?,
        today: Some(now.date_naive()),
        chart: chart_data(&chart_title(retro), &summary.scale, &results),
    })
}

/// Draws a chart as PNG on the blocking pool (it takes a few milliseconds of CPU).
pub async fn draw_chart(chart: ChartData) -> Option<Upload> {
    let drawn = tokio::task::spawn_blocking(move || crate::chart::render_png(&chart)).await;
    match drawn {
        Ok(Ok(bytes)) => Some(Upload {
            filename: CHART_FILE.to_string(),
            bytes,
        }),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "could not draw a chart; posting without it");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "the chart task failed; posting without it");
            None
        }
    }
}

/// Posts a rendered message (`body` is its `CreateMessage` with any nonce) with its chart
/// attached. Without the Attach Files permission the message still goes out, without the chart.
pub async fn post_with_chart(
    bot: &Bot,
    channel: ChannelId,
    part: &RenderedMessage,
    body: CreateMessage,
) -> Result<Message, RestError> {
    let Some(chart) = part.chart.clone() else {
        return bot.rest.create_message(channel, &body).await;
    };
    let Some(file) = draw_chart(chart).await else {
        let plain = RenderedMessage {
            chart: None,
            ..part.clone()
        };
        return bot
            .rest
            .create_message(channel, &replace_embed(body, &plain))
            .await;
    };
    match bot
        .rest
        .create_message_with_file(channel, &body, Some(&file))
        .await
    {
        Err(e) if e.is_missing_permission() => {
            tracing::warn!(%channel, "cannot attach the chart (Attach Files missing); posting without it");
            let plain = RenderedMessage {
                chart: None,
                ..part.clone()
            };
            bot.rest
                .create_message(channel, &replace_embed(body, &plain))
                .await
        }
        outcome => outcome,
    }
}

/// `body` with its embed replaced by `part`'s (keeping the nonce and mentions settings).
fn replace_embed(body: CreateMessage, part: &RenderedMessage) -> CreateMessage {
    body.embeds(vec![part.embed()])
}
