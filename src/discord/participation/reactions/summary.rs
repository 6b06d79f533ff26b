//! What a named retro adds up to: its summary from the recorded marks and replies.

use crate::discord::bot::Bot;
use crate::domain::ids::ChannelId;
use crate::domain::retro::Retro;
use crate::domain::summary::{build_summary, Summary};
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
