//! Per-server settings from Discord: settings set in one server change that server's next
//! retro and schedule and nothing in another; bad values are refused with the domain's
//! messages; members without Manage Server are refused.

use serde_json::json;

use crate::harness::{s, World, WAIT};
use crate::support::perms;
use retrobot::domain::ids::GuildId;
use retrobot::domain::retro::RetroStatus;

/// A second server "Other Guild" with a channel, a manager and a member; returns
/// (guild, channel, manager, member).
pub fn second_server(w: &World) -> (u64, u64, u64, u64) {
    let guild = w.discord.add_guild("Other Guild");
    let channel = w.discord.add_text_channel(guild, "general");
    let managers = w.discord.add_role(guild, "Admins", perms::MANAGE_GUILD);
    let manager = w.discord.add_member(guild, "Bea", &[managers]);
    let member = w.discord.add_member(guild, "Ben", &[]);
    (guild, channel, manager, member)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_of_one_server_change_its_next_retro_and_nothing_in_another() {
    let w = World::start().await;
    let (guild_b, channel_b, manager_b, _) = second_server(&w);

    let shown = w.command(w.fx.alice, "retro settings", &[]).await;
    assert!(shown.ephemeral, "settings are shown to the caller only");
    assert!(
        shown
            .text
            .contains("default_template: `customer-obsession` (default)")
            && shown.text.contains("reminders: on (default)"),
        "{}",
        shown.text
    );

    let refused = w
        .command(w.fx.alice, "retro settings", &[("reminders", json!(false))])
        .await;
    assert!(
        refused
            .text
            .contains("Only members with the Manage Server permission"),
        "{}",
        refused.text
    );
    let bad = w
        .command(
            w.fx.morgan,
            "retro settings",
            &[("timezone", s("Mars/Olympus"))],
        )
        .await;
    assert!(
        bad.text.contains("timezone") && bad.text.contains("not an IANA time zone"),
        "{}",
        bad.text
    );
    let unknown = w
        .command(
            w.fx.morgan,
            "retro settings",
            &[("default_template", s("nope"))],
        )
        .await;
    assert!(
        unknown.text.contains("no template `nope`"),
        "{}",
        unknown.text
    );

    let saved = w
        .command(
            w.fx.morgan,
            "retro settings",
            &[
                ("default_template", s("squad-health-check")),
                ("reminders", json!(false)),
                ("anonymous_min_voters", json!(4)),
                ("timezone", s("Europe/Berlin")),
            ],
        )
        .await;
    assert!(
        saved
            .text
            .contains("default_template: `squad-health-check` (set here)")
            && saved.text.contains("reminders: off (set here)")
            && saved.text.contains("anonymous_min_voters: 4 (set here)")
            && saved.text.contains("timezone: `Europe/Berlin` (set here)")
            && saved.text.contains("checkin_duration: ")
            && saved.text.contains("(default)"),
        "{}",
        saved.text
    );

    // Server A's next retro uses its settings.
    let started = w
        .command(w.fx.alice, "retro start", &[("duration", s("1h"))])
        .await;
    assert!(
        started.text.starts_with("Started") && started.text.contains("Spotify Squad Health Check"),
        "{}",
        started.text
    );
    // Server B's retro uses the defaults.
    let id = w.discord.slash(
        manager_b,
        channel_b,
        "retro start",
        &[("duration", s("1h"))],
    );
    let started_b = w.discord.wait_reply(id, WAIT).await;
    assert!(
        started_b.text.starts_with("Started") && started_b.text.contains("Customer Obsession"),
        "{}",
        started_b.text
    );
    let id = w.discord.slash(manager_b, channel_b, "retro settings", &[]);
    let shown_b = w.discord.wait_reply(id, WAIT).await;
    assert!(
        !shown_b.text.contains("set here"),
        "server B set nothing: {}",
        shown_b.text
    );

    let store = w.store().await;
    let open = store.retros_with_status(RetroStatus::Open).await.unwrap();
    let of = |guild: u64| {
        open.iter()
            .find(|r| r.guild_id == GuildId(guild))
            .unwrap_or_else(|| panic!("an open retro in {guild}: {open:?}"))
    };
    assert_eq!(of(w.fx.guild).template.key, "squad-health-check");
    assert_eq!(of(w.fx.guild).anonymous_min_voters, Some(4));
    assert_eq!(of(guild_b).template.key, "customer-obsession");
    assert_eq!(
        of(guild_b).anonymous_min_voters,
        Some(3),
        "the configured default"
    );
    // Reminders: off in A, so only B's retro will be reminded of.
    let reminders: Vec<GuildId> = store
        .upcoming_reminders()
        .await
        .unwrap()
        .into_iter()
        .map(|(g, _)| g)
        .collect();
    assert_eq!(reminders, vec![GuildId(guild_b)]);

    // A schedule in A takes the server's time zone and template.
    let scheduled = w
        .command(
            w.fx.morgan,
            "retro schedule add",
            &[
                ("when", s("every monday 10:00")),
                ("channel", json!(w.fx.channel)),
            ],
        )
        .await;
    assert!(
        scheduled.text.contains("Spotify Squad Health Check"),
        "{}",
        scheduled.text
    );
    let schedules = store
        .schedules_using_template(GuildId(w.fx.guild), "squad-health-check")
        .await
        .unwrap();
    assert_eq!(schedules.len(), 1);
    assert!(
        schedules[0].recurrence.describe().contains("Europe/Berlin"),
        "{}",
        schedules[0].recurrence.describe()
    );
    w.finish().await;
}
