//! What simulated users do (slash commands, autocomplete, buttons, modals, reactions, posts, edits,
//! deletes; online with a gateway dispatch or offline without) and what they see.

use serde_json::{json, Value};

use super::interactions::Invoker;
use super::views::{MessageView, ThreadView};
use super::world::{MessageRec, State};
use super::StandIn;

fn check_member(s: &State, user: u64, channel: u64) -> Result<(), String> {
    let ch = s
        .channels
        .get(&channel)
        .ok_or_else(|| format!("unknown channel {channel}"))?;
    if let Some(g) = ch.guild_id {
        if !s
            .guilds
            .get(&g)
            .is_some_and(|g| g.members.contains_key(&user))
        {
            return Err(format!("user {user} is not a member of guild {g}"));
        }
        if s.permissions_in(channel, user) & crate::support::perms::VIEW_CHANNEL == 0 {
            return Err(format!(
                "user {user} cannot see channel {channel}: Discord gives them no way to act there"
            ));
        }
    }
    Ok(())
}

/// A message `user` can see in `channel` (their own ephemeral messages included).
fn visible_message(
    s: &State,
    user: u64,
    channel: u64,
    message: u64,
) -> Result<&MessageRec, String> {
    let m = s.messages.get(&message).filter(|m| m.channel_id == channel);
    let m = m.ok_or_else(|| format!("message {message} is not in channel {channel}"))?;
    if m.is_ephemeral() {
        let owner = m
            .interaction_id
            .and_then(|i| s.interactions.get(&i))
            .map(|i| i.user_id);
        if owner != Some(user) {
            return Err(format!(
                "ephemeral message {message} is not visible to user {user}"
            ));
        }
    }
    Ok(m)
}

impl StandIn {
    fn act<R>(&self, what: &str, f: impl FnOnce(&mut State) -> Result<R, String>) -> R {
        match self.shared().with(f) {
            Ok(r) => r,
            Err(e) => panic!("{what}: {e}"),
        }
    }

    /// `user` runs `/command` ("retro start", "retro schedule add") with the leaf `options`.
    pub fn slash(&self, user: u64, channel: u64, command: &str, options: &[(&str, Value)]) -> u64 {
        self.act(&format!("slash /{command}"), |s| {
            check_member(s, user, channel)?;
            let invoker = Invoker { channel, user };
            let options = s.register_uploads(options);
            let data = s.command_data(s.guild_of(channel), invoker, command, &options, None)?;
            s.create_interaction(2, user, channel, data, None)
        })
    }

    /// `user` runs a global command in their DM with the bot.
    pub fn slash_in_dm(&self, user: u64, command: &str, options: &[(&str, Value)]) -> u64 {
        self.act(&format!("slash_in_dm /{command}"), |s| {
            let channel = s.dm_channel(user);
            let data = s.command_data(None, Invoker { channel, user }, command, options, None)?;
            s.create_interaction(2, user, channel, data, None)
        })
    }

    /// `user` is typing option `focused` of `/command` (its value in `options` is the partial text).
    pub fn autocomplete(
        &self,
        user: u64,
        channel: u64,
        command: &str,
        options: &[(&str, Value)],
        focused: &str,
    ) -> u64 {
        self.act(&format!("autocomplete /{command}"), |s| {
            check_member(s, user, channel)?;
            let invoker = Invoker { channel, user };
            let data = s.command_data(
                s.guild_of(channel),
                invoker,
                command,
                options,
                Some(focused),
            )?;
            s.create_interaction(4, user, channel, data, None)
        })
    }

    /// `user` clicks the (enabled) button `custom_id` on `message`.
    pub fn click_button(&self, user: u64, channel: u64, message: u64, custom_id: &str) -> u64 {
        self.component(user, channel, message, custom_id, None)
    }

    /// `user` picks `values` in the select menu `custom_id` on `message`.
    pub fn select(
        &self,
        user: u64,
        channel: u64,
        message: u64,
        custom_id: &str,
        values: &[&str],
    ) -> u64 {
        self.component(user, channel, message, custom_id, Some(values))
    }

    fn component(
        &self,
        user: u64,
        channel: u64,
        message: u64,
        custom_id: &str,
        values: Option<&[&str]>,
    ) -> u64 {
        self.act(&format!("component {custom_id:?}"), |s| {
            check_member(s, user, channel)?;
            let m = visible_message(s, user, channel, message)?;
            let comp = m
                .components
                .iter()
                .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
                .find(|c| c["custom_id"] == custom_id)
                .ok_or_else(|| format!("message {message} has no component {custom_id:?}"))?;
            if comp["disabled"] == true {
                return Err(format!("component {custom_id:?} is disabled"));
            }
            let kind = comp["type"].as_u64().unwrap_or(2);
            let mut data = json!({"custom_id": custom_id, "component_type": kind});
            match (kind, values) {
                (2, None) => {}
                (2, Some(_)) => return Err("a button has no values".into()),
                (_, Some(v)) => data["values"] = json!(v),
                (_, None) => return Err("a select menu needs values".into()),
            }
            s.create_interaction(3, user, channel, data, Some(message))
        })
    }

    /// `user` submits the modal `custom_id` the bot showed them, with (input custom_id, value).
    pub fn submit_modal(
        &self,
        user: u64,
        channel: u64,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> u64 {
        self.act(&format!("submit_modal {custom_id:?}"), |s| {
            check_member(s, user, channel)?;
            let (shown_by, modal) = s
                .shown_modal(user, custom_id)
                .ok_or_else(|| format!("the bot never showed user {user} a modal {custom_id:?}"))?;
            let mut rows = Vec::new();
            let mut used = 0;
            for row in modal["components"].as_array().into_iter().flatten() {
                let mut inputs = Vec::new();
                for input in row["components"].as_array().into_iter().flatten() {
                    let id = input["custom_id"].as_str().unwrap_or_default();
                    let value = fields.iter().find(|(k, _)| *k == id).map(|(_, v)| *v);
                    used += usize::from(value.is_some());
                    let value = value.unwrap_or_default();
                    if input["required"] != false && value.is_empty() {
                        return Err(format!("required input {id:?} left empty"));
                    }
                    inputs.push(json!({"type": 4, "custom_id": id, "value": value}));
                }
                rows.push(json!({"type": 1, "components": inputs}));
            }
            if used != fields.len() {
                return Err(format!(
                    "modal {custom_id:?} lacks some of the inputs {fields:?}"
                ));
            }
            let source = s.interactions.get(&shown_by).and_then(|i| i.source_message);
            let data = json!({"custom_id": custom_id, "components": rows});
            s.create_interaction(5, user, channel, data, source)
        })
    }

    fn reaction(
        &self,
        user: u64,
        channel: u64,
        message: u64,
        emoji: &str,
        add: bool,
        dispatch: bool,
    ) {
        self.act("reaction", |s| {
            check_member(s, user, channel)?;
            visible_message(s, user, channel, message)?;
            if add {
                s.add_reaction(message, user, emoji, dispatch);
            } else {
                s.remove_reaction(message, user, emoji, dispatch);
            }
            Ok(())
        })
    }

    pub fn react(&self, user: u64, channel: u64, message: u64, emoji: &str) {
        self.reaction(user, channel, message, emoji, true, true);
    }

    pub fn unreact(&self, user: u64, channel: u64, message: u64, emoji: &str) {
        self.reaction(user, channel, message, emoji, false, true);
    }

    /// Reacts while the bot is offline: the world changes, nothing is dispatched.
    pub fn react_offline(&self, user: u64, channel: u64, message: u64, emoji: &str) {
        self.reaction(user, channel, message, emoji, true, false);
    }

    pub fn unreact_offline(&self, user: u64, channel: u64, message: u64, emoji: &str) {
        self.reaction(user, channel, message, emoji, false, false);
    }

    fn post_with(&self, user: u64, channel: u64, content: &str, dispatch: bool) -> u64 {
        self.act("post", |s| {
            check_member(s, user, channel)?;
            let id = s.next_id();
            let ch = s.channels.get_mut(&channel).expect("checked");
            if ch.is_thread() && !ch.thread_members.contains(&user) {
                ch.thread_members.push(user);
            }
            Ok(s.put_message(MessageRec::new(id, channel, user, content), dispatch))
        })
    }

    /// `user` posts `content` in `channel` (or thread); returns the message id.
    pub fn post(&self, user: u64, channel: u64, content: &str) -> u64 {
        self.post_with(user, channel, content, true)
    }

    pub fn post_offline(&self, user: u64, channel: u64, content: &str) -> u64 {
        self.post_with(user, channel, content, false)
    }

    fn edit_with(&self, channel: u64, message: u64, content: &str, dispatch: bool) {
        self.act("edit", |s| {
            s.messages
                .get(&message)
                .filter(|m| m.channel_id == channel)
                .ok_or("no such message")?;
            s.edit_message_with(message, dispatch, |m| m.content = content.to_string());
            Ok(())
        })
    }

    /// The author edits a message.
    pub fn edit(&self, channel: u64, message: u64, content: &str) {
        self.edit_with(channel, message, content, true);
    }

    pub fn edit_offline(&self, channel: u64, message: u64, content: &str) {
        self.edit_with(channel, message, content, false);
    }

    fn delete_with(&self, channel: u64, message: u64, dispatch: bool) {
        self.act("delete", |s| {
            s.messages
                .get(&message)
                .filter(|m| m.channel_id == channel)
                .ok_or("no such message")?;
            s.remove_message(message, dispatch);
            Ok(())
        })
    }

    pub fn delete(&self, channel: u64, message: u64) {
        self.delete_with(channel, message, true);
    }

    pub fn delete_offline(&self, channel: u64, message: u64) {
        self.delete_with(channel, message, false);
    }

    /// Everyone-visible messages of a channel or thread, oldest first.
    pub fn messages(&self, channel: u64) -> Vec<MessageView> {
        self.shared().read(|s| {
            s.channel_messages(channel)
                .into_iter()
                .map(|m| MessageView::from_rec(s, m))
                .collect()
        })
    }

    pub fn message(&self, id: u64) -> Option<MessageView> {
        self.shared()
            .read(|s| s.messages.get(&id).map(|m| MessageView::from_rec(s, m)))
    }

    /// Threads whose parent is `parent`, by id (a thread started from a message has that message's id).
    pub fn threads(&self, parent: u64) -> Vec<ThreadView> {
        self.shared().read(|s| {
            s.channels
                .values()
                .filter(|c| c.is_thread() && c.parent_id == Some(parent))
                .map(|c| ThreadView {
                    id: c.id,
                    name: c.name.clone(),
                    kind: c.kind,
                    bot_is_member: c.thread_members.contains(&s.bot.id),
                    parent_id: parent,
                    owner_id: c.owner_id,
                })
                .collect()
        })
    }
}
