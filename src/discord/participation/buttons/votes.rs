//! Vote buttons: a click is acknowledged privately first, then applied in the member's lane
//! (vote, switch or retract, keyed by their member key), then the member is told their vote and
//! the statement's "N have voted" line is queued for an edit. A click Discord no longer lets us
//! answer (the bot was restarting, the gateway replayed it late) is not counted: the member
//! was shown that it failed.

use std::sync::Arc;

use serenity::all::ComponentInteraction;
use tracing::Instrument;

use super::counts::Target;
use super::reply::{log_failure, Ack};
use crate::discord::bot::Bot;
use crate::discord::ids::ToDomain;
use crate::domain::anonymous::ClickOutcome;
use crate::domain::retro::RetroId;
use crate::domain::template::Scale;
use crate::i18n::Language;
use crate::tr;

/// Handles a click on vote button `option` of statement `position`.
pub fn on_click(
    bot: &Arc<Bot>,
    click: ComponentInteraction,
    retro: RetroId,
    position: usize,
    option: usize,
) {
    let route = bot
        .live
        .read()
        .expect("live index lock")
        .anonymous
        .get(retro)
        .cloned();
    let member = click.user.id.domain();
    let lang = Language::from_locale(&click.locale);
    let keyed = route.as_ref().and_then(|r| {
        r.vote_key(retro, member, position, option)
            .map(|key| (key, r.scale.clone()))
    });
    // Taken now, in gateway order: this member's earlier clicks are applied first.
    let ticket = keyed
        .as_ref()
        .map(|(key, _)| bot.anonymous.lanes.ticket(retro, *key));
    let ack = Ack {
        id: click.id,
        token: click.token.clone(),
    };
    let target = Target::Statement {
        retro,
        position,
        channel: click.channel_id.domain(),
        message: click.message.id.domain(),
    };
    let bot = bot.clone();
    let span = tracing::info_span!("anonymous vote", %retro, interaction = %click.id);
    tokio::spawn(
        async move {
            let (Some(mut ticket), Some((key, scale))) = (ticket, keyed) else {
                let text = lang.t("vote-not-open");
                return log_failure("a vote click", ack.say(&bot, text).await);
            };
            if let Err(e) = ack.defer(&bot).await {
                tracing::info!(error = %e, "a vote click could not be acknowledged; not counted");
                return;
            }
            ticket.turn().await;
            let outcome = bot
                .store
                .anonymous_click(retro, position, key, option)
                .await;
            drop(ticket);
            let text = match outcome {
                Ok(Some(outcome)) => {
                    bot.anonymous.counts.touch(target);
                    vote_text(lang, &scale, outcome)
                }
                Ok(None) => lang.t("vote-closed"),
                Err(e) => {
                    tracing::error!(error = %e, "could not record an anonymous vote");
                    lang.t("vote-failed")
                }
            };
            log_failure("a vote click", ack.edit(&bot, text).await);
        }
        .instrument(span),
    );
}

/// What the member is told after a click (only they see it), in their language `lang`.
pub fn vote_text(lang: Language, scale: &Scale, outcome: ClickOutcome) -> String {
    let emoji = |option: usize| scale.options[option].emoji.as_str();
    let others = |chosen: Option<usize>| -> String {
        (0..scale.len())
            .filter(|o| Some(*o) != chosen)
            .map(emoji)
            .collect::<Vec<_>>()
            .join(&lang.t("vote-or"))
    };
    match outcome {
        ClickOutcome::Voted(option) => tr!(
            lang,
            "vote-voted",
            vote = emoji(option),
            others = others(Some(option))
        ),
        ClickOutcome::Switched { from, to } => {
            tr!(lang, "vote-switched", vote = emoji(to), was = emoji(from))
        }
        ClickOutcome::Retracted(option) => tr!(
            lang,
            "vote-retracted",
            vote = emoji(option),
            others = others(None)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_name_the_vote_and_how_to_change_it() {
        let scale = Scale::thumbs();
        let voted = vote_text(Language::English, &scale, ClickOutcome::Voted(1));
        assert!(
            voted.starts_with("Your vote: 👎 — click again to change"),
            "{voted}"
        );
        assert!(voted.contains("👍 switches"), "{voted}");
        let switched = vote_text(
            Language::English,
            &scale,
            ClickOutcome::Switched { from: 1, to: 0 },
        );
        assert!(switched.starts_with("Your vote: 👍 (was 👎)"), "{switched}");
        let back = vote_text(Language::English, &scale, ClickOutcome::Retracted(0));
        assert_eq!(
            back,
            "Your 👍 vote is taken back — click 👍 or 👎 to vote again."
        );
    }

    #[test]
    fn german_texts_name_the_vote_in_german() {
        let scale = Scale::thumbs();
        let voted = vote_text(Language::German, &scale, ClickOutcome::Voted(1));
        assert!(voted.starts_with("Deine Stimme: 👎"), "{voted}");
        let back = vote_text(Language::German, &scale, ClickOutcome::Retracted(0));
        assert!(back.contains("👍 oder 👎"), "{back}");
    }
}
