//! Self-test: member actions arrive as the right gateway events; faults and pacing behave.

use std::time::{Duration, Instant};

use serenity::all::{
    ChannelId, ChannelType, CreateMessage, CreateThread, Event, GuildId, MessageId, MessageType,
    ReactionType, UserId,
};

use crate::support::{floor_for, Fault, StandIn};
use crate::{api_error, setup};

#[tokio::test]
async fn member_actions_arrive_as_the_right_events() {
    let (standin, fx, mut probe) = setup().await;
    let http = probe.http.clone();
    let channel = ChannelId::new(fx.channel);
    let statement = channel
        .send_message(&*http, CreateMessage::new().content("Statement"))
        .await
        .unwrap();
    let s = statement.id.get();
    channel
        .create_reaction(&*http, statement.id, '👍')
        .await
        .unwrap();
    probe.wait("own reaction", |e| matches!(e, Event::ReactionAdd(r) if r.reaction.user_id == Some(UserId::new(standin.bot_user_id()))).then_some(())).await;

    standin.react(fx.bob, fx.channel, s, "👎");
    let add = probe
        .wait("reaction add", |e| {
            if let Event::ReactionAdd(r) = e {
                (r.reaction.user_id == Some(fx.bob.into())).then(|| r.reaction.clone())
            } else {
                None
            }
        })
        .await;
    assert_eq!(add.emoji, ReactionType::Unicode("👎".into()));
    assert_eq!(add.member.unwrap().user.id.get(), fx.bob);
    standin.unreact(fx.bob, fx.channel, s, "👎");
    probe
        .wait("reaction remove", |e| {
            matches!(e, Event::ReactionRemove(r) if r.reaction.user_id == Some(fx.bob.into()))
                .then_some(())
        })
        .await;

    let m = standin.post(fx.carol, fx.channel, "hello");
    let created = probe
        .wait("message create", |e| {
            if let Event::MessageCreate(c) = e {
                (c.message.id.get() == m).then(|| c.message.clone())
            } else {
                None
            }
        })
        .await;
    assert_eq!(
        (created.content.as_str(), created.guild_id),
        ("hello", Some(GuildId::new(fx.guild)))
    );
    standin.edit(fx.channel, m, "hello again");
    probe.wait("message update", |e| matches!(e, Event::MessageUpdate(u) if u.id.get() == m && u.content.as_deref() == Some("hello again")).then_some(())).await;
    standin.delete(fx.channel, m);
    probe
        .wait("message delete", |e| {
            matches!(e, Event::MessageDelete(d) if d.message_id == MessageId::new(m)).then_some(())
        })
        .await;

    let thread = channel
        .create_thread(
            &*http,
            CreateThread::new("Question").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    probe
        .wait("thread create", |e| {
            matches!(e, Event::ThreadCreate(t) if t.thread.id == thread.id).then_some(())
        })
        .await;
    probe
        .wait("thread notice", |e| {
            matches!(e, Event::MessageCreate(c) if c.message.kind == MessageType::ThreadCreated)
                .then_some(())
        })
        .await;
    let reply = standin.post(fx.dave, thread.id.get(), "my answer");
    let in_thread = probe
        .wait("thread message", |e| {
            if let Event::MessageCreate(c) = e {
                (c.message.id.get() == reply).then(|| c.message.clone())
            } else {
                None
            }
        })
        .await;
    assert_eq!(in_thread.channel_id, thread.id);
    standin.edit(thread.id.get(), reply, "my better answer");
    probe
        .wait("thread edit", |e| {
            matches!(e, Event::MessageUpdate(u) if u.id.get() == reply).then_some(())
        })
        .await;
    standin.delete(thread.id.get(), reply);
    probe
        .wait("thread delete", |e| {
            matches!(e, Event::MessageDelete(d) if d.message_id.get() == reply).then_some(())
        })
        .await;

    // Offline actions change the world but send nothing.
    standin.react_offline(fx.alice, fx.channel, s, "👍");
    let marker = standin.post(fx.alice, fx.channel, "marker");
    probe
        .wait("marker", |e| {
            matches!(e, Event::MessageCreate(c) if c.message.id.get() == marker).then_some(())
        })
        .await;
    assert!(!probe.seen.iter().any(
        |e| matches!(e, Event::ReactionAdd(r) if r.reaction.user_id == Some(fx.alice.into()))
    ));
    assert_eq!(standin.messages(fx.channel)[0].count("👍"), 2);
    standin.assert_healthy();
    probe.stop();
}

async fn raw_get(standin: &StandIn, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = standin.api_url().trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bot x\r\nConnection: close\r\n\r\n");
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).await.unwrap();
    out
}

#[tokio::test]
async fn faults_and_pacing() {
    let (standin, fx, probe) = setup().await;
    let http = probe.http.clone();
    let channel = ChannelId::new(fx.channel);
    standin.inject(Fault::rate_limited("GET", "/users/@me", 2, 0.3));
    assert_eq!(api_error(http.get_current_user().await), (429, 0));
    let raw = raw_get(&standin, "/api/v10/users/@me")
        .await
        .to_ascii_lowercase();
    assert!(raw.starts_with("http/1.1 429"), "{raw}");
    for header in [
        "retry-after: 1",
        "x-ratelimit-remaining: 0",
        "x-ratelimit-scope: user",
        "x-ratelimit-reset-after: 0.300",
        "x-ratelimit-bucket",
        "x-ratelimit-limit",
    ] {
        assert!(raw.contains(header), "missing {header} in {raw}");
    }
    assert!(
        raw.contains("\"retry_after\":0.3") && raw.contains("\"global\":false"),
        "{raw}"
    );
    http.get_current_user().await.unwrap();
    standin.inject(Fault::server_error("POST", "/messages", 1));
    assert_eq!(api_error(channel.say(&*http, "x").await).0, 500);
    standin.inject(Fault::delay("GET", "/guilds/", 1, 300));
    http.get_guild(GuildId::new(fx.guild)).await.unwrap();
    let slow = standin
        .requests()
        .into_iter()
        .find(|r| r.path.contains("/guilds/"))
        .unwrap();
    assert!(slow.finished - slow.arrived >= Duration::from_millis(300));

    let msgs: Vec<MessageId> = (0..4)
        .map(|n| MessageId::new(standin.post(fx.bob, fx.channel, &format!("m{n}"))))
        .collect();
    standin.set_pacing(true);
    standin.clear_requests();
    let start = Instant::now();
    let tasks: Vec<_> = msgs
        .iter()
        .map(|m| {
            let (http, m) = (http.clone(), *m);
            tokio::spawn(async move { channel.create_reaction(&*http, m, '👍').await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let recs: Vec<_> = standin
        .requests()
        .into_iter()
        .filter(|r| r.is("PUT", "/reactions/"))
        .collect();
    assert_eq!(recs.len(), 4);
    assert!(
        recs.iter().all(|r| r.status == 204),
        "pacing never answers 429"
    );
    let first_arrival = recs.iter().map(|r| r.arrived).min().unwrap();
    let last_finish = recs.iter().map(|r| r.finished).max().unwrap();
    assert!(
        last_finish - first_arrival >= Duration::from_millis(740),
        "took {:?}",
        last_finish - first_arrival
    );
    assert!(start.elapsed() >= Duration::from_millis(740));
    assert_eq!(floor_for(&recs), Duration::from_millis(750));
    assert!(standin
        .messages(fx.channel)
        .iter()
        .all(|m| m.count("👍") == 1));
    standin.assert_healthy();
    probe.stop();
}
