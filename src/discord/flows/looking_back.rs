//! Looking back: the trend, actions and chart a summary carries, and a channel's history of
//! check-ins (each check-in's result read as its way of taking part allows).

use chrono::{DateTime, Utc};

use crate::discord::bot::Bot;
use crate::discord::participation;
use crate::domain::ids::ChannelId;
use crate::domain::report::{chart_data, SummaryExtras, MAX_HISTORY};
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
        results.push(participation::check_in_result(bot, past).await?);
    }
    Ok(results)
}

/// The channel's last `count` closed check-ins of `template_key` before `before` (all when
/// `None`), oldest first.
pub async fn history(
    bot: &Bot,
    channel_id: ChannelId,
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
