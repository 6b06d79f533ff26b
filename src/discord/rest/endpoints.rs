//! The typed REST calls the bot makes: messages, reactions, threads, roles, interaction
//! answers and command registration.

use serenity::http::{LightMethod, Request, Route};
use serenity::model::prelude::*;

use super::{DiscordRest, RestError};

/// Discord's error code for an interaction answered a second time ("Interaction has already
/// been acknowledged").
const ALREADY_ACKNOWLEDGED: i64 = 40060;

impl DiscordRest {
    pub async fn create_message(
        &self,
        channel: ChannelId,
        body: &serenity::builder::CreateMessage,
    ) -> Result<Message, RestError> {
        self.call(Self::json(
            Route::ChannelMessages {
                channel_id: channel,
            },
            LightMethod::Post,
            body,
        ))
        .await
    }

    pub async fn edit_message(
        &self,
        channel: ChannelId,
        message: MessageId,
        body: &serenity::builder::EditMessage,
    ) -> Result<Message, RestError> {
        let route = Route::ChannelMessage {
            channel_id: channel,
            message_id: message,
        };
        self.call(Self::json(route, LightMethod::Patch, body)).await
    }

    pub async fn delete_message(
        &self,
        channel: ChannelId,
        message: MessageId,
    ) -> Result<(), RestError> {
        let route = Route::ChannelMessage {
            channel_id: channel,
            message_id: message,
        };
        self.call_empty(Request::new(route, LightMethod::Delete))
            .await
    }

    /// Adds the bot's own reaction.
    pub async fn react(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
    ) -> Result<(), RestError> {
        let reaction = ReactionType::Unicode(emoji.to_string()).as_data();
        let route = Route::ChannelMessageReactionMe {
            channel_id: channel,
            message_id: message,
            reaction: &reaction,
        };
        self.call_empty(Request::new(route, LightMethod::Put)).await
    }

    /// One page (up to 100, by ascending id after `after`) of the users who reacted with `emoji`.
    pub async fn reaction_users(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
        after: Option<UserId>,
    ) -> Result<Vec<User>, RestError> {
        let reaction = ReactionType::Unicode(emoji.to_string()).as_data();
        let route = Route::ChannelMessageReactionEmoji {
            channel_id: channel,
            message_id: message,
            reaction: &reaction,
        };
        let mut params = vec![("limit", "100".to_string())];
        if let Some(after) = after {
            params.push(("after", after.to_string()));
        }
        self.call(Request::new(route, LightMethod::Get).params(Some(params)))
            .await
    }

    /// One page (up to 100, oldest first) of the messages in `channel` after `after`.
    pub async fn messages_after(
        &self,
        channel: ChannelId,
        after: MessageId,
    ) -> Result<Vec<Message>, RestError> {
        let params = vec![("limit", "100".to_string()), ("after", after.to_string())];
        let mut page: Vec<Message> = self
            .call(
                Request::new(
                    Route::ChannelMessages {
                        channel_id: channel,
                    },
                    LightMethod::Get,
                )
                .params(Some(params)),
            )
            .await?;
        page.sort_by_key(|m| m.id);
        Ok(page)
    }

    /// Creates a public thread (type 11) without a starter message. Never repeated by itself
    /// after a transient failure (a lost answer may hide a created thread): the caller looks
    /// for the thread before creating it again.
    pub async fn create_public_thread(
        &self,
        channel: ChannelId,
        name: &str,
    ) -> Result<GuildChannel, RestError> {
        let body = serenity::builder::CreateThread::new(name)
            .kind(ChannelType::PublicThread)
            .auto_archive_duration(AutoArchiveDuration::OneWeek);
        self.call_once(Self::json(
            Route::ChannelThreads {
                channel_id: channel,
            },
            LightMethod::Post,
            &body,
        ))
        .await
    }

    pub async fn join_thread(&self, thread: ChannelId) -> Result<(), RestError> {
        self.call_empty(Request::new(
            Route::ChannelThreadMemberMe { channel_id: thread },
            LightMethod::Put,
        ))
        .await
    }

    pub async fn delete_channel(&self, channel: ChannelId) -> Result<(), RestError> {
        self.call_empty(Request::new(
            Route::Channel {
                channel_id: channel,
            },
            LightMethod::Delete,
        ))
        .await
    }

    /// The guild's active threads (all channels).
    pub async fn active_threads(&self, guild: GuildId) -> Result<Vec<GuildChannel>, RestError> {
        let data: ThreadsData = self
            .call(Request::new(
                Route::GuildThreadsActive { guild_id: guild },
                LightMethod::Get,
            ))
            .await?;
        Ok(data.threads)
    }

    pub async fn guild_roles(&self, guild: GuildId) -> Result<Vec<Role>, RestError> {
        self.call(Request::new(
            Route::GuildRoles { guild_id: guild },
            LightMethod::Get,
        ))
        .await
    }

    /// One page (up to 1,000, by ascending id after `after`) of a guild's members. Needs the
    /// Server Members intent enabled for the application.
    pub async fn guild_members(
        &self,
        guild: GuildId,
        after: Option<UserId>,
    ) -> Result<Vec<Member>, RestError> {
        let mut params = vec![("limit", "1000".to_string())];
        if let Some(after) = after {
            params.push(("after", after.to_string()));
        }
        let route = Route::GuildMembers { guild_id: guild };
        self.call(Request::new(route, LightMethod::Get).params(Some(params)))
            .await
    }

    /// A guild member.
    pub async fn guild_member(&self, guild: GuildId, user: UserId) -> Result<Member, RestError> {
        let route = Route::GuildMember {
            guild_id: guild,
            user_id: user,
        };
        self.call(Request::new(route, LightMethod::Get)).await
    }

    /// A channel (with its permission overwrites).
    pub async fn channel(&self, channel: ChannelId) -> Result<GuildChannel, RestError> {
        let route = Route::Channel {
            channel_id: channel,
        };
        self.call(Request::new(route, LightMethod::Get)).await
    }

    /// Answers an interaction (within 3 s of receiving it).
    pub async fn respond(
        &self,
        interaction: InteractionId,
        token: &str,
        body: &serenity::builder::CreateInteractionResponse,
    ) -> Result<(), RestError> {
        let route = Route::InteractionResponse {
            interaction_id: interaction,
            token,
        };
        match self
            .call_empty(Self::json(route, LightMethod::Post, body))
            .await
        {
            // A retry after a lost answer: the first attempt arrived, so the interaction is
            // answered and the caller goes on (editing that answer) as if it had heard so.
            Err(RestError::Discord {
                code: ALREADY_ACKNOWLEDGED,
                ..
            }) => {
                tracing::info!(%interaction, "the interaction was already answered by an earlier attempt");
                Ok(())
            }
            outcome => outcome,
        }
    }

    /// Replaces the original (deferred) answer of an interaction.
    pub async fn edit_original(
        &self,
        token: &str,
        body: &serenity::builder::EditInteractionResponse,
    ) -> Result<Message, RestError> {
        let route = Route::WebhookOriginalInteractionResponse {
            application_id: self.app_id()?,
            token,
        };
        self.call(Self::json(route, LightMethod::Patch, body)).await
    }

    /// Registers the bot's global slash commands (a JSON array of command objects, as
    /// `commands::registered` builds it), replacing any older set.
    pub async fn set_global_commands(&self, commands: &serde_json::Value) -> Result<(), RestError> {
        let route = Route::Commands {
            application_id: self.app_id()?,
        };
        self.call_empty(Self::json(route, LightMethod::Put, commands))
            .await
    }
}
