//! A slash command invocation's options by name, owned, with the subcommand path that led to
//! them.

use std::collections::HashMap;

use serenity::all::{CommandInteraction, ResolvedOption, ResolvedValue};

use crate::domain::ids::{MemberId, Snowflake};

/// An option's value, owned.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Text(String),
    Integer(i64),
    Boolean(bool),
    /// A channel or role option's id.
    Id(u64),
    /// A member or user, by id.
    User(u64),
}

/// The leaf options of an invocation by name, and the subcommand path (`["start"]`).
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub path: Vec<String>,
    values: HashMap<String, OptionValue>,
}

impl Options {
    fn collect(options: Vec<ResolvedOption<'_>>, into: &mut Options) {
        for option in options {
            match option.value {
                ResolvedValue::SubCommand(inner) | ResolvedValue::SubCommandGroup(inner) => {
                    into.path.push(option.name.to_string());
                    Options::collect(inner, into);
                }
                ResolvedValue::String(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Text(v.into()));
                }
                ResolvedValue::Autocomplete { value, .. } => {
                    into.values
                        .insert(option.name.into(), OptionValue::Text(value.into()));
                }
                ResolvedValue::Integer(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Integer(v));
                }
                ResolvedValue::Boolean(v) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Boolean(v));
                }
                ResolvedValue::Channel(channel) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Id(channel.id.get()));
                }
                ResolvedValue::Role(role) => {
                    into.values
                        .insert(option.name.into(), OptionValue::Id(role.id.get()));
                }
                ResolvedValue::User(user, _) => {
                    into.values
                        .insert(option.name.into(), OptionValue::User(user.id.get()));
                }
                _ => {}
            }
        }
    }

    pub fn of(command: &CommandInteraction) -> Options {
        let mut options = Options::default();
        Options::collect(command.data.options(), &mut options);
        options
    }

    /// A channel or role option's id, as the domain's id of that kind.
    pub fn id<T: Snowflake>(&self, name: &str) -> Option<T> {
        match self.values.get(name) {
            Some(OptionValue::Id(id)) => Some(T::from_raw(*id)),
            _ => None,
        }
    }

    pub fn flag(&self, name: &str) -> Option<bool> {
        match self.values.get(name) {
            Some(OptionValue::Boolean(flag)) => Some(*flag),
            _ => None,
        }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.values.get(name) {
            Some(OptionValue::Text(text)) => Some(text.as_str()),
            _ => None,
        }
    }

    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.values.get(name) {
            Some(OptionValue::Integer(value)) => Some(*value),
            _ => None,
        }
    }

    pub fn user(&self, name: &str) -> Option<MemberId> {
        match self.values.get(name) {
            Some(OptionValue::User(id)) => Some(MemberId(*id)),
            _ => None,
        }
    }
}
