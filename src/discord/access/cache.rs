//! The permission data of every server this process serves, kept current from gateway events
//! (GUILD_CREATE/UPDATE/DELETE, role and channel create/update/delete, thread create/update/
//! delete and list sync), and filled once by REST for a server whose GUILD_CREATE has not
//! arrived. Never fetched per vote or per command.

use std::collections::HashMap;
use std::sync::RwLock;

use serenity::all::{Event, GuildChannel, GuildId};

use super::convert::{self, ChannelEntry};
use crate::discord::ids::ToDomain;
use crate::discord::rest::{DiscordRest, RestError};
use crate::domain::access::{GuildAccess, GuildSnapshot};
use crate::domain::ids::GuildId as DomainGuildId;

/// Each server's [`GuildAccess`], by guild.
#[derive(Default)]
pub struct AccessCache {
    guilds: RwLock<HashMap<DomainGuildId, GuildAccess>>,
}

impl AccessCache {
    /// A copy of what is known of `guild`, if anything.
    pub fn get(&self, guild: DomainGuildId) -> Option<GuildAccess> {
        self.guilds
            .read()
            .expect("access lock")
            .get(&guild)
            .cloned()
    }

    /// Changes `guild`'s model, if it is known.
    pub fn update(&self, guild: DomainGuildId, change: impl FnOnce(&mut GuildAccess)) {
        if let Some(access) = self.guilds.write().expect("access lock").get_mut(&guild) {
            change(access);
        }
    }

    fn replace(&self, access: GuildAccess) {
        self.guilds
            .write()
            .expect("access lock")
            .insert(access.guild_id(), access);
    }

    /// Applies a gateway event that changes who sees what; every other event is ignored.
    pub fn on_event(&self, event: &Event) {
        match event {
            Event::GuildCreate(e) => {
                let guild = &e.guild;
                let channels = guild.channels.values().chain(guild.threads.iter());
                self.replace(GuildAccess::from_guild(snapshot(
                    guild.id,
                    guild.owner_id.domain(),
                    guild.roles.values(),
                    channels,
                )));
            }
            Event::GuildUpdate(e) => {
                let guild = &e.guild;
                self.update(guild.id.domain(), |access| {
                    access.set_owner(guild.owner_id.domain());
                    for role in guild.roles.values() {
                        access.upsert_role(role.id.domain(), convert::role(role));
                    }
                });
            }
            Event::GuildDelete(e) => {
                self.guilds
                    .write()
                    .expect("access lock")
                    .remove(&e.guild.id.domain());
            }
            Event::GuildRoleCreate(e) => self.role_changed(&e.role),
            Event::GuildRoleUpdate(e) => self.role_changed(&e.role),
            Event::GuildRoleDelete(e) => self.update(e.guild_id.domain(), |access| {
                access.remove_role(e.role_id.domain())
            }),
            Event::ChannelCreate(e) => self.channel_changed(&e.channel),
            Event::ChannelUpdate(e) => self.channel_changed(&e.channel),
            Event::ChannelDelete(e) => self.update(e.channel.guild_id.domain(), |access| {
                access.remove_channel(e.channel.id.domain())
            }),
            Event::ThreadCreate(e) => self.channel_changed(&e.thread),
            Event::ThreadUpdate(e) => self.channel_changed(&e.thread),
            Event::ThreadDelete(e) => self.update(e.thread.guild_id.domain(), |access| {
                access.remove_thread(e.thread.id.domain())
            }),
            Event::ThreadListSync(e) => {
                for thread in &e.threads {
                    self.channel_changed(thread);
                }
            }
            _ => {}
        }
    }

    fn role_changed(&self, role: &serenity::all::Role) {
        self.update(role.guild_id.domain(), |access| {
            access.upsert_role(role.id.domain(), convert::role(role))
        });
    }

    /// A channel or thread created or updated.
    pub fn channel_changed(&self, channel: &GuildChannel) {
        let Some(entry) = convert::channel(channel) else {
            return;
        };
        self.update(channel.guild_id.domain(), |access| match entry {
            ChannelEntry::Thread { id, parent } => access.upsert_thread(id, parent),
            ChannelEntry::Channel { id, overwrites } => access.upsert_channel(id, overwrites),
        });
    }

    /// Reads `guild`'s owner, roles, channels and active threads from Discord and replaces
    /// what was known of it. For a server whose GUILD_CREATE has not arrived, or whose data
    /// lacks the channel a command came from.
    pub async fn fill(&self, rest: &DiscordRest, guild: GuildId) -> Result<GuildAccess, RestError> {
        let (partial, channels, threads) = tokio::try_join!(
            rest.guild(guild),
            rest.guild_channels(guild),
            rest.active_threads(guild),
        )?;
        let threads = threads.into_iter().filter(|t| t.guild_id == guild);
        let channels: Vec<GuildChannel> = channels.into_iter().chain(threads).collect();
        let access = GuildAccess::from_guild(snapshot(
            guild,
            partial.owner_id.domain(),
            partial.roles.values(),
            channels.iter(),
        ));
        self.replace(access.clone());
        tracing::info!(guild = guild.get(), "permission data read from Discord");
        Ok(access)
    }
}

fn snapshot<'a>(
    guild: GuildId,
    owner: crate::domain::ids::MemberId,
    roles: impl Iterator<Item = &'a serenity::all::Role>,
    channels: impl Iterator<Item = &'a GuildChannel>,
) -> GuildSnapshot {
    let mut snapshot = GuildSnapshot {
        guild_id: guild.domain(),
        owner_id: owner,
        roles: roles.map(|r| (r.id.domain(), convert::role(r))).collect(),
        channels: Vec::new(),
        threads: Vec::new(),
    };
    for entry in channels.filter_map(convert::channel) {
        match entry {
            ChannelEntry::Thread { id, parent } => snapshot.threads.push((id, parent)),
            ChannelEntry::Channel { id, overwrites } => snapshot.channels.push((id, overwrites)),
        }
    }
    snapshot
}
