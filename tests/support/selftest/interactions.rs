//! Self-test: commands register, and slash, autocomplete, button and modal interactions round-trip
//! through serenity with the callbacks and webhook calls the bot will use.

use serde_json::json;
use serenity::all::{
    ActionRowComponent, ButtonStyle, ChannelId, CommandDataOptionValue, CommandOptionType,
    ComponentInteractionDataKind, CreateActionRow, CreateAutocompleteResponse, CreateButton,
    CreateCommand, CreateCommandOption, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage,
    CreateModal, CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
    EditInteractionResponse, Event, GuildId, InputTextStyle, Interaction, MessageType, RoleId,
    UserId,
};

use crate::{api_error, setup, WAIT};

fn retro_command() -> CreateCommand {
    let string = |name: &str| CreateCommandOption::new(CommandOptionType::String, name, "text");
    let start = CreateCommandOption::new(CommandOptionType::SubCommand, "start", "Start a retro")
        .add_sub_option(string("template").set_autocomplete(true))
        .add_sub_option(string("title"))
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Boolean,
            "anonymous",
            "Hide names",
        ));
    let add = CreateCommandOption::new(CommandOptionType::SubCommand, "add", "Add a schedule")
        .add_sub_option(
            CreateCommandOption::new(CommandOptionType::Channel, "channel", "Where").required(true),
        )
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::User,
            "who",
            "Facilitator",
        ))
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Role,
            "role",
            "Role",
        ))
        .add_sub_option(
            string("every")
                .add_string_choice("daily", "daily")
                .add_string_choice("weekly", "weekly"),
        )
        .add_sub_option(CreateCommandOption::new(
            CommandOptionType::Integer,
            "count",
            "How many",
        ));
    let schedule =
        CreateCommandOption::new(CommandOptionType::SubCommandGroup, "schedule", "Schedules")
            .add_sub_option(add);
    CreateCommand::new("retro")
        .description("Retrospectives")
        .add_option(start)
        .add_option(schedule)
}

#[tokio::test]
async fn interactions_round_trip() {
    let (standin, fx, mut probe) = setup().await;
    let http = probe.http.clone();
    let cmds = serenity::all::Command::set_global_commands(&*http, vec![retro_command()])
        .await
        .unwrap();
    assert_eq!(cmds[0].name, "retro");
    let guild_cmds = GuildId::new(fx.guild)
        .set_commands(&*http, vec![CreateCommand::new("ping").description("Ping")])
        .await
        .unwrap();
    assert_eq!(guild_cmds[0].guild_id, Some(GuildId::new(fx.guild)));
    assert_eq!(http.get_global_commands().await.unwrap()[0].id, cmds[0].id);
    assert_eq!(standin.registered_commands().as_array().unwrap().len(), 2);

    // A nested subcommand-group call with resolved user/role/channel options.
    let opts = [
        ("channel", json!(fx.channel)),
        ("who", json!(fx.bob)),
        ("role", json!(fx.manager_role)),
        ("every", json!("weekly")),
        ("count", json!(3)),
    ];
    let id = standin.slash(fx.alice, fx.channel, "retro schedule add", &opts);
    let cmd = probe
        .wait("command", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Command(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    assert_eq!(
        (cmd.data.name.as_str(), cmd.user.id.get()),
        ("retro", fx.alice)
    );
    let CommandDataOptionValue::SubCommandGroup(group) = &cmd.data.options[0].value else {
        panic!("group")
    };
    let CommandDataOptionValue::SubCommand(leaf) = &group[0].value else {
        panic!("subcommand")
    };
    assert_eq!(
        leaf.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ["channel", "who", "role", "every", "count"]
    );
    assert_eq!(leaf[1].value, CommandDataOptionValue::User(fx.bob.into()));
    assert_eq!(leaf[4].value, CommandDataOptionValue::Integer(3));
    assert!(cmd.data.resolved.users.contains_key(&UserId::new(fx.bob)));
    assert!(cmd
        .data
        .resolved
        .roles
        .contains_key(&RoleId::new(fx.manager_role)));
    assert!(cmd
        .data
        .resolved
        .channels
        .contains_key(&ChannelId::new(fx.channel)));
    assert!(!cmd
        .member
        .as_ref()
        .unwrap()
        .permissions
        .unwrap()
        .manage_guild());
    assert!(cmd.app_permissions.unwrap().send_messages());
    cmd.create_response(
        &*http,
        CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true)),
    )
    .await
    .unwrap();
    cmd.edit_response(
        &*http,
        EditInteractionResponse::new().content("Scheduled weekly"),
    )
    .await
    .unwrap();
    let reply = standin.wait_reply(id, WAIT).await;
    assert!(reply.deferred && reply.ephemeral, "{reply:?}");
    assert_eq!(reply.text, "Scheduled weekly");
    let extra = cmd
        .create_followup(
            &*http,
            CreateInteractionResponseFollowup::new()
                .content("more")
                .ephemeral(true),
        )
        .await
        .unwrap();
    cmd.delete_followup(&*http, extra.id).await.unwrap();
    assert_eq!(
        cmd.get_response(&*http).await.unwrap().content,
        "Scheduled weekly"
    );
    assert!(
        standin.messages(fx.channel).is_empty(),
        "ephemeral answers are not in the channel"
    );
    let twice = cmd
        .create_response(&*http, CreateInteractionResponse::Acknowledge)
        .await;
    assert_eq!(api_error(twice), (400, 40060));
    standin.clear_requests();

    // Autocomplete.
    let id = standin.autocomplete(
        fx.alice,
        fx.channel,
        "retro start",
        &[("template", json!("cus"))],
        "template",
    );
    let ac = probe
        .wait("autocomplete", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Autocomplete(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    assert_eq!(ac.data.autocomplete().unwrap().value, "cus");
    let choices = CreateAutocompleteResponse::new()
        .add_string_choice("customer-obsession", "customer-obsession");
    ac.create_response(&*http, CreateInteractionResponse::Autocomplete(choices))
        .await
        .unwrap();
    assert_eq!(
        standin.wait_reply(id, WAIT).await.text,
        "customer-obsession"
    );
    assert_eq!(
        standin.autocomplete_choices(id).unwrap()[0].1,
        json!("customer-obsession")
    );

    // A public answer with a button; the click opens a modal; the submit updates the message.
    let id = standin.slash(
        fx.alice,
        fx.channel,
        "retro start",
        &[("title", json!("Sprint 9")), ("anonymous", json!(true))],
    );
    let cmd = probe
        .wait("start", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Command(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    let button = CreateButton::new("open")
        .label("Answer")
        .style(ButtonStyle::Primary);
    let msg = CreateInteractionResponseMessage::new()
        .content("Started")
        .components(vec![CreateActionRow::Buttons(vec![button])]);
    cmd.create_response(&*http, CreateInteractionResponse::Message(msg))
        .await
        .unwrap();
    let reply = standin.wait_reply(id, WAIT).await;
    assert!(!reply.ephemeral && !reply.deferred && reply.text == "Started");
    let started = reply.messages[0].id;
    probe.wait("own reply MESSAGE_CREATE", |e| matches!(e, Event::MessageCreate(m) if m.message.id.get() == started && m.message.kind == MessageType::ChatInputCommand).then_some(())).await;
    let id = standin.click_button(fx.bob, fx.channel, started, "open");
    let click = probe
        .wait("click", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Component(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    assert_eq!(
        (click.data.custom_id.as_str(), click.message.id.get()),
        ("open", started)
    );
    let input = CreateInputText::new(InputTextStyle::Paragraph, "Your answer", "text");
    let modal = CreateModal::new("answer", "Answer the question")
        .components(vec![CreateActionRow::InputText(input)]);
    click
        .create_response(&*http, CreateInteractionResponse::Modal(modal))
        .await
        .unwrap();
    assert!(standin
        .wait_reply(id, WAIT)
        .await
        .text
        .starts_with("Answer the question"));
    let id = standin.submit_modal(fx.bob, fx.channel, "answer", &[("text", "More demos")]);
    let submit = probe
        .wait("modal submit", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Modal(m) if m.id.get() == id => Some(m.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    let ActionRowComponent::InputText(text) = &submit.data.components[0].components[0] else {
        panic!("input")
    };
    assert_eq!(text.value.as_deref(), Some("More demos"));
    submit
        .create_response(
            &*http,
            CreateInteractionResponse::UpdateMessage(
                CreateInteractionResponseMessage::new().content("Thanks"),
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        standin.wait_reply(id, WAIT).await.messages[0].content,
        "Thanks"
    );
    probe
        .wait("MESSAGE_UPDATE", |e| {
            matches!(e, Event::MessageUpdate(u) if u.id.get() == started).then_some(())
        })
        .await;

    // A string select menu on a bot message, answered with a deferred update.
    let menu = CreateSelectMenu::new(
        "pick",
        CreateSelectMenuKind::String {
            options: vec![CreateSelectMenuOption::new("Weekly", "weekly")],
        },
    );
    let row = CreateActionRow::SelectMenu(menu);
    let posted = ChannelId::new(fx.channel)
        .send_message(
            &*http,
            CreateMessage::new().content("Pick").components(vec![row]),
        )
        .await
        .unwrap();
    let id = standin.select(fx.carol, fx.channel, posted.id.get(), "pick", &["weekly"]);
    let picked = probe
        .wait("select", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Component(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    let ComponentInteractionDataKind::StringSelect { values } = &picked.data.kind else {
        panic!("string select")
    };
    assert_eq!(values, &["weekly".to_string()]);
    picked
        .create_response(&*http, CreateInteractionResponse::Acknowledge)
        .await
        .unwrap();
    assert_eq!(standin.interaction_responses(id)[0]["type"], json!(6));

    // A global command in the user's DM with the bot.
    let id = standin.slash_in_dm(fx.dave, "retro start", &[]);
    let dm = probe
        .wait("DM command", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Command(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    assert_eq!((dm.guild_id, dm.user.id.get()), (None, fx.dave));
    let dm_reply = CreateInteractionResponseMessage::new().content("Only in servers");
    dm.create_response(&*http, CreateInteractionResponse::Message(dm_reply))
        .await
        .unwrap();
    assert_eq!(standin.wait_reply(id, WAIT).await.text, "Only in servers");
    standin.assert_healthy();
    probe.stop();
}

#[tokio::test]
async fn an_attachment_option_resolves_to_a_file_served_by_the_cdn() {
    let (standin, fx, mut probe) = setup().await;
    let http = probe.http.clone();
    let import = CreateCommandOption::new(CommandOptionType::SubCommand, "import", "Import")
        .add_sub_option(
            CreateCommandOption::new(CommandOptionType::Attachment, "file", "A file")
                .required(true),
        );
    let command = CreateCommand::new("retro")
        .description("Retrospectives")
        .add_option(import);
    serenity::all::Command::set_global_commands(&*http, vec![command])
        .await
        .unwrap();
    let content = "key = \"x\"\nname = \"X\"\nstatements = [\"We ship.\"]\n";
    let id = standin.slash(
        fx.alice,
        fx.channel,
        "retro import",
        &[("file", json!({"filename": "x.toml", "content": content}))],
    );
    let cmd = probe
        .wait("command", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Command(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    let CommandDataOptionValue::SubCommand(leaf) = &cmd.data.options[0].value else {
        panic!("subcommand")
    };
    let CommandDataOptionValue::Attachment(file_id) = leaf[0].value else {
        panic!("an attachment option: {:?}", leaf[0].value)
    };
    let file = &cmd.data.resolved.attachments[&file_id];
    assert_eq!(
        (file.filename.as_str(), file.size as usize),
        ("x.toml", content.len())
    );
    assert_eq!(file.download().await.unwrap(), content.as_bytes());
    // Another name under the same id is not served.
    let wrong = file.url.replace("x.toml", "y.toml");
    let status = reqwest::get(&wrong).await.unwrap().status();
    assert_eq!(status.as_u16(), 404);
}
