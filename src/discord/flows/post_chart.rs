//! Posting a message with its chart: the chart is drawn on the blocking pool (a few
//! milliseconds of CPU) and attached; without Attach Files the message goes out without it.

use serenity::all::{ChannelId, CreateMessage, Message};

use crate::discord::bot::Bot;
use crate::discord::render::{RenderedMessage, CHART_FILE};
use crate::discord::rest::{RestError, Upload};
use crate::domain::report::ChartData;

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
