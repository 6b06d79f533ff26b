//! JSON builders for complete Discord objects (users, members, roles, channels, guilds, the
//! application, errors) exactly as the API and gateway send them, so serenity 0.12.5 parses them.

use serde_json::{json, Map, Value};

pub use super::message_payloads::{emoji_json, mentioned_users, message_json, reaction_event_json};
use super::world::{
    iso, snowflake_ms, ChannelRec, GuildRec, MemberRec, RoleRec, State, UserRec, KIND_DM,
};

pub fn user_json(u: &UserRec) -> Value {
    json!({
        "id": u.id.to_string(),
        "username": u.name.to_lowercase(),
        "global_name": if u.bot { Value::Null } else { Value::from(u.name.clone()) },
        "discriminator": if u.bot { "0042" } else { "0" },
        "avatar": null,
        "bot": u.bot,
        "system": false,
        "banner": null,
        "accent_color": null,
        "public_flags": 0,
        "flags": 0,
        "avatar_decoration_data": null,
    })
}

/// The bot's own user as READY and `GET /users/@me` describe it.
pub fn current_user_json(u: &UserRec) -> Value {
    let mut v = user_json(u);
    let extra = json!({"verified": true, "mfa_enabled": false, "locale": "en-US", "email": null});
    merge(&mut v, extra);
    v
}

pub fn merge(target: &mut Value, extra: Value) {
    if let (Value::Object(t), Value::Object(e)) = (target, extra) {
        for (k, v) in e {
            t.insert(k, v);
        }
    }
}

pub fn role_json(r: &RoleRec) -> Value {
    json!({
        "id": r.id.to_string(),
        "name": r.name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": r.position,
        "permissions": r.permissions.to_string(),
        "managed": r.managed,
        "mentionable": false,
        "flags": 0,
    })
}

/// A guild member; `with_user` adds the nested user object; `permissions` is for interactions.
pub fn member_json(
    state: &State,
    m: &MemberRec,
    with_user: bool,
    permissions: Option<u64>,
) -> Value {
    let mut v = json!({
        "nick": null,
        "avatar": null,
        "banner": null,
        "roles": m.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        "joined_at": iso(m.joined_ms),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
        "unusual_dm_activity_until": null,
    });
    if with_user {
        if let Some(u) = state.user(m.user_id) {
            v["user"] = user_json(u);
        }
    }
    if let Some(p) = permissions {
        v["permissions"] = Value::from(p.to_string());
    }
    v
}

/// A guild channel or thread (or DM channel) object.
pub fn channel_json(state: &State, c: &ChannelRec) -> Value {
    let id = c.id.to_string();
    if c.kind == KIND_DM {
        let recipient = c.recipient.and_then(|u| state.user(u)).map(user_json);
        return json!({
            "id": id,
            "type": KIND_DM,
            "last_message_id": c.last_message_id.map(|m| m.to_string()),
            "recipients": recipient.into_iter().collect::<Vec<_>>(),
            "flags": 0,
        });
    }
    let mut v = json!({
        "id": id,
        "type": c.kind,
        "guild_id": c.guild_id.map(|g| g.to_string()),
        "name": c.name,
        "parent_id": c.parent_id.map(|p| p.to_string()),
        "last_message_id": c.last_message_id.map(|m| m.to_string()),
        "rate_limit_per_user": 0,
        "flags": 0,
        "nsfw": false,
    });
    if c.is_thread() {
        let created = iso(snowflake_ms(c.id));
        merge(
            &mut v,
            json!({
                "owner_id": c.owner_id.map(|o| o.to_string()),
                "message_count": c.message_count,
                "member_count": c.thread_members.len().min(50),
                "total_message_sent": c.total_sent,
                "thread_metadata": {
                    "archived": false,
                    "auto_archive_duration": c.auto_archive,
                    "archive_timestamp": created,
                    "locked": false,
                    "create_timestamp": created,
                    "invitable": c.kind == super::world::KIND_PRIVATE_THREAD,
                },
            }),
        );
    } else {
        let overwrites: Vec<Value> = c.overwrites.iter().map(|o| o.json()).collect();
        merge(
            &mut v,
            json!({
                "position": c.position,
                "permission_overwrites": overwrites,
                "topic": null,
                "default_auto_archive_duration": 1440,
            }),
        );
    }
    v
}

/// The partial channel inside an interaction.
pub fn interaction_channel_json(state: &State, c: &ChannelRec, permissions: u64) -> Value {
    let mut v = channel_json(state, c);
    v["permissions"] = Value::from(permissions.to_string());
    v
}

/// `full` = GUILD_CREATE (with members, channels, threads...), else the REST guild object.
pub fn guild_json(state: &State, g: &GuildRec, full: bool) -> Value {
    let mut v = json!({
        "id": g.id.to_string(),
        "name": g.name,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": g.owner_id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": g.roles.iter().map(role_json).collect::<Vec<_>>(),
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": g.preferred_locale,
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "incidents_data": null,
        "region": "deprecated",
        "nsfw": false,
    });
    if full {
        let channels: Vec<Value> = state
            .channels
            .values()
            .filter(|c| c.guild_id == Some(g.id) && !c.is_thread())
            .map(|c| channel_json(state, c))
            .collect();
        let threads: Vec<Value> = state
            .channels
            .values()
            .filter(|c| c.guild_id == Some(g.id) && c.is_thread())
            .map(|c| channel_json(state, c))
            .collect();
        let members: Vec<Value> = g
            .members
            .values()
            .map(|m| member_json(state, m, true, None))
            .collect();
        merge(
            &mut v,
            json!({
                "joined_at": iso(g.joined_ms),
                "large": false,
                "unavailable": false,
                "member_count": g.members.len(),
                "voice_states": [],
                "members": members,
                "channels": channels,
                "threads": threads,
                "presences": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
                "lazy": true,
            }),
        );
    }
    v
}

pub fn application_json(state: &State) -> Value {
    json!({
        "id": state.application_id.to_string(),
        "name": state.bot.name,
        "icon": null,
        "description": "",
        "summary": "",
        "type": null,
        "bot": user_json(&state.bot),
        "bot_public": false,
        "bot_require_code_grant": false,
        "owner": {"id": "1", "username": "owner", "discriminator": "0", "global_name": "Owner",
                  "avatar": null, "public_flags": 0, "flags": 0},
        "verify_key": "0123456789abcdef",
        "team": null,
        "flags": 1 << 19,
        "rpc_origins": [],
        "hook": true,
        "is_monetized": false,
        "integration_types_config": {"0": {}},
        "approximate_guild_count": state.guilds.len(),
        "interactions_endpoint_url": null,
        "role_connections_verification_url": null,
        "redirect_uris": [],
        "tags": [],
    })
}

/// The error body Discord sends, optionally with a nested `errors` tree.
pub fn error_json(code: u64, message: &str, errors: Option<Value>) -> Value {
    let mut v = Map::new();
    v.insert("message".into(), Value::from(message));
    v.insert("code".into(), Value::from(code));
    if let Some(e) = errors {
        v.insert("errors".into(), e);
    }
    Value::Object(v)
}
