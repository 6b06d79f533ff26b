//! Self-test: every REST route the bot uses answers objects that decode into serenity types,
//! with Discord's permission errors and form limits.

use serde_json::json;
use serenity::all::{
    ChannelId, ChannelType, CreateAttachment, CreateMessage, CreateThread, EditMessage, Event,
    GuildId, MessagePagination, ReactionType, RoleId, UserId,
};

use crate::support::perms;
use crate::{api_error, setup};

#[tokio::test]
async fn rest_objects_decode_into_serenity_types() {
    let (standin, fx, mut probe) = setup().await;
    let http = probe.http.clone();
    let (guild, channel) = (GuildId::new(fx.guild), ChannelId::new(fx.channel));

    assert_eq!(
        http.get_current_user().await.unwrap().id.get(),
        standin.bot_user_id()
    );
    assert_eq!(
        http.get_current_application_info().await.unwrap().id.get(),
        standin.application_id()
    );
    assert!(http
        .get_gateway()
        .await
        .unwrap()
        .url
        .starts_with("ws://127.0.0.1:"));
    assert_eq!(http.get_bot_gateway().await.unwrap().shards, 1);
    assert_eq!(http.get_guild(guild).await.unwrap().name, "Test Guild");
    assert_eq!(
        http.get_member(guild, fx.morgan.into())
            .await
            .unwrap()
            .roles,
        vec![RoleId::new(fx.manager_role)]
    );
    let members = http
        .get_guild_members(guild, Some(1000), None)
        .await
        .unwrap();
    assert!(members
        .iter()
        .any(|m| m.user.id.get() == fx.other_bot && m.user.bot));
    let second_page = http
        .get_guild_members(guild, Some(2), Some(members[1].user.id.get()))
        .await
        .unwrap();
    assert_eq!(second_page[0].user.id, members[2].user.id);
    assert!(http
        .get_guild_roles(guild)
        .await
        .unwrap()
        .iter()
        .any(|r| r.name == "Manager"));
    assert_eq!(http.get_channels(guild).await.unwrap()[0].name, "general");

    // Messages: JSON and multipart, list/get/edit/delete; each also echoed as MESSAGE_CREATE.
    let m1 = channel
        .send_message(&*http, CreateMessage::new().content("first"))
        .await
        .unwrap();
    let file = CreateAttachment::bytes(b"hello file".to_vec(), "notes.txt");
    let m2 = channel
        .send_message(
            &*http,
            CreateMessage::new().content("second").add_file(file),
        )
        .await
        .unwrap();
    assert_eq!(m2.attachments[0].filename, "notes.txt");
    assert_eq!(
        standin.messages(fx.channel)[1].attachments,
        vec![("notes.txt".to_string(), b"hello file".to_vec())]
    );
    probe
        .wait("own MESSAGE_CREATE", |e| {
            matches!(e, Event::MessageCreate(m) if m.message.id == m2.id).then_some(())
        })
        .await;
    let listed = http.get_messages(channel, None, Some(10)).await.unwrap();
    assert_eq!(
        listed.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![m2.id, m1.id],
        "newest first"
    );
    let before = http
        .get_messages(channel, Some(MessagePagination::Before(m2.id)), Some(10))
        .await
        .unwrap();
    assert_eq!(before.len(), 1);
    assert_eq!(
        http.get_message(channel, m1.id).await.unwrap().content,
        "first"
    );
    let edited = channel
        .edit_message(&*http, m1.id, EditMessage::new().content("first!"))
        .await
        .unwrap();
    assert!(edited.edited_timestamp.is_some());
    channel.delete_message(&*http, m1.id).await.unwrap();
    assert_eq!(standin.messages(fx.channel).len(), 1);

    // Reactions: add (ours), list users sorted with `after`, remove ours, remove others' needs Manage Messages.
    standin.react(fx.carol, fx.channel, m2.id.get(), "👍");
    standin.react(fx.bob, fx.channel, m2.id.get(), "👍");
    channel
        .create_reaction(&*http, m2.id, ReactionType::Unicode("👍".into()))
        .await
        .unwrap();
    let users = channel
        .reaction_users(&*http, m2.id, '👍', Some(100), None::<UserId>)
        .await
        .unwrap();
    let mut expected = vec![fx.bob, fx.carol, standin.bot_user_id()];
    expected.sort_unstable();
    assert_eq!(
        users.iter().map(|u| u.id.get()).collect::<Vec<_>>(),
        expected
    );
    let after = channel
        .reaction_users(&*http, m2.id, '👍', Some(1), UserId::new(expected[0]))
        .await
        .unwrap();
    assert_eq!(
        after.iter().map(|u| u.id.get()).collect::<Vec<_>>(),
        vec![expected[1]]
    );
    channel
        .delete_reaction(&*http, m2.id, None, '👍')
        .await
        .unwrap();
    let denied = channel
        .delete_reaction(&*http, m2.id, Some(fx.bob.into()), '👍')
        .await;
    assert_eq!(api_error(denied), (403, 50013));
    standin.set_bot_permissions(fx.channel, perms::BOT_DEFAULT | perms::MANAGE_MESSAGES);
    channel
        .delete_reaction(&*http, m2.id, Some(fx.bob.into()), '👍')
        .await
        .unwrap();
    assert_eq!(
        standin.messages(fx.channel)[0].reactors("👍"),
        vec![fx.carol]
    );

    // Threads: without a message (public, type 11) and from a message; join; get; delete.
    let thread = channel
        .create_thread(
            &*http,
            CreateThread::new("Question 1").kind(ChannelType::PublicThread),
        )
        .await
        .unwrap();
    assert_eq!(thread.kind, ChannelType::PublicThread);
    assert_eq!(thread.parent_id, Some(channel));
    thread.id.join_thread(&*http).await.unwrap();
    let from_msg = channel
        .create_thread_from_message(&*http, m2.id, CreateThread::new("Discussion"))
        .await
        .unwrap();
    assert_eq!(
        from_msg.id.get(),
        m2.id.get(),
        "a thread started from a message shares its id"
    );
    let views = standin.threads(fx.channel);
    assert_eq!(
        views
            .iter()
            .map(|t| (t.name.as_str(), t.kind, t.bot_is_member))
            .collect::<Vec<_>>(),
        vec![("Discussion", 11, true), ("Question 1", 11, true)],
        "by id"
    );
    assert_eq!(standin.messages(fx.channel)[0].thread_id, Some(m2.id.get()));
    let notice = standin
        .messages(fx.channel)
        .into_iter()
        .find(|m| m.kind == 18)
        .expect("thread notice");
    assert_eq!(notice.content, "Question 1");
    thread
        .id
        .send_message(&*http, CreateMessage::new().content("in thread"))
        .await
        .unwrap();
    assert!(http.get_channel(thread.id).await.unwrap().guild().is_some());
    assert_eq!(api_error(thread.id.delete(&*http).await), (403, 50013));
    standin.set_bot_permissions(fx.channel, perms::BOT_DEFAULT | perms::MANAGE_THREADS);
    thread.id.delete(&*http).await.unwrap();
    assert_eq!(standin.threads(fx.channel).len(), 1);

    // Permissions and form limits.
    let quiet = standin.add_text_channel(fx.guild, "read-only");
    standin.set_bot_permissions(quiet, perms::VIEW_CHANNEL | perms::READ_MESSAGE_HISTORY);
    let denied = ChannelId::new(quiet)
        .send_message(&*http, CreateMessage::new().content("hi"))
        .await;
    assert_eq!(api_error(denied), (403, 50013));
    let denied = ChannelId::new(quiet)
        .create_thread(
            &*http,
            CreateThread::new("x").kind(ChannelType::PublicThread),
        )
        .await;
    assert_eq!(api_error(denied), (403, 50013));
    assert!(
        standin.unexpected_requests().is_empty(),
        "403s are expected answers"
    );
    // serenity checks content length itself; raw bodies reach the stand-in's own checks.
    let long = http
        .send_message(channel, vec![], &json!({"content": "x".repeat(2001)}))
        .await;
    assert_eq!(api_error(long), (400, 50035));
    let field =
        json!({"embeds": [{"title": "t", "fields": [{"name": "n", "value": "v".repeat(1025)}]}]});
    assert_eq!(
        api_error(http.send_message(channel, vec![], &field).await),
        (400, 50035)
    );
    let unexpected = standin.unexpected_requests();
    assert_eq!(unexpected.len(), 2);
    assert!(unexpected[0]
        .unexpected
        .as_deref()
        .unwrap()
        .starts_with("content"));
    assert!(unexpected[1]
        .unexpected
        .as_deref()
        .unwrap()
        .starts_with("embeds.0.fields.0.value"));
    standin.clear_requests();
    assert!(
        standin.standin_errors().is_empty(),
        "{:#?}",
        standin.standin_errors()
    );
    probe.stop();
}
