//! Team templates from Discord: a template written in the form is used, edited, exported,
//! re-imported, read-only where it must be, and unknown in another server; a bad template gets
//! an error naming the line; members without rights are refused.

use serde_json::json;

use crate::harness::{s, World, WAIT};
use crate::server_settings::second_server;

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
