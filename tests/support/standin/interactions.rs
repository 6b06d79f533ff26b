//! Builds INTERACTION_CREATE payloads (slash commands, autocomplete, button clicks, modal submits)
//! from the commands the bot registered, with nested option trees, option types and `resolved`.

use std::time::Instant;

use serde_json::{json, Map, Value};

use super::payloads::{interaction_channel_json, member_json, role_json, user_json};
use super::world::{InteractionRec, State};

/// Who runs a command where: `resolved` permissions are computed for them in that channel.
#[derive(Clone, Copy, Debug)]
pub struct Invoker {
    pub channel: u64,
    pub user: u64,
}

impl State {
    /// The registered chat-input command called `name` usable in `guild` (guild commands first).
    fn find_command(&self, guild: Option<u64>, name: &str) -> Option<Value> {
        let guild_cmds = guild
            .and_then(|g| self.commands.guild.get(&g))
            .into_iter()
            .flatten();
        guild_cmds
            .chain(self.commands.global.iter())
            .find(|c| c["name"] == name && c["type"].as_u64().unwrap_or(1) == 1)
            .cloned()
    }

    /// `data` of an application-command interaction for `command` ("retro schedule add").
    pub fn command_data(
        &self,
        guild: Option<u64>,
        invoker: Invoker,
        command: &str,
        options: &[(&str, Value)],
        focused: Option<&str>,
    ) -> Result<Value, String> {
        let mut words = command.split_whitespace();
        let top = words.next().ok_or("empty command")?;
        let def = self.find_command(guild, top).ok_or_else(|| {
            format!(
                "/{top} is not registered (registered: {})",
                self.command_names()
            )
        })?;
        if guild.is_none() && (def["dm_permission"] == false || def.get("guild_id").is_some()) {
            return Err(format!("/{top} is not available in DMs"));
        }
        let path: Vec<&str> = words.collect();
        let mut defs = def["options"].as_array().cloned().unwrap_or_default();
        let mut chain: Vec<(String, u64)> = Vec::new();
        for word in &path {
            let sub = defs
                .iter()
                .find(|o| o["name"] == *word && matches!(o["type"].as_u64(), Some(1) | Some(2)))
                .cloned()
                .ok_or_else(|| format!("/{command}: no subcommand (group) `{word}` registered"))?;
            chain.push((word.to_string(), sub["type"].as_u64().unwrap_or(1)));
            defs = sub["options"].as_array().cloned().unwrap_or_default();
        }
        if defs
            .iter()
            .any(|o| matches!(o["type"].as_u64(), Some(1) | Some(2)))
        {
            return Err(format!("/{command} is not a leaf: it has subcommands"));
        }
        let mut resolved = Map::new();
        let mut leaf = Vec::new();
        for (name, value) in options {
            let d = defs
                .iter()
                .find(|o| o["name"] == *name)
                .ok_or_else(|| format!("/{command}: option `{name}` is not registered"))?;
            let kind = d["type"].as_u64().unwrap_or(3);
            let is_focused = focused == Some(*name);
            if is_focused && d["autocomplete"] != true {
                return Err(format!(
                    "/{command} option `{name}` does not have autocomplete enabled"
                ));
            }
            let value = if is_focused {
                Value::from(
                    value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_string),
                )
            } else {
                self.option_value(guild, invoker, kind, value, &mut resolved)
                    .map_err(|e| format!("/{command} option `{name}`: {e}"))?
            };
            if !is_focused {
                if let Some(choices) = d["choices"].as_array().filter(|c| !c.is_empty()) {
                    if !choices.iter().any(|c| c["value"] == value) {
                        return Err(format!(
                            "/{command} option `{name}`: {value} is not one of the choices"
                        ));
                    }
                }
            }
            let mut o = json!({"name": name, "type": kind, "value": value});
            if is_focused {
                o["focused"] = Value::from(true);
            }
            leaf.push(o);
        }
        if focused.is_none() {
            for d in defs.iter().filter(|d| d["required"] == true) {
                if !options.iter().any(|(n, _)| d["name"] == *n) {
                    return Err(format!(
                        "/{command}: required option `{}` missing",
                        d["name"]
                    ));
                }
            }
        } else if !leaf.iter().any(|o| o["focused"] == true) {
            return Err(format!(
                "/{command}: focused option {focused:?} not among the options"
            ));
        }
        let mut opts = Value::from(leaf);
        for (name, kind) in chain.iter().rev() {
            opts = json!([{"name": name, "type": kind, "options": opts}]);
        }
        let mut data = json!({
            "id": def["id"],
            "name": top,
            "type": 1,
            "options": opts,
        });
        if let Some(g) = def.get("guild_id") {
            data["guild_id"] = g.clone();
        }
        if !resolved.is_empty() {
            data["resolved"] = Value::Object(resolved);
        }
        Ok(data)
    }

    fn command_names(&self) -> String {
        let all = self
            .commands
            .global
            .iter()
            .chain(self.commands.guild.values().flatten());
        all.filter_map(|c| c["name"].as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Checks/converts one option value by its type and fills `resolved`.
    fn option_value(
        &self,
        guild: Option<u64>,
        invoker: Invoker,
        kind: u64,
        v: &Value,
        resolved: &mut Map<String, Value>,
    ) -> Result<Value, String> {
        let id = || -> Result<u64, String> {
            v.as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .ok_or_else(|| format!("expected an id, got {v}"))
        };
        let mut add = |section: &str, key: u64, val: Value| {
            let entry = resolved
                .entry(section.to_string())
                .or_insert_with(|| json!({}));
            entry[key.to_string()] = val;
        };
        match kind {
            3 => v
                .as_str()
                .map(Value::from)
                .ok_or_else(|| format!("expected a string, got {v}")),
            4 => v
                .as_i64()
                .map(Value::from)
                .ok_or_else(|| format!("expected an integer, got {v}")),
            5 => v
                .as_bool()
                .map(Value::from)
                .ok_or_else(|| format!("expected a boolean, got {v}")),
            10 => v
                .as_f64()
                .map(Value::from)
                .ok_or_else(|| format!("expected a number, got {v}")),
            6 | 9 => {
                let id = id()?;
                if let Some(u) = self.user(id) {
                    add("users", id, user_json(u));
                    let member = guild
                        .and_then(|g| self.guilds.get(&g))
                        .and_then(|g| g.members.get(&id));
                    if let Some(m) = member {
                        // The member's permissions in the invocation's channel.
                        let p = self.permissions_in(invoker.channel, id);
                        add("members", id, member_json(self, m, false, Some(p)));
                    }
                } else if let Some(r) = guild
                    .and_then(|g| self.guilds.get(&g))
                    .and_then(|g| g.roles.iter().find(|r| r.id == id))
                {
                    if kind == 6 {
                        return Err(format!("{id} is a role, not a user"));
                    }
                    add("roles", id, role_json(r));
                } else {
                    return Err(format!("unknown user {id}"));
                }
                Ok(Value::from(id.to_string()))
            }
            7 => {
                let id = id()?;
                let c = self
                    .channels
                    .get(&id)
                    .ok_or_else(|| format!("unknown channel {id}"))?;
                add(
                    "channels",
                    id,
                    // The invoking user's permissions in that channel.
                    interaction_channel_json(self, c, self.permissions_in(id, invoker.user)),
                );
                Ok(Value::from(id.to_string()))
            }
            8 => {
                let id = id()?;
                let g = guild
                    .and_then(|g| self.guilds.get(&g))
                    .ok_or("roles need a guild")?;
                let r = g
                    .roles
                    .iter()
                    .find(|r| r.id == id)
                    .ok_or_else(|| format!("unknown role {id}"))?;
                add("roles", id, role_json(r));
                Ok(Value::from(id.to_string()))
            }
            11 => {
                // A file the user attached (registered by `register_uploads`): Discord has it on
                // its CDN and resolves the option to an attachment object with its URL.
                let id = id()?;
                let file = self
                    .uploads
                    .get(&id)
                    .ok_or_else(|| format!("unknown attachment {id}"))?;
                let url = format!(
                    "http://127.0.0.1:{}/attachments/{id}/{}",
                    self.port, file.filename
                );
                add(
                    "attachments",
                    id,
                    json!({
                        "id": id.to_string(),
                        "filename": file.filename,
                        "size": file.bytes.len(),
                        "url": url,
                        "proxy_url": url,
                        "content_type": "application/toml; charset=utf-8",
                        "ephemeral": true,
                    }),
                );
                Ok(Value::from(id.to_string()))
            }
            other => Err(format!(
                "option type {other} is not supported by the stand-in"
            )),
        }
    }

    /// Builds, records and dispatches an interaction of `kind` (2 command, 3 component,
    /// 4 autocomplete, 5 modal submit); returns its id.
    pub fn create_interaction(
        &mut self,
        kind: u8,
        user: u64,
        channel: u64,
        data: Value,
        message: Option<u64>,
    ) -> Result<u64, String> {
        let id = self.next_id();
        let token = format!(
            "aW50ZXJhY3Rpb24.{id}.{:x}",
            id.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        );
        let ch = self
            .channels
            .get(&channel)
            .ok_or_else(|| format!("unknown channel {channel}"))?;
        let guild = ch.guild_id;
        let app_perms = self.bot_perms_in(channel);
        let user_perms = match guild {
            Some(_) => self.permissions_in(channel, user),
            None => crate::support::perms::EVERYONE_DEFAULT,
        };
        let mut v = json!({
            "id": id.to_string(),
            "application_id": self.application_id.to_string(),
            "type": kind,
            "data": data,
            "channel": interaction_channel_json(self, ch, user_perms),
            "channel_id": channel.to_string(),
            "token": token,
            "version": 1,
            "app_permissions": app_perms.to_string(),
            "locale": self.user_locales.get(&user).map_or("en-US", String::as_str),
            "entitlements": [],
            "attachment_size_limit": 10_485_760,
        });
        match guild {
            Some(g) => {
                let member = self
                    .guilds
                    .get(&g)
                    .and_then(|gr| gr.members.get(&user))
                    .ok_or_else(|| format!("user {user} is not a member of guild {g}"))?;
                v["member"] = member_json(self, member, true, Some(user_perms));
                v["guild_id"] = Value::from(g.to_string());
                let locale = self.guilds[&g].preferred_locale.clone();
                v["guild_locale"] = Value::from(locale.clone());
                v["guild"] = json!({"id": g.to_string(), "locale": locale, "features": []});
                v["authorizing_integration_owners"] = json!({"0": g.to_string()});
                v["context"] = Value::from(0);
            }
            None => {
                let u = self
                    .user(user)
                    .ok_or_else(|| format!("unknown user {user}"))?;
                v["user"] = user_json(u);
                v["authorizing_integration_owners"] = json!({"0": "0"});
                v["context"] = Value::from(1);
            }
        }
        if let Some(m) = message.and_then(|m| self.messages.get(&m)) {
            v["message"] = super::payloads::message_json(self, m, false);
        }
        self.interactions.insert(
            id,
            InteractionRec {
                id,
                token,
                kind,
                user_id: user,
                channel_id: channel,
                guild_id: guild,
                dispatched_at: Instant::now(),
                responses: Vec::new(),
                callback_type: None,
                original: None,
                original_done: false,
                followups: Vec::new(),
                autocomplete: None,
                modal: None,
                source_message: message,
            },
        );
        self.dispatch(guild, "INTERACTION_CREATE", v);
        Ok(id)
    }

    /// Uploads the files given as option values (`{"filename": …, "content": …}`), as Discord
    /// does before it sends an attachment option; the values become the attachments' ids.
    pub fn register_uploads<'a>(&mut self, options: &[(&'a str, Value)]) -> Vec<(&'a str, Value)> {
        options
            .iter()
            .map(|(name, value)| {
                let (Some(filename), Some(content)) =
                    (value["filename"].as_str(), value["content"].as_str())
                else {
                    return (*name, value.clone());
                };
                let id = self.next_id();
                self.uploads.insert(
                    id,
                    super::world::AttachmentRec {
                        id,
                        filename: filename.to_string(),
                        bytes: content.as_bytes().to_vec(),
                        description: None,
                    },
                );
                (*name, Value::from(id.to_string()))
            })
            .collect()
    }

    /// The newest modal with `custom_id` that the bot showed to `user`.
    pub fn shown_modal(&self, user: u64, custom_id: &str) -> Option<(u64, Value)> {
        self.interactions
            .values()
            .rev()
            .filter(|i| i.user_id == user)
            .find_map(|i| {
                i.modal
                    .as_ref()
                    .filter(|m| m["custom_id"] == custom_id)
                    .map(|m| (i.id, m.clone()))
            })
    }
}
