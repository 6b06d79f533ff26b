//! What a named retro adds up to: its summary from the recorded marks and replies, and, once
//! closed, its result for trends and history.

use chrono::{DateTime, Utc};

use crate::discord::bot::Bot;
use crate::domain::ids::ChannelId;
use crate::domain::retro::Retro;
use crate::domain::summary::{build_summary, Summary};
use crate::domain::trend::CheckInResult;
use crate::store::StoreError;

/// The summary model of `retro`, whose question threads are `threads`.
pub async fn summarise(
    bot: &Bot,
    retro: &Retro,
    threads: &[Option<ChannelId>],
) -> Result<Summary, StoreError> {
    let marks = bot.store.marks(retro.id).await?;
    let replies = bot.store.replies(retro.id).await?;
    Ok(build_summary(retro, &marks, replies, threads))
}

/// The result of a closed named check-in, from its marks (each voter counted once).
pub async fn check_in_result(
    bot: &Bot,
    retro: &Retro,
    closed_at: DateTime<Utc>,
) -> Result<CheckInResult, StoreError> {
    let marks = bot.store.marks(retro.id).await?;
    Ok(CheckInResult::from_marks(retro, closed_at, &marks))
}
