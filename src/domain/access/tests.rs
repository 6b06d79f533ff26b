//! The permission computation against Discord's documented order of overwrites.

use super::*;

const GUILD: GuildId = GuildId(100);
const EVERYONE: RoleId = RoleId(100);
const TEAM: RoleId = RoleId(201);
const MUTED: RoleId = RoleId(202);
const ADMINS: RoleId = RoleId(203);
const OWNER: MemberId = MemberId(1);
const ALICE: MemberId = MemberId(2);
const OPEN: ChannelId = ChannelId(300);
const PRIVATE: ChannelId = ChannelId(301);
const THREAD: ChannelId = ChannelId(400);

const VIEW: Permissions = Permissions::VIEW_CHANNEL;
const SEND: Permissions = Permissions::SEND_MESSAGES;

fn role(role: RoleId, allow: Permissions, deny: Permissions) -> Overwrite {
    Overwrite {
        target: OverwriteTarget::Role(role),
        allow,
        deny,
    }
}

fn member(member: MemberId, allow: Permissions, deny: Permissions) -> Overwrite {
    Overwrite {
        target: OverwriteTarget::Member(member),
        allow,
        deny,
    }
}

/// @everyone may view and send; TEAM adds nothing; ADMINS is administrator; PRIVATE hides
/// itself from @everyone and shows itself to TEAM.
fn guild() -> GuildAccess {
    GuildAccess::from_guild(GuildSnapshot {
        guild_id: GUILD,
        owner_id: OWNER,
        roles: vec![
            (EVERYONE, VIEW | SEND),
            (TEAM, Permissions::NONE),
            (MUTED, Permissions::NONE),
            (ADMINS, Permissions::ADMINISTRATOR),
        ],
        channels: vec![
            (OPEN, vec![]),
            (
                PRIVATE,
                vec![
                    role(EVERYONE, Permissions::NONE, VIEW),
                    role(TEAM, VIEW, Permissions::NONE),
                ],
            ),
        ],
        threads: vec![(THREAD, PRIVATE)],
    })
}

#[test]
fn everyone_sees_an_open_channel_but_not_a_private_one() {
    let g = guild();
    assert!(g.can_view(ALICE, &[], OPEN));
    assert!(!g.can_view(ALICE, &[], PRIVATE));
    assert_eq!(g.permissions_in(ALICE, &[], PRIVATE), Permissions::NONE);
    assert!(g.can_view(ALICE, &[TEAM], PRIVATE));
    assert_eq!(g.permissions_in(ALICE, &[TEAM], PRIVATE), VIEW | SEND);
}

#[test]
fn role_overwrites_beat_everyone_and_member_overwrites_beat_roles() {
    let mut g = guild();
    // A role that denies View and a role that allows it: allows win over denies of the same
    // level (denies are applied first, then allows).
    g.upsert_channel(
        PRIVATE,
        vec![
            role(EVERYONE, Permissions::NONE, VIEW),
            role(TEAM, VIEW, Permissions::NONE),
            role(MUTED, Permissions::NONE, VIEW | SEND),
        ],
    );
    assert!(g.can_view(ALICE, &[TEAM, MUTED], PRIVATE));
    assert_eq!(g.permissions_in(ALICE, &[TEAM, MUTED], PRIVATE), VIEW);
    assert!(!g.can_view(ALICE, &[MUTED], PRIVATE));

    // The member's own overwrite comes last: it denies what the role allowed...
    g.upsert_channel(
        PRIVATE,
        vec![
            role(EVERYONE, Permissions::NONE, VIEW),
            role(TEAM, VIEW, Permissions::NONE),
            member(ALICE, Permissions::NONE, VIEW),
        ],
    );
    assert!(!g.can_view(ALICE, &[TEAM], PRIVATE));
    // ...or allows what @everyone denied.
    g.upsert_channel(
        PRIVATE,
        vec![
            role(EVERYONE, Permissions::NONE, VIEW),
            member(ALICE, VIEW, Permissions::NONE),
        ],
    );
    assert!(g.can_view(ALICE, &[], PRIVATE));
    assert!(!g.can_view(MemberId(3), &[], PRIVATE));
}

#[test]
fn everyone_overwrite_applies_before_role_overwrites() {
    let mut g = guild();
    // @everyone's overwrite allows View, a role's overwrite denies it: the role's comes later
    // and wins.
    g.upsert_channel(
        OPEN,
        vec![
            role(EVERYONE, VIEW, Permissions::NONE),
            role(MUTED, Permissions::NONE, VIEW),
        ],
    );
    assert!(!g.can_view(ALICE, &[MUTED], OPEN));
    assert!(g.can_view(ALICE, &[], OPEN));
}

/// Discord's documented hierarchy step by step (base, @everyone deny/allow, role deny/allow,
/// member deny/allow) on Send Messages: the channel denies it to @everyone and allows it to a
/// role; a member of that role may send, others may only read, and a member overwrite
/// denying it wins over the role.
#[test]
fn send_messages_through_every_step_of_the_documented_hierarchy() {
    let mut g = guild();
    g.upsert_channel(
        OPEN,
        vec![
            role(EVERYONE, Permissions::NONE, SEND),
            role(TEAM, SEND, Permissions::NONE),
            member(MemberId(3), Permissions::NONE, SEND),
        ],
    );
    assert_eq!(g.permissions_in(ALICE, &[], OPEN), VIEW);
    assert_eq!(g.permissions_in(ALICE, &[TEAM], OPEN), VIEW | SEND);
    assert_eq!(g.permissions_in(MemberId(3), &[TEAM], OPEN), VIEW);
}

#[test]
fn administrators_and_the_owner_see_everything_overwrites_notwithstanding() {
    let mut g = guild();
    g.upsert_channel(
        PRIVATE,
        vec![
            role(EVERYONE, Permissions::NONE, VIEW),
            member(ALICE, Permissions::NONE, VIEW),
            member(OWNER, Permissions::NONE, VIEW),
        ],
    );
    assert!(g.can_view(ALICE, &[ADMINS], PRIVATE));
    assert_eq!(
        g.permissions_in(ALICE, &[ADMINS], PRIVATE),
        Permissions::ALL
    );
    assert!(g.can_view(OWNER, &[], PRIVATE));
    // An administrator @everyone role makes everyone an administrator.
    g.upsert_role(EVERYONE, Permissions::ADMINISTRATOR);
    assert!(g.can_view(MemberId(9), &[], PRIVATE));
    // Ownership moves with GUILD_UPDATE.
    g.upsert_role(EVERYONE, VIEW | SEND);
    g.set_owner(ALICE);
    assert!(g.can_view(ALICE, &[], PRIVATE));
    assert!(!g.can_view(OWNER, &[], PRIVATE));
}

#[test]
fn threads_use_their_parents_permissions() {
    let mut g = guild();
    assert!(!g.can_view(ALICE, &[], THREAD));
    assert!(g.can_view(ALICE, &[TEAM], THREAD));
    // Opening the parent opens the thread.
    g.upsert_channel(PRIVATE, vec![]);
    assert!(g.can_view(ALICE, &[], THREAD));
    // A thread whose parent is unknown shows nothing.
    g.upsert_thread(ChannelId(401), ChannelId(999));
    assert!(!g.can_view(ALICE, &[TEAM], ChannelId(401)));
    // Deleting the parent deletes its threads.
    g.remove_channel(PRIVATE);
    assert!(g.channel(THREAD).is_none());
}

#[test]
fn unknown_channels_and_deleted_roles_give_nothing() {
    let mut g = guild();
    assert!(!g.can_view(ALICE, &[TEAM], ChannelId(12345)));
    assert!(!g.can_view(OWNER, &[], ChannelId(12345)));
    // Without View Channel no other permission counts.
    g.upsert_role(EVERYONE, SEND);
    assert_eq!(g.permissions_in(ALICE, &[], OPEN), Permissions::NONE);
    // A deleted administrator role grants nothing any more.
    g.upsert_role(EVERYONE, VIEW | SEND);
    assert!(g.can_view(ALICE, &[ADMINS], PRIVATE));
    g.remove_role(ADMINS);
    assert!(!g.can_view(ALICE, &[ADMINS], PRIVATE));
    // A deleted thread is unknown.
    g.remove_thread(THREAD);
    assert!(!g.can_view(ALICE, &[TEAM], THREAD));
    // remove_thread never removes a channel.
    g.remove_thread(OPEN);
    assert!(g.can_view(ALICE, &[], OPEN));
}

#[test]
fn api_permission_strings_parse() {
    assert_eq!(Permissions::from_api("1024"), Some(VIEW));
    assert_eq!(Permissions::from_api("x"), None);
    assert!(Permissions(1024 | 2048).contains(VIEW));
}
