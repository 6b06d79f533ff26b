//! Scheduled check-ins through the real binary: a seconds-level cron fires, posts and closes
//! itself; reminders count the team; anonymous schedules; bad input is answered clearly.

use retrobot::domain::ids::GuildId;
use serde_json::json;

use crate::harness::{is_header, s, World, WAIT};

/// Fast check-ins for tests: durations down to a second.
pub const FAST: &str = "min_duration = \"1s\"\n";

/// Bot-posted retro headers in the fixture channel.
pub fn headers(w: &World) -> usize {
    w.discord
        .messages(w.fx.channel)
        .iter()
        .filter(|m| is_header(m))
        .count()
}

/// The schedule id from the confirmation ("This is schedule #3; …").
fn schedule_id(reply: &str) -> String {
    let start =
        reply.find("This is schedule #").expect("a schedule id") + "This is schedule #".len();
    reply[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn a_seconds_level_schedule_fires_posts_and_closes_itself() {
    let w = World::start_with_config(Some(FAST)).await;
    let added = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[("when", s("*/5 * * * * *")), ("duration", s("2s"))],
        )
        .await;
    assert!(added.ephemeral);
    assert!(
        added.text.contains("Scheduled **cron `*/5 * * * * *`"),
        "{}",
        added.text
    );
    assert_eq!(
        added.text.matches("<t:").count(),
        3,
        "the next three occurrences: {}",
        added.text
    );
    let id = schedule_id(&added.text);

    // The check-in is posted like /retro start (facilitator: the schedule's creator) and closes.
    let posted = w.wait_for_posts(3, 4).await;
    assert!(
        posted
            .header
            .text()
            .contains(&format!("<@{}>", w.fx.morgan)),
        "{}",
        posted.header.text()
    );
    w.discord
        .react(w.fx.bob, w.fx.channel, posted.statements[0].id, "👍");
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    assert!(summary.contains("👍 1 · 👎 0"), "{summary}");

    let listed = w.command(w.fx.bob, "retro schedule list", &[]).await;
    assert!(
        listed.text.contains(&format!("**#{id}**")) && listed.text.contains("next <t:"),
        "{}",
        listed.text
    );
    let removed = w
        .command(
            w.fx.morgan,
            "retro schedule remove",
            &[("schedule", json!(id))],
        )
        .await;
    assert!(removed.text.contains("removed"), "{}", removed.text);
    let store = w.store().await;
    let started = store.schedules_in(GuildId(w.fx.guild), None).await.unwrap();
    assert!(started.is_empty());
    w.finish().await;
}

#[tokio::test]
async fn the_reminder_counts_the_team_and_mentions_who_has_not_voted() {
    let w =
        World::start_with_config(Some("min_duration = \"1s\"\nreminder_before = \"3s\"\n")).await;
    let team = w.discord.add_role(w.fx.guild, "Squad", 0);
    let members: Vec<u64> = ["Ana", "Ben", "Cem"]
        .iter()
        .map(|n| w.discord.add_member(w.fx.guild, n, &[team]))
        .collect();
    let added = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[
                ("when", s("*/10 * * * * *")),
                ("duration", s("6s")),
                ("team_role", json!(team.to_string())),
            ],
        )
        .await;
    assert!(
        added.text.contains(&format!("expecting <@&{team}>")),
        "{}",
        added.text
    );
    let posted = w.wait_for_posts(3, 4).await;
    w.discord
        .react(members[0], w.fx.channel, posted.statements[0].id, "👍");
    w.discord
        .react(w.fx.bob, w.fx.channel, posted.statements[0].id, "👍"); // not in the team
    let reminder = w
        .discord
        .wait_until(WAIT, "the reminder", |d| {
            d.messages(w.fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("⏰"))
        })
        .await;
    assert!(
        reminder.content.contains("1 of 3 have voted"),
        "{}",
        reminder.content
    );
    let nudge = w
        .discord
        .wait_until(WAIT, "the mentions", |d| {
            d.messages(w.fx.channel)
                .into_iter()
                .find(|m| m.content.starts_with("Still to vote:"))
        })
        .await;
    assert!(
        nudge.content.contains(&format!("<@{}>", members[1]))
            && nudge.content.contains(&format!("<@{}>", members[2]))
    );
    assert!(
        !nudge.content.contains(&format!("<@{}>", members[0])),
        "who voted is not nudged"
    );
    w.wait_for_summary(posted.statements[2].id).await;
    let reminders = w
        .discord
        .messages(w.fx.channel)
        .iter()
        .filter(|m| m.content.starts_with("⏰"))
        .count();
    assert_eq!(reminders, 1, "one reminder per check-in");
    w.finish().await;
}

#[tokio::test]
async fn schedule_input_is_checked_and_explained() {
    let w = World::start().await;
    let refused = w
        .command(
            w.fx.bob,
            "retro schedule add",
            &[("when", s("every monday 10:00"))],
        )
        .await;
    assert!(refused.text.contains("Manage Server"), "{}", refused.text);
    let morgan = w.fx.morgan;
    let cases: Vec<(Vec<(&str, serde_json::Value)>, &str)> = vec![
        (vec![("when", s("every funday 10:00"))], "funday"),
        (vec![("when", s("sometimes"))], "sometimes"),
        (
            vec![
                ("when", s("every monday 10:00")),
                ("timezone", s("Mars/Olympus")),
            ],
            "Mars/Olympus",
        ),
        (vec![("when", s("0 0 30 2 *"))], "never"),
        (
            vec![("when", s("every day 10:00")), ("duration", s("2d"))],
            "longer than the 1day between two occurrences",
        ),
        (
            vec![("when", s("every day 10:00")), ("template", s("nope"))],
            "There is no template called `nope`",
        ),
    ];
    for (options, expected) in cases {
        let reply = w.command(morgan, "retro schedule add", &options).await;
        assert!(reply.ephemeral);
        assert!(
            reply.text.contains(expected),
            "expected {expected:?} in {:?}",
            reply.text
        );
    }
    let elsewhere = w.discord.add_text_channel(w.fx.guild, "locked");
    w.discord
        .set_bot_permissions(elsewhere, crate::support::perms::VIEW_CHANNEL);
    let reply = w
        .command(
            morgan,
            "retro schedule add",
            &[
                ("when", s("every monday 10:00")),
                ("channel", json!(elsewhere.to_string())),
            ],
        )
        .await;
    assert!(
        reply.text.contains("missing these permissions there")
            && reply.text.contains("Send Messages"),
        "{}",
        reply.text
    );
    let ok = w
        .command(
            morgan,
            "retro schedule add",
            &[
                ("when", s("every 2 weeks on friday 16:30")),
                ("timezone", s("Europe/Berlin")),
            ],
        )
        .await;
    assert!(
        ok.text
            .contains("every 2 weeks on Friday at 16:30 (Europe/Berlin)"),
        "{}",
        ok.text
    );
    let id = schedule_id(&ok.text);
    let paused = w
        .command(morgan, "retro schedule pause", &[("schedule", json!(id))])
        .await;
    assert!(paused.text.contains("paused"), "{}", paused.text);
    let listed = w
        .command(morgan, "retro schedule list", &[("server", json!(true))])
        .await;
    assert!(listed.text.contains("paused"), "{}", listed.text);
    let resumed = w
        .command(morgan, "retro schedule resume", &[("schedule", json!(id))])
        .await;
    assert!(
        resumed.text.contains("resumed (next check-in <t:"),
        "{}",
        resumed.text
    );
    let zones = w.discord.autocomplete(
        morgan,
        w.fx.channel,
        "retro schedule add",
        &[("when", s("x")), ("timezone", s("berl"))],
        "timezone",
    );
    w.discord.wait_reply(zones, WAIT).await;
    let choices = w.discord.autocomplete_choices(zones).unwrap();
    assert!(
        choices.iter().any(|(name, _)| name == "Europe/Berlin"),
        "{choices:?}"
    );
    assert_eq!(headers(&w), 0, "nothing was posted");
    w.finish().await;
}

#[tokio::test]
async fn an_anonymous_schedule_starts_anonymous_check_ins() {
    let w = World::start_with_config(Some(FAST)).await;
    let options = [
        ("when", s("*/5 * * * * *")),
        ("duration", s("2s")),
        ("anonymous", json!(true)),
    ];
    let added = w.command(w.fx.morgan, "retro schedule add", &options).await;
    assert!(
        added.text.contains("Check-ins are anonymous."),
        "{}",
        added.text
    );
    let channel = w.fx.channel;
    let statement = w
        .discord
        .wait_until(WAIT, "an anonymous statement", |d| {
            d.messages(channel).into_iter().find(|m| {
                m.content.starts_with("**Statement")
                    && m.custom_ids().iter().any(|c| c.contains(":vote:"))
            })
        })
        .await;
    assert!(
        statement.reactions.is_empty(),
        "voted with buttons, not reactions"
    );
    w.finish().await;
}
