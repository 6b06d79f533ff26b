//! The stand-in's gateway refuses IDENTIFY as Discord does: Message Content without the
//! portal toggle (4014 "Disallowed intent(s).") and a bad token (4004 "Authentication
//! failed.", with REST answering that token 401) — and serenity stops with the matching error.

use serenity::all::{Event, GatewayError, GatewayIntents};

use crate::support::serenity_probe::{intents, run_until_stopped, standin_http, Probe};
use crate::support::standin::{CLOSE_AUTHENTICATION_FAILED, CLOSE_DISALLOWED_INTENTS};
use crate::support::StandIn;

use crate::api_error;

#[tokio::test]
async fn message_content_without_the_toggle_is_closed_with_4014() {
    let (standin, fx) = StandIn::start_default().await;
    standin.set_message_content_allowed(false);

    let ended = run_until_stopped(&standin, "Tok.SELFTEST", intents()).await;
    assert!(
        matches!(
            ended,
            Err(serenity::Error::Gateway(
                GatewayError::DisallowedGatewayIntents
            ))
        ),
        "serenity should stop on disallowed intents, got {ended:?}"
    );
    assert_eq!(
        standin.gateway_closes(),
        vec![(
            CLOSE_DISALLOWED_INTENTS,
            "Disallowed intent(s).".to_string()
        )]
    );
    assert!(
        standin.sessions().is_empty(),
        "a refused IDENTIFY opened a session"
    );

    // Without Message Content the same bot connects, and reads guild messages without text.
    let without = intents() - GatewayIntents::MESSAGE_CONTENT;
    let mut probe = Probe::connect_with_intents(&standin, "Tok.SELFTEST", None, without).await;
    probe
        .wait("READY", |e| matches!(e, Event::Ready(_)).then_some(()))
        .await;
    let posted = standin.post(fx.bob, fx.channel, "words only the intent may read");
    let content = probe
        .wait("the member's message", |e| match e {
            Event::MessageCreate(m) if m.message.id.get() == posted => {
                Some(m.message.content.clone())
            }
            _ => None,
        })
        .await;
    assert_eq!(content, "");
    assert_eq!(standin.gateway_closes().len(), 1);
    probe.stop();
}

#[tokio::test]
async fn a_bad_token_is_closed_with_4004_and_refused_by_rest() {
    let (standin, _fx) = StandIn::start_default().await;
    standin.reject_token("Tok.REVOKED");

    let ended = run_until_stopped(&standin, "Tok.REVOKED", intents()).await;
    assert!(
        matches!(
            ended,
            Err(serenity::Error::Gateway(
                GatewayError::InvalidAuthentication
            ))
        ),
        "serenity should stop on a bad token, got {ended:?}"
    );
    assert_eq!(
        standin.gateway_closes(),
        vec![(
            CLOSE_AUTHENTICATION_FAILED,
            "Authentication failed.".to_string()
        )]
    );
    assert!(standin.sessions().is_empty());
    let refused = standin_http(&standin, "Tok.REVOKED")
        .get_current_user()
        .await;
    assert_eq!(api_error(refused), (401, 0));

    // Another token is still welcome.
    let good = standin_http(&standin, "Tok.SELFTEST")
        .get_current_user()
        .await
        .expect("a good token reads its user");
    assert_eq!(good.id.get(), standin.bot_user_id());
}
