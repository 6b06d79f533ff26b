//! Self-check of the stand-in: every dispatch and REST body it sends is parsed with serenity's own
//! model types first, so a payload serenity would reject is reported instead of silently ignored.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use serenity::all::{
    ChannelDeleteEvent, Event, GuildChannel, GuildCreateEvent, Interaction, Message,
    MessageDeleteEvent, MessageUpdateEvent, Reaction, Ready, ResumedEvent, ThreadDeleteEvent,
};

fn parse<T: DeserializeOwned>(d: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(d.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Parses a dispatch's `d` as the serenity type of event `t`, then as a whole `Event`.
pub fn check_dispatch(t: &str, d: &Value) -> Result<(), String> {
    match t {
        "READY" => parse::<Ready>(d)?,
        "RESUMED" => parse::<ResumedEvent>(d)?,
        "GUILD_CREATE" => parse::<GuildCreateEvent>(d)?,
        "MESSAGE_CREATE" => parse::<Message>(d)?,
        "MESSAGE_UPDATE" => parse::<MessageUpdateEvent>(d)?,
        "MESSAGE_DELETE" => parse::<MessageDeleteEvent>(d)?,
        "MESSAGE_REACTION_ADD" | "MESSAGE_REACTION_REMOVE" => parse::<Reaction>(d)?,
        "THREAD_CREATE" => parse::<GuildChannel>(d)?,
        "THREAD_DELETE" => parse::<ThreadDeleteEvent>(d)?,
        "CHANNEL_DELETE" => parse::<ChannelDeleteEvent>(d)?,
        "INTERACTION_CREATE" => parse::<Interaction>(d)?,
        _ => {}
    }
    let event: Event =
        serde_json::from_value(json!({"t": t, "d": d})).map_err(|e| e.to_string())?;
    if matches!(event, Event::Unknown(_)) {
        return Err(format!("serenity sees {t} as an unknown event"));
    }
    Ok(())
}

/// Which serenity type a REST answer must decode into.
#[derive(Clone, Copy, Debug)]
pub enum RestKind {
    Message,
    Messages,
    Channel,
    GuildChannels,
    User,
    Users,
    Member,
    Members,
    Roles,
    Guild,
    Application,
    Commands,
    Command,
    Gateway,
    BotGateway,
}

pub fn check_rest(kind: RestKind, v: &Value) -> Result<(), String> {
    use serenity::all as s;
    match kind {
        RestKind::Message => parse::<s::Message>(v),
        RestKind::Messages => parse::<Vec<s::Message>>(v),
        RestKind::Channel => parse::<s::Channel>(v),
        RestKind::GuildChannels => parse::<Vec<s::GuildChannel>>(v),
        RestKind::User => parse::<s::CurrentUser>(v),
        RestKind::Users => parse::<Vec<s::User>>(v),
        RestKind::Member => parse::<s::Member>(v),
        RestKind::Members => parse::<Vec<s::Member>>(v),
        RestKind::Roles => parse::<Vec<s::Role>>(v),
        RestKind::Guild => parse::<s::PartialGuild>(v),
        RestKind::Application => parse::<s::CurrentApplicationInfo>(v),
        RestKind::Commands => parse::<Vec<s::Command>>(v),
        RestKind::Command => parse::<s::Command>(v),
        RestKind::Gateway => parse::<s::Gateway>(v),
        RestKind::BotGateway => parse::<s::BotGateway>(v),
    }
}
