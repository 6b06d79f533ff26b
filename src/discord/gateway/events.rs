//! Routing gateway events, in arrival order: READY starts the after-ready work, reactions and
//! messages go to the way members take part (`participation`), interactions the
//! participation does not take go to the commands.

use std::sync::Arc;
use std::time::Instant;

use serenity::all::Event;
use tokio::sync::mpsc;
use tracing::Instrument;

use super::connection::GatewayMessage;
use super::ready::after_ready;
use crate::discord::bot::{Bot, Identity};
use crate::discord::commands;
use crate::discord::participation::{self, VoterNames};

/// Handles gateway messages until the gateway stops; returns why it stopped.
pub async fn dispatch(bot: Arc<Bot>, mut rx: mpsc::UnboundedReceiver<GatewayMessage>) -> String {
    let mut names = VoterNames::default();
    while let Some(message) = rx.recv().await {
        match message {
            GatewayMessage::Event(event, arrived) => handle(&bot, *event, arrived, &mut names),
            GatewayMessage::Stopped(reason) => return reason,
        }
    }
    "gateway channel closed".into()
}

fn handle(bot: &Arc<Bot>, event: Event, arrived: Instant, names: &mut VoterNames) {
    bot.stats
        .events
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    bot.access.on_event(&event);
    match event {
        Event::Ready(ready) => {
            let ready = ready.ready;
            let identity = Identity {
                user_id: ready.user.id.get(),
                application_id: ready.application.id.get(),
            };
            let _ = bot.identity.set(identity);
            bot.rest.set_application_id(identity.application_id);
            tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), shard = ?ready.shard, "connected to Discord");
            // Hold the writer *now*, before any later event is queued, so reconciliation sees
            // a quiet store and the events that follow are applied on top of it.
            let hold = bot.ingest.hold();
            let bot = bot.clone();
            tokio::spawn(async move {
                after_ready(&bot, hold).await;
            });
        }
        Event::ReactionAdd(e) => participation::on_reaction(bot, &e.reaction, true, arrived, names),
        Event::ReactionRemove(e) => {
            participation::on_reaction(bot, &e.reaction, false, arrived, names)
        }
        Event::MessageCreate(e) => participation::on_message(bot, &e.message, arrived),
        Event::MessageUpdate(e) => participation::on_message_edit(bot, e, arrived),
        Event::MessageDelete(e) => participation::on_message_delete(bot, &e, arrived),
        Event::InteractionCreate(e) => {
            // The ways of taking part take their buttons and forms here, in arrival order.
            let Some(interaction) = participation::on_interaction(bot, e.interaction) else {
                return;
            };
            let bot = bot.clone();
            let span = tracing::info_span!("interaction", id = %interaction.id());
            tokio::spawn(commands::handle(bot, interaction).instrument(span));
        }
        Event::GuildCreate(e) => crate::discord::server::on_guild_create(bot, &e.guild),
        Event::GuildUpdate(e) => bot.languages.learn_update(&e.guild),
        Event::Resumed(_) => tracing::info!("gateway session resumed"),
        _ => {}
    }
}
