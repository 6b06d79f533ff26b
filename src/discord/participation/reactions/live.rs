//! Routing a named retro's posted statements and threads to it in the live index, so the
//! reactions and messages that arrive on them become its marks and replies.

use std::sync::Arc;

use crate::discord::bot::Bot;
use crate::domain::ids::{ChannelId, MessageId};
use crate::domain::retro::{ItemKind, Retro};
use crate::domain::template::Scale;
use crate::store::{RetroItem, StoreError};

/// Routes every posted statement and thread of `retro` (at start-up, for open retros).
pub fn go_live(bot: &Bot, retro: &Retro, items: &[RetroItem]) -> Result<(), StoreError> {
    let scale = Arc::new(retro.template.scale.clone());
    let mut live = bot.live.write().expect("live index lock");
    for item in items {
        match (item.kind, item.message_id, item.thread_id) {
            (ItemKind::Statement, Some(message), _) => {
                live.add_statement(retro.id, item.position, message, scale.clone())
            }
            (ItemKind::Question, _, Some(thread)) => {
                live.add_question(retro.id, item.position, thread)
            }
            _ => {}
        }
    }
    Ok(())
}

/// Routes statement `position`'s message as soon as it is posted.
pub fn statement_posted(
    bot: &Bot,
    retro: &Retro,
    position: usize,
    message: MessageId,
    scale: &Arc<Scale>,
) {
    bot.live.write().expect("live index lock").add_statement(
        retro.id,
        position,
        message,
        scale.clone(),
    );
}

/// Routes question `position`'s thread as soon as it exists.
pub fn thread_opened(bot: &Bot, retro: &Retro, position: usize, thread: ChannelId) {
    bot.live
        .write()
        .expect("live index lock")
        .add_question(retro.id, position, thread);
}
