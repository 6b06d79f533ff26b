//! Who sees what, through the real binary: a private channel's retro, schedule and action stay
//! invisible to a member who cannot see the channel (even with Manage Server), whatever they
//! type in a public channel; a member who can see it gets it; a member of another server gets
//! nothing; `/retro help` names the bot's missing permissions.

use retrobot::domain::ids::{ChannelId, GuildId};
use serde_json::{json, Value};

use crate::harness::{s, World, WAIT};
use crate::support::{perms, Reply, StandIn};

/// Secrets of the private channel that must never reach a member who cannot see it.
const TITLE: &str = "Nightingale";
const REPLY: &str = "Confidential: the Nightingale budget is cut";
const ACTION: &str = "Renegotiate the Nightingale contract";

/// Everything a hidden retro must not leak through `reply`.
fn assert_reveals_nothing(reply: &Reply, what: &str) {
    let text = &reply.text;
    for secret in [TITLE, REPLY, ACTION, "secret-team"] {
        assert!(!text.contains(secret), "{what} leaked `{secret}`: {text}");
    }
    for m in &reply.messages {
        assert!(m.attachments.is_empty(), "{what} attached a file: {m:?}");
    }
}

/// The refusal for `number` with the number taken out, to compare refusals.
fn shape(text: &str, number: i64) -> String {
    text.replace(&number.to_string(), "N")
}

async fn autocomplete(d: &StandIn, user: u64, channel: u64, command: &str, focus: &str) -> Reply {
    let id = d.autocomplete(user, channel, command, &[(focus, s(""))], focus);
    d.wait_reply(id, WAIT).await
}

async fn run(d: &StandIn, user: u64, channel: u64, command: &str, o: &[(&str, Value)]) -> Reply {
    let id = d.slash(user, channel, command, o);
    d.wait_reply(id, WAIT).await
}

/// Waits until the newest retro in `channel` has its statements reacted and its threads open.
async fn wait_for_private_posts(d: &StandIn, channel: u64) -> (Vec<u64>, Vec<u64>) {
    let bot = d.bot_user_id();
    d.wait_until(WAIT, "the private retro's posts", |d| {
        let statements: Vec<u64> = d
            .messages(channel)
            .iter()
            .filter(|m| m.author_id == bot && m.content.starts_with("**Statement"))
            .filter(|m| m.reactors("👎") == [bot])
            .map(|m| m.id)
            .collect();
        let threads: Vec<u64> = d
            .threads(channel)
            .iter()
            .filter(|t| t.bot_is_member && !d.messages(t.id).is_empty())
            .map(|t| t.id)
            .collect();
        (statements.len() == 3 && threads.len() == 4).then_some((statements, threads))
    })
    .await
}

#[tokio::test]
async fn a_private_channels_retro_is_invisible_to_those_who_cannot_see_it() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());
    let general = fx.channel;
    // A team whose members also manage the server, and its private channel (created while the
    // bot runs: the bot learns of it from CHANNEL_CREATE).
    let team = d.add_role(fx.guild, "Team", perms::MANAGE_GUILD);
    let private = d.add_private_channel(fx.guild, "secret-team", &[team]);
    let pat = d.add_member(fx.guild, "Pat", &[team]);
    assert!(d.can_view(private, pat));
    assert!(!d.can_view(private, fx.morgan) && !d.can_view(private, fx.bob));

    let started = run(d, pat, private, "retro start", &[("title", s(TITLE))]).await;
    assert!(started.text.starts_with("Started"), "{}", started.text);
    let (statements, threads) = wait_for_private_posts(d, private).await;
    d.react(pat, private, statements[0], "👍");
    d.post(pat, threads[0], REPLY);
    let added = run(d, pat, private, "retro action add", &[("text", s(ACTION))]).await;
    assert!(added.text.contains("Recorded"), "{}", added.text);
    let scheduled = run(
        d,
        pat,
        private,
        "retro schedule add",
        &[("when", s("every monday 10:00")), ("title", s(TITLE))],
    )
    .await;
    assert!(scheduled.text.contains("Scheduled"), "{}", scheduled.text);

    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(private))
        .await
        .unwrap()
        .expect("the private retro")
        .id
        .0;
    let action = store
        .open_actions_in_channel(ChannelId(private), None)
        .await
        .unwrap()[0]
        .id;
    let schedule = store
        .schedules_in(GuildId(fx.guild), Some(ChannelId(private)))
        .await
        .unwrap()[0]
        .id
        .0;
    let missing = 987_654;

    // Morgan has Manage Server but cannot see the channel: from #general, nothing of it.
    let m = fx.morgan;
    let close = run(
        d,
        m,
        general,
        "retro close",
        &[("retro", s(&retro.to_string()))],
    )
    .await;
    let close_none = run(
        d,
        m,
        general,
        "retro close",
        &[("retro", s(&missing.to_string()))],
    )
    .await;
    assert_eq!(
        close.text,
        format!("There is no retro #{retro} that you can see.")
    );
    assert_eq!(shape(&close.text, retro), shape(&close_none.text, missing));
    assert_reveals_nothing(&close, "close");
    for (command, focus) in [
        ("retro close", "retro"),
        ("retro schedule remove", "schedule"),
        ("retro schedule pause", "schedule"),
    ] {
        let choices = autocomplete(d, m, general, command, focus).await;
        assert_reveals_nothing(&choices, command);
        let ids = [retro.to_string(), schedule.to_string()];
        assert!(
            !ids.iter().any(|id| choices.text.contains(id.as_str())),
            "{command} autocomplete offered a hidden item: {}",
            choices.text
        );
    }
    let status = run(d, m, general, "retro status", &[]).await;
    assert_reveals_nothing(&status, "status");
    let list = run(
        d,
        m,
        general,
        "retro schedule list",
        &[("server", json!(true))],
    )
    .await;
    assert_reveals_nothing(&list, "schedule list");
    assert!(
        !list.text.contains(&format!("<#{private}>")),
        "{}",
        list.text
    );
    let remove = run(
        d,
        m,
        general,
        "retro schedule remove",
        &[("schedule", s(&schedule.to_string()))],
    )
    .await;
    let remove_none = run(
        d,
        m,
        general,
        "retro schedule remove",
        &[("schedule", s(&missing.to_string()))],
    )
    .await;
    assert_eq!(
        remove.text,
        format!("There is no schedule #{schedule} that you can see.")
    );
    assert_eq!(
        shape(&remove.text, schedule),
        shape(&remove_none.text, missing)
    );
    let done = run(d, m, general, "retro action done", &[("id", json!(action))]).await;
    let done_none = run(
        d,
        m,
        general,
        "retro action done",
        &[("id", json!(missing))],
    )
    .await;
    assert_eq!(shape(&done.text, action), shape(&done_none.text, missing));
    assert_reveals_nothing(&done, "action done");
    let actions = run(d, m, general, "retro action list", &[]).await;
    assert_reveals_nothing(&actions, "action list");
    assert_eq!(
        store
            .schedules_in(GuildId(fx.guild), None)
            .await
            .unwrap()
            .len(),
        1,
        "the hidden schedule survived the attempt to remove it"
    );
    assert!(!store.action(action).await.unwrap().unwrap().is_done());

    // Pat closes it; the closed retro stays hidden from Morgan and Bob.
    let closed = run(d, pat, private, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    for member in [m, fx.bob] {
        let export = run(
            d,
            member,
            general,
            "retro export",
            &[("retro", s(&retro.to_string()))],
        )
        .await;
        let export_none = run(
            d,
            member,
            general,
            "retro export",
            &[("retro", s(&missing.to_string()))],
        )
        .await;
        assert_eq!(
            export.text,
            format!("There is no retro #{retro} that you can see.")
        );
        assert_eq!(
            shape(&export.text, retro),
            shape(&export_none.text, missing)
        );
        assert_reveals_nothing(&export, "export");
        let latest = run(d, member, general, "retro export", &[]).await;
        assert_reveals_nothing(&latest, "export latest");
        let choices = autocomplete(d, member, general, "retro export", "retro").await;
        assert_reveals_nothing(&choices, "export autocomplete");
        let history = run(d, member, general, "retro history", &[]).await;
        assert_reveals_nothing(&history, "history");
    }

    // Pat, who sees the channel, gets all of it.
    let export = run(
        d,
        pat,
        private,
        "retro export",
        &[("retro", s(&retro.to_string()))],
    )
    .await;
    let (_, bytes) = export.messages[0]
        .attachments
        .first()
        .expect("an export file");
    assert!(
        String::from_utf8_lossy(bytes).contains(REPLY),
        "{}",
        export.text
    );
    let choices = autocomplete(d, pat, general, "retro schedule remove", "schedule").await;
    assert!(
        choices.text.contains(&schedule.to_string()),
        "{}",
        choices.text
    );
    let list = run(
        d,
        pat,
        general,
        "retro schedule list",
        &[("server", json!(true))],
    )
    .await;
    assert!(
        list.text.contains(&format!("<#{private}>")),
        "{}",
        list.text
    );

    // An administrator of another server reaches nothing of this one.
    let other = d.add_guild("Other Server");
    let admin_role = d.add_role(other, "Admin", perms::ADMINISTRATOR);
    let lobby = d.add_text_channel(other, "lobby");
    let erin = d.add_member(other, "Erin", &[admin_role]);
    let export = run(
        d,
        erin,
        lobby,
        "retro export",
        &[("retro", s(&retro.to_string()))],
    )
    .await;
    assert_eq!(
        export.text,
        format!("There is no retro #{retro} that you can see.")
    );
    let remove = run(
        d,
        erin,
        lobby,
        "retro schedule remove",
        &[("schedule", s(&schedule.to_string()))],
    )
    .await;
    assert_eq!(
        remove.text,
        format!("There is no schedule #{schedule} that you can see.")
    );
    let choices = autocomplete(d, erin, lobby, "retro schedule remove", "schedule").await;
    assert_reveals_nothing(&choices, "other server's autocomplete");
    assert!(
        !choices.text.contains(&schedule.to_string()),
        "{}",
        choices.text
    );

    d.assert_healthy();
    w.finish().await;
}

#[tokio::test]
async fn help_names_what_the_bot_is_missing_and_the_servers_settings() {
    let w = World::start().await;
    let (d, fx) = (&w.discord, w.fx.clone());
    let all = run(d, fx.bob, fx.channel, "retro help", &[]).await;
    assert!(all.ephemeral);
    assert!(all.text.contains("How a retro goes"), "{}", all.text);
    assert!(all.text.contains("none: I have everything"), "{}", all.text);
    assert!(
        all.text.contains("close the retros you started"),
        "{}",
        all.text
    );
    assert!(all.text.contains("timezone:"), "{}", all.text);

    let granted = perms::VIEW_CHANNEL
        | perms::SEND_MESSAGES
        | perms::READ_MESSAGE_HISTORY
        | perms::ADD_REACTIONS
        | perms::EMBED_LINKS;
    d.set_bot_permissions(fx.channel, granted);
    let lacking = run(d, fx.morgan, fx.channel, "retro help", &[]).await;
    assert!(lacking.text.contains("Attach Files"), "{}", lacking.text);
    assert!(
        lacking.text.contains("Create Public Threads"),
        "{}",
        lacking.text
    );
    assert!(!lacking.text.contains("Embed Links"), "{}", lacking.text);
    assert!(
        lacking.text.contains("close any retro here"),
        "{}",
        lacking.text
    );
    w.finish().await;
}
