//! How members take part, the one seam where the ways differ. A retro's
//! [`Participation`](crate::domain::retro::Participation) is matched here once per step of its
//! life: what its header says, how its statements and questions look, what happens when they
//! are posted, how interactions and messages are taken, how it is reconciled, summarised,
//! sealed and shown closed. Each way lives in its own folder: `reactions` (named: 👍/👎 and
//! thread replies) and `buttons` (anonymous: buttons and a form). A new way is a new variant,
//! a new folder, and one arm per function here.

pub mod buttons;
pub mod reactions;
pub mod report;

use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    CreateMessage, Interaction, Message, MessageDeleteEvent, MessageUpdateEvent, Reaction,
};

use crate::discord::bot::Bot;
use crate::domain::anonymous::min_voters_of;
use crate::domain::ids::{ChannelId, MessageId};
use crate::domain::overview::{self, CastVotes, ClosedCheckIn};
use crate::domain::retro::{ItemKind, Participation, Retro};
use crate::domain::summary::Summary;
use crate::domain::template::Scale;
use crate::domain::trend::CheckInResult;
use crate::store::{ClosedRetro, RetroItem, StoreError};
use report::{ReconcileError, ReconcileReport};

pub use reactions::events::VoterNames;

/// Starts the background work of every way (once the bot exists).
pub fn start(bot: &Arc<Bot>) {
    buttons::start(bot);
}

/// Routes the posted items of an open retro to it (at start-up).
pub async fn go_live(bot: &Bot, retro: &Retro) -> Result<(), StoreError> {
    let items = bot.store.items(retro.id).await?;
    match retro.participation {
        Participation::Named => reactions::live::go_live(bot, retro, &items),
        Participation::Anonymous => buttons::go_live(bot, retro, &items).await,
    }
}

/// Before anything of `retro` is posted (or a post is resumed).
pub async fn before_posting(bot: &Bot, retro: &Retro) -> Result<(), StoreError> {
    match retro.participation {
        // Items are routed one by one as they are posted.
        Participation::Named => Ok(()),
        // Buttons work as soon as they are posted, so the secret is routed first.
        Participation::Anonymous => {
            let items = bot.store.items(retro.id).await?;
            buttons::go_live(bot, retro, &items).await
        }
    }
}

/// The header's "How to take part".
pub fn how_to_take_part(retro: &Retro) -> String {
    match retro.participation {
        Participation::Named => reactions::render::how_to_take_part(retro),
        Participation::Anonymous => buttons::render::how_to_take_part(&retro.template),
    }
}

/// The message of statement `position`.
pub fn statement_message(retro: &Retro, position: usize) -> CreateMessage {
    match retro.participation {
        Participation::Named => reactions::render::statement(retro, position),
        Participation::Anonymous => buttons::render::statement(retro, position),
    }
}

/// The first message inside question `position`'s thread.
pub fn question_message(retro: &Retro, position: usize) -> CreateMessage {
    match retro.participation {
        Participation::Named => reactions::render::question(retro, position),
        Participation::Anonymous => buttons::render::question(retro, position),
    }
}

/// Statement `position` was posted as `message`; returns whether the scale's reactions must be
/// added to it.
pub fn statement_posted(
    bot: &Bot,
    retro: &Retro,
    position: usize,
    message: MessageId,
    scale: &Arc<Scale>,
) -> bool {
    match retro.participation {
        Participation::Named => {
            reactions::live::statement_posted(bot, retro, position, message, scale);
            true
        }
        // Voted with buttons: no reactions to add or route.
        Participation::Anonymous => false,
    }
}

/// Question `position`'s thread exists.
pub fn thread_opened(bot: &Bot, retro: &Retro, position: usize, thread: ChannelId) {
    match retro.participation {
        Participation::Named => reactions::live::thread_opened(bot, retro, position, thread),
        Participation::Anonymous => buttons::thread_opened(bot, retro, position, thread),
    }
}

/// Takes the interactions of a way of taking part in gateway order: a live named retro's
/// Answer buttons and forms, then anonymous retros' buttons and forms (the same custom ids: the
/// retro they name decides); returns every other interaction for the commands.
pub fn on_interaction(bot: &Arc<Bot>, interaction: Interaction) -> Option<Interaction> {
    let interaction = reactions::answers::intercept(bot, interaction)?;
    buttons::intercept(bot, interaction)
}

/// A reaction added or removed (only named retros are voted with reactions).
pub fn on_reaction(
    bot: &Bot,
    reaction: &Reaction,
    added: bool,
    arrived: Instant,
    names: &mut VoterNames,
) {
    reactions::events::on_reaction(bot, reaction, added, arrived, names);
}

/// A message written: refused in an anonymous retro's thread, a reply in a named one's.
pub fn on_message(bot: &Arc<Bot>, message: &Message, arrived: Instant) {
    if buttons::refuse_direct_message(bot, message) {
        return;
    }
    reactions::events::on_message(bot, message, arrived);
}

/// A message edited (only named retros' replies are typed messages).
pub fn on_message_edit(bot: &Bot, event: MessageUpdateEvent, arrived: Instant) {
    reactions::events::on_message_edit(bot, event, arrived);
}

/// A message deleted (only named retros' replies are typed messages).
pub fn on_message_delete(bot: &Bot, event: &MessageDeleteEvent, arrived: Instant) {
    reactions::events::on_message_delete(bot, event, arrived);
}

/// Makes the store match what Discord shows of `retro`.
pub async fn reconcile(bot: &Arc<Bot>, retro: &Retro) -> Result<ReconcileReport, ReconcileError> {
    match retro.participation {
        Participation::Named => reactions::reconcile::reconcile(bot, retro).await,
        Participation::Anonymous => buttons::reconcile(bot, retro).await,
    }
}

/// The summary model of `retro`.
pub async fn summarise(bot: &Bot, retro: &Retro) -> Result<Summary, StoreError> {
    let threads = question_threads(bot, retro).await?;
    match retro.participation {
        Participation::Named => reactions::summary::summarise(bot, retro, &threads).await,
        Participation::Anonymous => buttons::summarise(bot, retro, &threads).await,
    }
}

/// The result of a closed check-in, for trends and history.
pub async fn check_in_result(bot: &Bot, past: &ClosedRetro) -> Result<CheckInResult, StoreError> {
    let retro = &past.retro;
    let votes = match retro.participation {
        Participation::Named => CastVotes::Reactions(bot.store.marks(retro.id).await?),
        Participation::Anonymous => {
            CastVotes::Ballots(bot.store.anonymous_ballots(retro.id).await?)
        }
    };
    let check_in = ClosedCheckIn {
        retro: retro.clone(),
        closed_at: past.closed_at,
        votes,
    };
    // The domain's one rule (it also serves the organisation overview); anonymous results use
    // the threshold the retro started with.
    let min_voters = min_voters_of(retro, bot.config.anonymous_min_voters);
    Ok(overview::check_in_result(&check_in, min_voters))
}

/// Once the summary is computed, before it is posted.
pub async fn seal(bot: &Bot, retro: &Retro) -> Result<(), StoreError> {
    match retro.participation {
        Participation::Named => Ok(()),
        // Nothing may link a vote to a member from here on.
        Participation::Anonymous => buttons::seal(bot, retro.id).await,
    }
}

/// After the retro closed.
pub async fn after_close(bot: &Bot, retro: &Retro) {
    match retro.participation {
        // Reactions and threads simply stop counting.
        Participation::Named => {}
        // Buttons are disabled and the final counts shown.
        Participation::Anonymous => buttons::show_closed(bot, retro).await,
    }
}

/// Each question's thread (`None` where it was never opened), by position.
async fn question_threads(bot: &Bot, retro: &Retro) -> Result<Vec<Option<ChannelId>>, StoreError> {
    let items: Vec<RetroItem> = bot.store.items(retro.id).await?;
    let mut threads = vec![None; retro.template.questions.len()];
    for item in items.iter().filter(|i| i.kind == ItemKind::Question) {
        if let Some(slot) = threads.get_mut(item.position) {
            *slot = item.thread_id;
        }
    }
    Ok(threads)
}
