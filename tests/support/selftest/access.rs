//! Self-test: channels carry permission overwrites as Discord sends them; a private channel,
//! role and overwrite changes reach serenity as the right events; interactions carry the
//! member's and the bot's permissions in their channel; the bot's REST calls to a channel it
//! cannot view are refused; a second guild is a world of its own.

use std::panic::{catch_unwind, AssertUnwindSafe};

use serenity::all::{
    ChannelId, Command, CreateCommand, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, Event, GuildId, Interaction, PermissionOverwriteType, Permissions, RoleId,
    UserId,
};

use crate::support::perms;
use crate::support::serenity_probe::Probe;
use crate::support::StandIn;
use crate::{api_error, setup};

/// Registers `/ping`, runs it as `user` in `channel` and returns (member permissions, app
/// permissions, guild) as serenity parsed them.
async fn ping(
    standin: &StandIn,
    probe: &mut Probe,
    user: u64,
    channel: u64,
) -> (Permissions, Permissions, Option<GuildId>) {
    let id = standin.slash(user, channel, "ping", &[]);
    let cmd = probe
        .wait("ping interaction", |e| match e {
            Event::InteractionCreate(i) => match &i.interaction {
                Interaction::Command(c) if c.id.get() == id => Some(c.clone()),
                _ => None,
            },
            _ => None,
        })
        .await;
    cmd.create_response(
        &*probe.http,
        CreateInteractionResponse::Message(CreateInteractionResponseMessage::new().content("pong")),
    )
    .await
    .unwrap();
    let member = cmd.member.as_ref().and_then(|m| m.permissions).unwrap();
    (member, cmd.app_permissions.unwrap(), cmd.guild_id)
}

async fn register_ping(probe: &Probe) {
    Command::set_global_commands(
        &*probe.http,
        vec![CreateCommand::new("ping").description("Ping")],
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn private_channels_and_overwrite_changes_reach_serenity() {
    let (standin, fx, mut probe) = setup().await;
    register_ping(&probe).await;
    let team = standin.add_role(fx.guild, "Team", 0);
    standin.set_member_roles(fx.guild, fx.bob, &[team]);
    let private = standin.add_private_channel(fx.guild, "leads", &[team]);
    let created = probe
        .wait("CHANNEL_CREATE of the private channel", |e| match e {
            Event::ChannelCreate(c) if c.channel.id.get() == private => Some(c.channel.clone()),
            _ => None,
        })
        .await;
    let everyone = created
        .permission_overwrites
        .iter()
        .find(|o| o.kind == PermissionOverwriteType::Role(RoleId::new(fx.guild)))
        .expect("an @everyone overwrite");
    assert!(everyone.deny.view_channel());
    let team_overwrite = created
        .permission_overwrites
        .iter()
        .find(|o| o.kind == PermissionOverwriteType::Role(RoleId::new(team)))
        .expect("the team's overwrite");
    assert!(team_overwrite.allow.view_channel());
    assert!(created
        .permission_overwrites
        .iter()
        .any(|o| o.kind == PermissionOverwriteType::Member(UserId::new(standin.bot_user_id()))));

    // Who sees it: the team, the owner; not Alice, not Morgan (Manage Server is no View).
    assert!(standin.can_view(private, fx.bob));
    assert!(standin.can_view(private, standin.guild_owner(fx.guild)));
    assert!(!standin.can_view(private, fx.alice));
    assert!(!standin.can_view(private, fx.morgan));
    // Discord offers no way to run a command in a channel one cannot see.
    let refused = catch_unwind(AssertUnwindSafe(|| {
        standin.slash(fx.alice, private, "ping", &[])
    }));
    assert!(
        refused.is_err(),
        "Alice cannot act in a channel she cannot see"
    );

    // Interactions carry permissions computed with the channel's overwrites.
    let (member, app, guild) = ping(&standin, &mut probe, fx.bob, private).await;
    assert!(member.view_channel() && member.send_messages());
    assert!(app.view_channel() && app.add_reactions() && !app.manage_messages());
    assert_eq!(guild, Some(GuildId::new(fx.guild)));
    let (member, _, _) = ping(&standin, &mut probe, fx.morgan, fx.channel).await;
    assert!(member.manage_guild() && member.view_channel());

    // A role overwrite that denies View hides the channel again, with a CHANNEL_UPDATE.
    standin.set_role_overwrite(private, team, Some((0, perms::VIEW_CHANNEL)));
    let updated = probe
        .wait("CHANNEL_UPDATE", |e| match e {
            Event::ChannelUpdate(c) if c.channel.id.get() == private => Some(c.channel.clone()),
            _ => None,
        })
        .await;
    assert!(updated.permission_overwrites.iter().any(|o| o.kind
        == PermissionOverwriteType::Role(RoleId::new(team))
        && o.deny.view_channel()));
    assert!(!standin.can_view(private, fx.bob));
    // A member overwrite comes last and wins.
    standin.set_member_overwrite(private, fx.bob, Some((perms::VIEW_CHANNEL, 0)));
    assert!(standin.can_view(private, fx.bob));
    standin.set_member_overwrite(private, fx.bob, None);
    assert!(!standin.can_view(private, fx.bob));

    // Making the role an administrator shows everything, with a GUILD_ROLE_UPDATE.
    standin.set_role_permissions(fx.guild, team, perms::ADMINISTRATOR);
    let role = probe
        .wait("GUILD_ROLE_UPDATE", |e| match e {
            Event::GuildRoleUpdate(r) if r.role.id.get() == team => Some(r.role.clone()),
            _ => None,
        })
        .await;
    assert!(role.permissions.administrator());
    assert!(standin.can_view(private, fx.bob));
    assert_eq!(standin.permissions_of(private, fx.bob), perms::ALL);

    // GUILD_MEMBER_UPDATE needs the GUILD_MEMBERS intent, except about the bot itself.
    let bot = standin.bot_user_id();
    let mut bot_roles = standin.member_roles(fx.guild, bot);
    bot_roles.push(team);
    standin.set_member_roles(fx.guild, bot, &bot_roles);
    let update = probe
        .wait("GUILD_MEMBER_UPDATE of the bot", |e| match e {
            Event::GuildMemberUpdate(m) => Some(m.clone()),
            _ => None,
        })
        .await;
    assert_eq!(
        update.user.id.get(),
        bot,
        "Bob's update must not reach this session"
    );
    assert!(update.roles.contains(&RoleId::new(team)));
    standin.assert_healthy();
}

#[tokio::test]
async fn the_bot_is_refused_where_it_cannot_view() {
    let (standin, fx, probe) = setup().await;
    let http = probe.http.clone();
    let hidden = standin.add_private_channel(fx.guild, "secret", &[]);
    let bot = standin.bot_user_id();
    // Overwrites of the bot's own: none that allows View, and @everyone's denies it.
    standin.set_member_overwrite(hidden, bot, None);
    assert!(!standin.can_view(hidden, bot));
    let channel = ChannelId::new(hidden);
    assert_eq!(api_error(channel.to_channel(&*http).await), (403, 50001));
    assert_eq!(
        api_error(
            channel
                .send_message(&*http, CreateMessage::new().content("hi"))
                .await
        ),
        (403, 50001)
    );
    // A role of the bot's that the channel allows opens it.
    let helpers = standin.add_role(fx.guild, "Helpers", 0);
    let mut roles = standin.member_roles(fx.guild, bot);
    roles.push(helpers);
    standin.set_member_roles(fx.guild, bot, &roles);
    standin.set_role_overwrite(
        hidden,
        helpers,
        Some((perms::VIEW_CHANNEL | perms::SEND_MESSAGES, 0)),
    );
    channel
        .send_message(&*http, CreateMessage::new().content("now I can"))
        .await
        .unwrap();
    // GET channel lists the overwrites.
    let serenity::all::Channel::Guild(fetched) = channel.to_channel(&*http).await.unwrap() else {
        panic!("a guild channel");
    };
    assert!(fetched
        .permission_overwrites
        .iter()
        .any(|o| o.kind == PermissionOverwriteType::Role(RoleId::new(helpers))));
    standin.assert_healthy();
}

#[tokio::test]
async fn a_second_guild_is_a_world_of_its_own() {
    let (standin, fx, mut probe) = setup().await;
    register_ping(&probe).await;
    let second = standin.add_guild("Second");
    let guild = probe
        .wait("GUILD_CREATE of the second guild", |e| match e {
            Event::GuildCreate(g) if g.guild.id.get() == second => Some(g.guild.clone()),
            _ => None,
        })
        .await;
    assert!(
        guild.roles.contains_key(&RoleId::new(second)),
        "@everyone is the guild id"
    );
    let general = standin.add_text_channel(second, "general");
    let leads = standin.add_role(second, "Leads", perms::MANAGE_GUILD);
    let private = standin.add_private_channel(second, "leads-only", &[leads]);
    standin.add_existing_member(second, fx.alice, &[leads]);

    // Bob is not a member of the second guild: he cannot act there.
    let refused = catch_unwind(AssertUnwindSafe(|| {
        standin.slash(fx.bob, general, "ping", &[])
    }));
    assert!(refused.is_err());
    // Alice leads there (Manage Server, sees the private channel), not in the first guild.
    let (member, _, guild_id) = ping(&standin, &mut probe, fx.alice, private).await;
    assert_eq!(guild_id, Some(GuildId::new(second)));
    assert!(member.manage_guild() && member.view_channel());
    let (member, _, guild_id) = ping(&standin, &mut probe, fx.alice, fx.channel).await;
    assert_eq!(guild_id, Some(GuildId::new(fx.guild)));
    assert!(!member.manage_guild());
    // A private channel of one guild says nothing about the other's members.
    assert!(!standin.can_view(private, fx.bob));
    standin.assert_healthy();
}
