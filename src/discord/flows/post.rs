//! Posting a retro: the header, one message per statement with the scale's reactions, one
//! public thread per open question. Independent calls overlap (reactions on a statement while
//! the next one is posted, threads while reactions are added). Every id is recorded as soon as
//! it exists, and posting is idempotent: what is recorded is skipped, messages carry a nonce
//! (`enforce_nonce`, so a repeat returns the first) and an existing thread is found again, so
//! a post interrupted by a crash resumes instead of posting twice.

use std::sync::Arc;

use serenity::all::{ChannelId, CreateMessage, GuildChannel, GuildId, MessageId, Nonce};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::participation;
use crate::discord::render;
use crate::discord::rest::snowflake::snowflake_at;
use crate::discord::rest::{DiscordRest, RestError};
use crate::domain::ids::ChannelId as DomainChannelId;
use crate::domain::retro::{ItemKind, Retro};
use crate::i18n::Language;
use crate::store::{RetroItem, StoreError};

/// Why posting stopped (`Display` in English for logs; [`PostError::describe`] for members).
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error("Discord refused to {}: {source}", .step.words(Language::English))]
    Discord { step: PostStep, source: RestError },
    #[error("the database failed while recording the posts: {0}")]
    Store(#[from] StoreError),
}

/// The step of posting that Discord refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostStep {
    Header,
    Statement,
    Reaction,
    ListThreads,
    CreateThread,
    JoinThread,
    Question,
}

impl PostStep {
    /// The step in `lang` ("post the header").
    pub fn words(self, lang: Language) -> String {
        match self {
            PostStep::Header => lang.t("post-step-header"),
            PostStep::Statement => lang.t("post-step-statement"),
            PostStep::Reaction => lang.t("post-step-reaction"),
            PostStep::ListThreads => lang.t("post-step-list-threads"),
            PostStep::CreateThread => lang.t("post-step-create-thread"),
            PostStep::JoinThread => lang.t("post-step-join-thread"),
            PostStep::Question => lang.t("post-step-question"),
        }
    }
}

impl PostError {
    /// Whether trying again may succeed (Discord's 5xx, a timeout, a dropped connection).
    pub fn is_transient(&self) -> bool {
        matches!(self, PostError::Discord { source, .. } if source.is_transient())
    }

    /// Why posting stopped, in words for the facilitator in `lang`.
    pub fn describe(&self, lang: Language) -> String {
        match self {
            PostError::Discord { step, source } => crate::tr!(
                lang,
                "post-refused",
                step = step.words(lang),
                error = source.describe(lang)
            ),
            PostError::Store(_) => lang.t("post-database-failed"),
        }
    }
}

/// How many times a thread whose creation failed transiently is looked for and created again.
const THREAD_ATTEMPTS: usize = 4;

fn discord(step: PostStep) -> impl Fn(RestError) -> PostError {
    move |source| PostError::Discord { step, source }
}

/// `message` with a nonce unique to this retro and `part`: posting it again within Discord's
/// deduplication window returns the first message instead of a second one.
fn once(message: CreateMessage, retro: &Retro, part: &str) -> CreateMessage {
    message
        .nonce(Nonce::String(format!("r{}{part}", retro.id.0)))
        .enforce_nonce(true)
}

/// What of a retro is already posted (nothing for a fresh start).
struct Posted {
    header: Option<crate::domain::ids::MessageId>,
    items: Vec<RetroItem>,
}

impl Posted {
    fn item(&self, kind: ItemKind, position: usize) -> Option<&RetroItem> {
        self.items
            .iter()
            .find(|i| i.kind == kind && i.position == position)
    }

    fn resuming(&self) -> bool {
        self.header.is_some() || !self.items.is_empty()
    }
}

/// Posts everything of `retro` not posted yet and routes its items to the live index as they
/// appear.
pub async fn post_retro(bot: &Arc<Bot>, retro: &Retro) -> Result<(), PostError> {
    participation::before_posting(bot, retro).await?;
    let channel = ChannelId::from(retro.channel_id);
    let posted = Arc::new(Posted {
        header: bot
            .store
            .retro(retro.id)
            .await?
            .and_then(|r| r.header_message_id),
        items: bot.store.items(retro.id).await?,
    });
    if posted.header.is_none() {
        let how = participation::how_to_take_part(retro);
        let mut header = render::retro::header(retro, &how);
        let open_actions = bot
            .store
            .open_actions_in_channel(retro.channel_id, Some(retro.id))
            .await?;
        let today = chrono::Utc::now().date_naive();
        if let Some(actions) = render::reports::open_actions_embed(
            crate::discord::language::of_retro(retro),
            &open_actions,
            today,
        ) {
            header = header.add_embed(actions);
        }
        let header = bot
            .rest
            .create_message(channel, &once(header, retro, "h"))
            .await
            .map_err(discord(PostStep::Header))?;
        bot.store
            .record_header(retro.id, header.id.domain())
            .await?;
    }

    let mut tasks: JoinSet<Result<(), PostError>> = JoinSet::new();
    let (to_react, reactions_wanted) = mpsc::unbounded_channel();
    tasks.spawn(add_reactions(
        bot.rest.clone(),
        channel,
        retro.clone(),
        reactions_wanted,
    ));
    let mut outcome = post_statements(bot, retro, &posted, to_react).await;
    if outcome.is_ok() {
        outcome = open_questions(bot, retro, &posted, &mut tasks).await;
    }
    // Let every started call finish (never abort one halfway: its post could not be removed).
    while let Some(joined) = tasks.join_next().await {
        let result = joined.unwrap_or_else(|e| {
            Err(StoreError::Corrupt(format!("posting task failed: {e}")).into())
        });
        if outcome.is_ok() {
            outcome = result;
        }
    }
    outcome
}

async fn post_statements(
    bot: &Arc<Bot>,
    retro: &Retro,
    posted: &Posted,
    to_react: mpsc::UnboundedSender<MessageId>,
) -> Result<(), PostError> {
    let channel = ChannelId::from(retro.channel_id);
    let scale = Arc::new(retro.template.scale.clone());
    for position in 0..retro.template.statements.len() {
        let recorded = posted
            .item(ItemKind::Statement, position)
            .and_then(|i| i.message_id);
        let message = match recorded {
            Some(id) => id,
            None => {
                let body = once(
                    participation::statement_message(retro, position),
                    retro,
                    &format!("s{position}"),
                );
                let message = bot
                    .rest
                    .create_message(channel, &body)
                    .await
                    .map_err(discord(PostStep::Statement))?;
                let item = RetroItem {
                    kind: ItemKind::Statement,
                    position,
                    message_id: Some(message.id.domain()),
                    thread_id: None,
                };
                bot.store.record_item(retro.id, item).await?;
                message.id.domain()
            }
        };
        if participation::statement_posted(bot, retro, position, message, &scale) {
            let _ = to_react.send(MessageId::from(message));
        }
    }
    Ok(())
}

/// Adds the scale's reactions to each statement that wants them, in order (so 👍 shows before 👎). Adding a
/// reaction the bot already has changes nothing, so a resumed post simply adds them again.
async fn add_reactions(
    rest: DiscordRest,
    channel: ChannelId,
    retro: Retro,
    mut messages: mpsc::UnboundedReceiver<MessageId>,
) -> Result<(), PostError> {
    while let Some(message) = messages.recv().await {
        for option in &retro.template.scale.options {
            rest.react(channel, message, &option.emoji)
                .await
                .map_err(discord(PostStep::Reaction))?;
        }
    }
    Ok(())
}

/// Creates the question threads in order (so they are listed in order); joining each and
/// posting its question run alongside. When resuming, a thread Discord already has (created
/// just before a crash, so never recorded) is used again.
async fn open_questions(
    bot: &Arc<Bot>,
    retro: &Retro,
    posted: &Arc<Posted>,
    tasks: &mut JoinSet<Result<(), PostError>>,
) -> Result<(), PostError> {
    let channel = ChannelId::from(retro.channel_id);
    let existing = if posted.resuming() {
        bot.rest
            .active_threads(GuildId::from(retro.guild_id))
            .await
            .map_err(discord(PostStep::ListThreads))?
    } else {
        Vec::new()
    };
    for (position, question) in retro.template.questions.iter().enumerate() {
        let name = render::retro::thread_name(question);
        let recorded = posted
            .item(ItemKind::Question, position)
            .and_then(|i| i.thread_id);
        let found = || find_thread(bot, retro, &existing, &name);
        let thread = match recorded.or_else(found) {
            Some(id) => ChannelId::from(id),
            None => create_thread_once(bot, retro, channel, &name).await?,
        };
        let item = RetroItem {
            kind: ItemKind::Question,
            position,
            message_id: None,
            thread_id: Some(thread.domain()),
        };
        bot.store.record_item(retro.id, item).await?;
        participation::thread_opened(bot, retro, position, thread.domain());
        let first = posted
            .item(ItemKind::Question, position)
            .and_then(|i| i.message_id);
        tasks.spawn(fill_thread(
            bot.clone(),
            retro.clone(),
            position,
            thread,
            first,
        ));
    }
    Ok(())
}

/// Creates this retro's thread named `name`. Creating a thread carries no nonce, so after a
/// transient failure (whose lost answer may hide a created thread) the thread is looked for
/// among the active threads before it is created again.
async fn create_thread_once(
    bot: &Bot,
    retro: &Retro,
    channel: ChannelId,
    name: &str,
) -> Result<ChannelId, PostError> {
    let mut attempt = 1;
    loop {
        let error = match bot.rest.create_public_thread(channel, name).await {
            Ok(thread) => return Ok(thread.id),
            Err(e) if e.is_transient() && attempt < THREAD_ATTEMPTS => e,
            Err(e) => return Err(discord(PostStep::CreateThread)(e)),
        };
        tracing::info!(retro = %retro.id, %error, attempt, "creating a thread failed for now; looking for it before trying again");
        tokio::time::sleep(crate::discord::rest::retry::backoff(attempt as u32)).await;
        attempt += 1;
        let existing = bot
            .rest
            .active_threads(GuildId::from(retro.guild_id))
            .await
            .map_err(discord(PostStep::ListThreads))?;
        if let Some(found) = find_thread(bot, retro, &existing, name) {
            return Ok(ChannelId::from(found));
        }
    }
}

/// This retro's thread named `name` among the guild's active threads, if Discord has one.
fn find_thread(
    bot: &Bot,
    retro: &Retro,
    existing: &[GuildChannel],
    name: &str,
) -> Option<DomainChannelId> {
    let since = snowflake_at(retro.created_at);
    existing
        .iter()
        .find(|t| {
            t.parent_id.map(|p| p.domain()) == Some(retro.channel_id)
                && t.owner_id.map(|o| o.domain()) == Some(bot.user_id())
                && t.id.get() > since
                && t.name == name
        })
        .map(|t| t.id.domain())
}

/// Joins question `position`'s thread and posts the full question inside (unless `first`, the
/// question's message, is already recorded).
async fn fill_thread(
    bot: Arc<Bot>,
    retro: Retro,
    position: usize,
    thread: ChannelId,
    first: Option<crate::domain::ids::MessageId>,
) -> Result<(), PostError> {
    let joined = bot.rest.join_thread(thread);
    if first.is_some() {
        return joined.await.map_err(discord(PostStep::JoinThread));
    }
    let body = once(
        participation::question_message(&retro, position),
        &retro,
        &format!("q{position}"),
    );
    let (joined, first) = tokio::join!(joined, bot.rest.create_message(thread, &body));
    joined.map_err(discord(PostStep::JoinThread))?;
    let first = first.map_err(discord(PostStep::Question))?;
    let item = RetroItem {
        kind: ItemKind::Question,
        position,
        message_id: Some(first.id.domain()),
        thread_id: Some(thread.domain()),
    };
    bot.store.record_item(retro.id, item).await?;
    Ok(())
}
