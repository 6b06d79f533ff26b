//! Per-server settings and team templates from Discord: settings set in one server change that
//! server's next retro and nothing in another; a template written in the form is used,
//! exported, re-imported, read-only where it must be, and unknown in another server; a bad
//! template gets an error naming the line; members without rights are refused.

use serde_json::json;

use crate::harness::{s, World, WAIT};
use crate::support::perms;
use retrobot::domain::ids::GuildId;
use retrobot::domain::retro::RetroStatus;

/// A second server "Other Guild" with a channel, a manager and a member; returns
/// (guild, channel, manager, member).
fn second_server(w: &World) -> (u64, u64, u64, u64) {
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

/// `user` opens the template form with `/retro template create` (or `edit`) and submits
/// `fields`; returns the answer to the submit.
async fn fill_form(
    w: &World,
    user: u64,
    command: &str,
    options: &[(&str, serde_json::Value)],
    fields: &[(&str, &str)],
) -> crate::support::Reply {
    let opened = w.discord.slash(user, w.fx.channel, command, options);
    let shown = w.discord.wait_reply(opened, WAIT).await;
    assert_eq!(shown.callback_type, 9, "{command} opens a form: {shown:?}");
    let modal = &w.discord.interaction_responses(opened)[0]["data"];
    let custom_id = modal["custom_id"].as_str().unwrap().to_string();
    let submitted = w
        .discord
        .submit_modal(user, w.fx.channel, &custom_id, fields);
    w.discord.wait_reply(submitted, WAIT).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_template_made_in_a_form_is_used_exported_reimported_and_unknown_elsewhere() {
    let w = World::start().await;
    let (_, channel_b, manager_b, member_b) = second_server(&w);

    let refused = w.command(w.fx.alice, "retro template create", &[]).await;
    assert!(
        refused
            .text
            .contains("Only members with the Manage Server permission"),
        "{}",
        refused.text
    );

    let bad = fill_form(
        &w,
        w.fx.morgan,
        "retro template create",
        &[],
        &[
            ("name", "Team Pulse"),
            ("statements", "We ship often.\nWe learn from customers."),
            ("scale", "🟢 good 1\n\n🔴 bad heavy"),
        ],
    )
    .await;
    assert!(
        bad.text.contains("not saved") && bad.text.contains("scale line 3"),
        "the error names the line: {}",
        bad.text
    );

    let saved = fill_form(
        &w,
        w.fx.morgan,
        "retro template create",
        &[],
        &[
            ("name", "Team Pulse"),
            ("statements", "We ship often.\nWe learn from customers."),
            ("questions", "What slowed us down?"),
            ("scale", "🟢 good 1\n🔴 bad 0"),
        ],
    )
    .await;
    assert!(
        saved.text.contains("Saved **Team Pulse** as `team-pulse`"),
        "{}",
        saved.text
    );

    // Listed and autocompleted in A, marked as this server's.
    let listed = w.command(w.fx.alice, "retro templates", &[]).await;
    assert!(
        listed.text.contains("(`team-pulse`, this server)"),
        "{}",
        listed.text
    );
    assert!(
        listed.text.contains("(`customer-obsession`, built-in)"),
        "{}",
        listed.text
    );
    let asked = w.discord.autocomplete(
        w.fx.alice,
        w.fx.channel,
        "retro start",
        &[("template", s("pulse"))],
        "template",
    );
    w.discord.wait_reply(asked, WAIT).await;
    let choices = w.discord.autocomplete_choices(asked).unwrap();
    assert_eq!(choices.len(), 1, "{choices:?}");
    assert_eq!(choices[0].1, json!("team-pulse"));
    assert!(choices[0].0.contains("this server"), "{choices:?}");

    let edited = fill_form(
        &w,
        w.fx.morgan,
        "retro template edit",
        &[("template", s("team-pulse"))],
        &[
            ("name", "Team Pulse"),
            (
                "statements",
                "We ship often.\nWe learn from customers.\nWe rest enough.",
            ),
            ("questions", "What slowed us down?"),
            ("scale", "🟢 good 1\n🔴 bad 0"),
        ],
    )
    .await;
    assert!(edited.text.contains("3 statements"), "{}", edited.text);

    let started = w
        .command(w.fx.alice, "retro start", &[("template", s("team-pulse"))])
        .await;
    assert!(
        started.text.starts_with("Started")
            && started
                .text
                .contains("3 statements to vote on and 1 questions"),
        "{}",
        started.text
    );

    let builtin = w
        .command(
            w.fx.morgan,
            "retro template delete",
            &[("template", s("customer-obsession"))],
        )
        .await;
    assert!(
        builtin
            .text
            .contains("built-in template and cannot be changed"),
        "{}",
        builtin.text
    );

    let exported = w
        .command(
            w.fx.morgan,
            "retro template export",
            &[("template", s("team-pulse"))],
        )
        .await;
    let (filename, bytes) = exported
        .messages
        .iter()
        .flat_map(|m| m.attachments.clone())
        .next()
        .unwrap_or_else(|| panic!("the export attaches a file: {exported:?}"));
    assert_eq!(filename, "team-pulse.toml");
    let file = String::from_utf8(bytes).unwrap();
    assert!(file.contains("We rest enough."), "{file}");

    let clash = w
        .command(
            w.fx.morgan,
            "retro template import",
            &[(
                "file",
                json!({"filename": "team-pulse.toml", "content": file}),
            )],
        )
        .await;
    assert!(clash.text.contains("already used"), "{}", clash.text);
    let deleted = w
        .command(
            w.fx.morgan,
            "retro template delete",
            &[("template", s("team-pulse"))],
        )
        .await;
    assert!(
        deleted.text.contains("Deleted the template **Team Pulse**"),
        "{}",
        deleted.text
    );
    let broken = w
        .command(
            w.fx.morgan,
            "retro template import",
            &[("file", json!({"filename": "broken.toml", "content": "key = \"x\"\nname = \"X\"\nstatements = []\n"}))],
        )
        .await;
    assert!(
        broken.text.contains("broken.toml") && broken.text.contains("statements"),
        "{}",
        broken.text
    );
    let imported = w
        .command(
            w.fx.morgan,
            "retro template import",
            &[(
                "file",
                json!({"filename": "team-pulse.toml", "content": file}),
            )],
        )
        .await;
    assert!(
        imported
            .text
            .contains("Imported **Team Pulse** as `team-pulse`"),
        "{}",
        imported.text
    );

    // Server B knows nothing of it.
    let id = w.discord.slash(
        member_b,
        channel_b,
        "retro start",
        &[("template", s("team-pulse"))],
    );
    let unknown = w.discord.wait_reply(id, WAIT).await;
    assert!(
        unknown
            .text
            .contains("There is no template called `team-pulse`"),
        "{}",
        unknown.text
    );
    let id = w
        .discord
        .slash(manager_b, channel_b, "retro templates", &[]);
    let listed_b = w.discord.wait_reply(id, WAIT).await;
    assert!(!listed_b.text.contains("team-pulse"), "{}", listed_b.text);
    let id = w.discord.autocomplete(
        member_b,
        channel_b,
        "retro start",
        &[("template", s("pulse"))],
        "template",
    );
    w.discord.wait_reply(id, WAIT).await;
    assert_eq!(w.discord.autocomplete_choices(id).unwrap(), Vec::new());
    w.finish().await;
}
