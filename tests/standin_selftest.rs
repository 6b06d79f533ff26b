//! Proves the Discord stand-in speaks Discord as serenity 0.12.5 understands it: gateway events
//! parse into the right `Event` variants, REST answers decode, resume replays, faults and pacing,
//! refused IDENTIFYs close as Discord's do.
//! (Bigger scenarios live in `support/selftest/`, included here only.)
mod support;

#[path = "support/selftest/access.rs"]
mod access;
#[path = "support/selftest/events.rs"]
mod events;
#[path = "support/selftest/interactions.rs"]
mod interactions;
#[path = "support/selftest/locales.rs"]
mod locales;
#[path = "support/selftest/refusals.rs"]
mod refusals;
#[path = "support/selftest/rest.rs"]
mod rest;

use std::time::Duration;

use serenity::all::{ChannelId, Event, HttpError, RoleId, UserId};
use support::serenity_probe::Probe;
use support::{BotProcess, Fixture, StandIn};

const WAIT: Duration = Duration::from_secs(30);
async fn setup() -> (StandIn, Fixture, Probe) {
    let (standin, fx) = StandIn::start_default().await;
    let mut probe = Probe::connect(&standin, "Tok.SELFTEST", None).await;
    let ready = probe
        .wait("READY", |e| {
            if let Event::Ready(r) = e {
                Some(r.ready.clone())
            } else {
                None
            }
        })
        .await;
    assert_eq!(ready.user.id.get(), standin.bot_user_id());
    assert!(ready.user.bot);
    assert_eq!(ready.application.id.get(), standin.application_id());
    assert_eq!(
        ready.guilds.iter().map(|g| g.id.get()).collect::<Vec<_>>(),
        vec![fx.guild]
    );
    let guild = probe
        .wait("GUILD_CREATE", |e| {
            if let Event::GuildCreate(g) = e {
                Some(g.guild.clone())
            } else {
                None
            }
        })
        .await;
    assert_eq!(guild.id.get(), fx.guild);
    assert!(guild.channels.contains_key(&ChannelId::new(fx.channel)));
    assert!(guild.members.contains_key(&UserId::new(fx.alice)));
    assert!(guild.roles.contains_key(&RoleId::new(fx.manager_role)));
    standin.wait_for_session(WAIT).await;
    (standin, fx, probe)
}

/// (HTTP status, Discord error code) of a failed serenity call.
fn api_error<T: std::fmt::Debug>(r: serenity::Result<T>) -> (u16, isize) {
    match r {
        Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(e))) => {
            (e.status_code.as_u16(), e.error.code)
        }
        other => panic!("expected a Discord error answer, got {other:?}"),
    }
}

#[tokio::test]
async fn resume_replays_missed_dispatches_once_in_order() {
    let (standin, fx, mut probe) = setup().await;
    let first = standin.post(fx.bob, fx.channel, "before");
    probe
        .wait("before", |e| {
            matches!(e, Event::MessageCreate(c) if c.message.id.get() == first).then_some(())
        })
        .await;
    standin.drop_gateway();
    let missed: Vec<u64> = (1..=3)
        .map(|n| standin.post(fx.bob, fx.channel, &format!("missed {n}")))
        .collect();
    probe
        .wait("RESUMED", |e| matches!(e, Event::Resumed(_)).then_some(()))
        .await;
    let last = standin.post(fx.bob, fx.channel, "after");
    probe
        .wait("after", |e| {
            matches!(e, Event::MessageCreate(c) if c.message.id.get() == last).then_some(())
        })
        .await;
    let created: Vec<u64> = probe
        .seen
        .iter()
        .filter_map(|e| {
            if let Event::MessageCreate(c) = e {
                Some(c.message.id.get())
            } else {
                None
            }
        })
        .collect();
    let mut expected = vec![first];
    expected.extend(&missed);
    expected.push(last);
    assert_eq!(created, expected, "each dispatch exactly once, in order");
    let sessions = standin.sessions();
    assert_eq!(
        (sessions.len(), sessions[0].identified, sessions[0].resumed),
        (1, 1, 1)
    );

    // An invalidated session is not resumable: serenity identifies afresh, nothing is replayed.
    standin.invalidate_sessions();
    let lost = standin.post(fx.bob, fx.channel, "lost");
    probe
        .wait("second READY", |e| {
            matches!(e, Event::Ready(_)).then_some(())
        })
        .await;
    standin.wait_for_session(WAIT).await;
    let fresh = standin.post(fx.bob, fx.channel, "fresh");
    probe
        .wait("fresh", |e| {
            matches!(e, Event::MessageCreate(c) if c.message.id.get() == fresh).then_some(())
        })
        .await;
    assert!(!probe
        .seen
        .iter()
        .any(|e| matches!(e, Event::MessageCreate(c) if c.message.id.get() == lost)));
    assert_eq!(standin.sessions()[0].identified, 2);
    standin.assert_healthy();
    probe.stop();
}

#[tokio::test]
async fn each_shard_gets_only_its_guilds() {
    let standin = StandIn::start().await;
    let g0 = standin.add_guild_on_shard("Zero", 0, 2);
    let g1 = standin.add_guild_on_shard("One", 1, 2);
    let (c0, c1) = (
        standin.add_text_channel(g0, "a"),
        standin.add_text_channel(g1, "b"),
    );
    let (u0, u1) = (
        standin.add_member(g0, "Ann", &[]),
        standin.add_member(g1, "Ben", &[]),
    );
    let mut p0 = Probe::connect(&standin, "Tok.SHARDS", Some((0, 2))).await;
    let mut p1 = Probe::connect(&standin, "Tok.SHARDS", Some((1, 2))).await;
    for (p, g) in [(&mut p0, g0), (&mut p1, g1)] {
        let got = p
            .wait("GUILD_CREATE", |e| {
                if let Event::GuildCreate(c) = e {
                    Some(c.guild.id.get())
                } else {
                    None
                }
            })
            .await;
        assert_eq!(got, g);
    }
    standin.wait_for_sessions(2, WAIT).await;
    let m1 = standin.post(u1, c1, "to shard one");
    let m0 = standin.post(u0, c0, "to shard zero");
    p1.wait("shard 1 message", |e| {
        matches!(e, Event::MessageCreate(c) if c.message.id.get() == m1).then_some(())
    })
    .await;
    p0.wait("shard 0 message", |e| {
        matches!(e, Event::MessageCreate(c) if c.message.id.get() == m0).then_some(())
    })
    .await;
    p1.drain();
    assert!(!p0
        .seen
        .iter()
        .any(|e| matches!(e, Event::MessageCreate(c) if c.message.id.get() == m1)));
    assert!(!p1
        .seen
        .iter()
        .any(|e| matches!(e, Event::MessageCreate(c) if c.message.id.get() == m0)));
    let shards: Vec<(u32, u32)> = standin.sessions().iter().map(|s| s.shard).collect();
    assert_eq!(shards, vec![(0, 2), (1, 2)]);
    standin.assert_healthy();
    p0.stop();
    p1.stop();
}

#[tokio::test]
async fn bot_process_can_be_started_and_stopped() {
    let standin = StandIn::start().await;
    let db = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", db.path().join("bot.db").display());
    let bot = BotProcess::spawn(&standin, &url, &[]);
    assert!(bot.token().starts_with("Tok.SECRET-"));
    let token = bot.token().to_string();
    let logs = bot.stop().await;
    assert!(!logs.contains(&token));
    let crashed = BotProcess::spawn(&standin, &url, &[]);
    crashed.kill().await;
}
