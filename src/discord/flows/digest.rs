//! Digests, driven by the scheduler: when a digest is due, its occurrence is claimed in the
//! database (once across processes and restarts) before anything is posted, then the overview
//! of the channels that share at that moment is posted into the hub (nonce `d{id}o{at_ms}`, so
//! a repeated post returns the first) and the message recorded. Claimed occurrences whose post
//! was not recorded are posted again at start-up. Missed occurrences follow the schedules' rule.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serenity::all::{ChannelId, CreateMessage, Message, Nonce};

use super::overview::{show_overview, template_of, ChannelNames};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::discord::render::RenderedMessage;
use crate::discord::rest::{RestError, Upload};
use crate::domain::overview::Digest;
use crate::i18n::Language;
use crate::store::{StoreError, TeamScope};
use crate::tr;

/// Why an occurrence could not be posted.
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error("Discord: {0}")]
    Discord(#[from] RestError),
}

/// Posts every due digest of the guilds this process serves and moves each on.
pub async fn post_due_digests(bot: &Arc<Bot>, now: DateTime<Utc>) {
    let due = match bot.store.due_digests(now).await {
        Ok(due) => due,
        Err(e) => return tracing::warn!(error = %e, "cannot read due digests"),
    };
    for digest in due.into_iter().filter(|d| bot.owns(d.guild)) {
        fire_digest(bot, &digest, now).await;
    }
}

/// One due digest: claim the latest occurrence within grace and post it, then move on.
async fn fire_digest(bot: &Bot, digest: &Digest, now: DateTime<Utc>) {
    let Some(current) = digest.next_at else {
        return;
    };
    let plan = digest.plan(now, bot.config.missed_grace);
    if !plan.skipped.is_empty() {
        tracing::warn!(
            digest = %digest.id,
            skipped = plan.skipped.len(),
            "digest occurrences missed while offline, beyond the grace window, are skipped"
        );
    }
    if let Some(occurrence) = plan.fire {
        match bot
            .store
            .claim_digest_occurrence(digest.id, occurrence, now)
            .await
        {
            Ok(true) => {
                if let Err(e) = post_occurrence(bot, digest, occurrence).await {
                    tracing::warn!(digest = %digest.id, %occurrence, error = %e, "could not post a digest; retried at start-up");
                }
            }
            Ok(false) => {}
            Err(e) => {
                return tracing::warn!(digest = %digest.id, error = %e, "cannot claim a digest occurrence; will retry")
            }
        }
    }
    match bot
        .store
        .advance_digest(digest.id, current, plan.next_at)
        .await
    {
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(digest = %digest.id, error = %e, "cannot move a digest on; will retry")
        }
    }
}

/// Posts again the claimed occurrences whose post was never recorded (a crash, or Discord
/// failing), for the guilds this process serves.
pub async fn repost_unposted(bot: &Bot) {
    let unposted = match bot.store.unposted_digests().await {
        Ok(unposted) => unposted,
        Err(e) => return tracing::warn!(error = %e, "cannot read unposted digests"),
    };
    for post in unposted {
        let digest = match bot.store.digest(post.digest).await {
            Ok(Some(digest)) if bot.owns(digest.guild) => digest,
            Ok(_) => continue,
            Err(e) => return tracing::warn!(error = %e, "cannot read a digest"),
        };
        match post_occurrence(bot, &digest, post.occurrence).await {
            Ok(()) => {
                tracing::info!(digest = %digest.id, occurrence = %post.occurrence, "interrupted digest posted")
            }
            Err(e) => {
                tracing::warn!(digest = %digest.id, error = %e, "could not post an interrupted digest")
            }
        }
    }
}

/// Posts one claimed occurrence into the hub and records it.
async fn post_occurrence(
    bot: &Bot,
    digest: &Digest,
    occurrence: DateTime<Utc>,
) -> Result<(), DigestError> {
    let names: ChannelNames = match bot.rest.guild_channels(digest.guild.into()).await {
        Ok(channels) => channels
            .iter()
            .map(|c| (c.id.domain(), c.name.clone()))
            .collect(),
        Err(e) => {
            tracing::warn!(error = %e, "could not read channel names for a digest");
            ChannelNames::new()
        }
    };
    let scope = TeamScope::Sharing;
    let asked = digest.template_key.as_deref();
    // A digest is a channel post: in the server's language.
    let lang = bot.languages.of(digest.guild);
    let title = |name: &str| tr!(lang, "digest-title", template = name);
    let (parts, heatmap) = match template_of(bot, digest.guild, scope, asked).await? {
        Some(key) => {
            let shown = show_overview(bot, digest.guild, scope, &key, &names, lang, title).await?;
            if shown.overview.is_empty() {
                let text = tr!(lang, "digest-nothing-yet-of", template = key.as_str());
                (vec![nothing_yet(lang, text)], None)
            } else {
                (shown.parts, shown.heatmap)
            }
        }
        None => (vec![nothing_yet(lang, lang.t("digest-nothing-yet"))], None),
    };
    let hub = ChannelId::from(digest.hub);
    let base = format!("d{}o{}", digest.id.0, occurrence.timestamp_millis());
    let mut first: Option<Message> = None;
    for (i, part) in parts.iter().enumerate() {
        let nonce = if i == 0 {
            base.clone()
        } else {
            format!("{base}p{i}")
        };
        let body = part
            .to_create_message()
            .nonce(Nonce::String(nonce))
            .enforce_nonce(true);
        let file = if i == 0 { heatmap.as_ref() } else { None };
        let posted = post_part(bot, hub, &body, file).await?;
        first.get_or_insert(posted);
    }
    if let Some(message) = first {
        bot.store
            .record_digest_post(digest.id, occurrence, message.id.domain())
            .await?;
    }
    tracing::info!(digest = %digest.id, %occurrence, "digest posted");
    Ok(())
}

/// Posts a message with the heatmap; without Attach Files, without it.
async fn post_part(
    bot: &Bot,
    hub: ChannelId,
    body: &CreateMessage,
    file: Option<&Upload>,
) -> Result<Message, RestError> {
    match bot.rest.create_message_with_file(hub, body, file).await {
        Err(e) if file.is_some() && e.is_missing_permission() => {
            tracing::warn!(%hub, "cannot attach the heatmap (Attach Files missing); posting without it");
            bot.rest.create_message(hub, body).await
        }
        outcome => outcome,
    }
}

/// The digest's post when no sharing team has a check-in to show: `description` says so.
fn nothing_yet(lang: Language, description: String) -> RenderedMessage {
    RenderedMessage {
        title: lang.t("digest-empty-title"),
        description,
        footer: None,
        chart: None,
    }
}
