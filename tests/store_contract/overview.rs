//! Store contract of the organisation view: channels' consent to share, the most used
//! template, each team's latest two closed check-ins with their votes (only the channels in
//! scope), and the sharing channels' check-ins for the server export.

use chrono::{TimeZone, Utc};
use retrobot::domain::anonymous::member_key;
use retrobot::domain::ids::{ChannelId, GuildId, MemberId};
use retrobot::domain::live::Change;
use retrobot::domain::overview::{build_overview, CastVotes, ChannelSharing, HeatCell};
use retrobot::domain::retro::{Retro, RetroStatus};
use retrobot::domain::template::TemplateCatalog;
use retrobot::store::{NewRetro, SequencedChange, Store, TeamScope};

use super::store_support::{self, contract};

const GUILD: GuildId = GuildId(1_000_000_000_000_000_001);
const MEMBER: u64 = 612_345_678_901_234_567;

fn retro_of(channel: u64, template: &str, anonymous: bool) -> NewRetro {
    NewRetro {
        template: TemplateCatalog::builtin().get(template).unwrap().clone(),
        participation: retrobot::domain::retro::Participation::from_anonymous(anonymous),
        ..crate::new_retro(channel)
    }
}

/// A closed named check-in in `channel` where `agree` members voted 👍 and `disagree` 👎 on
/// the first statement (one member first 👎 then 👍: the newest counts).
async fn named(store: &Store, channel: u64, template: &str, agree: u64, disagree: u64) -> Retro {
    let retro = store
        .create_retro(&retro_of(channel, template, false))
        .await
        .unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap());
    let mut changes = Vec::new();
    let mut seq = 0;
    let mut mark = |voter: u64, option: usize| {
        seq += 1;
        SequencedChange {
            seq,
            change: Change::MarkAdded {
                retro: retro.id,
                position: 0,
                voter: MemberId(MEMBER + voter),
                option,
            },
        }
    };
    for voter in 0..agree + disagree {
        let option = usize::from(voter >= agree);
        if voter == 0 {
            changes.push(mark(voter, 1 - option));
        }
        changes.push(mark(voter, option));
    }
    store.apply_changes(&changes).await.unwrap();
    close(store, &retro).await;
    retro
}

async fn close(store: &Store, retro: &Retro) {
    for (from, to) in [
        (RetroStatus::Open, RetroStatus::Closing),
        (RetroStatus::Closing, RetroStatus::Closed),
    ] {
        assert!(store.transition(retro.id, from, to).await.unwrap());
        if retro.participation.is_anonymous() && to == RetroStatus::Closing {
            store.seal_anonymous(retro.id).await.unwrap();
        }
    }
}

/// A closed anonymous check-in with `options` voted on the first statement.
async fn anonymous(store: &Store, channel: u64, options: &[usize]) -> Retro {
    let retro = store
        .create_retro(&retro_of(channel, "customer-obsession", true))
        .await
        .unwrap();
    assert!(store
        .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
        .await
        .unwrap());
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();
    for (i, option) in options.iter().enumerate() {
        let key = member_key(&secret, retro.id, MemberId(MEMBER + i as u64));
        store
            .anonymous_click(retro.id, 0, key, *option)
            .await
            .unwrap();
    }
    close(store, &retro).await;
    retro
}

fn sharing(channel: u64, on: bool) -> ChannelSharing {
    ChannelSharing {
        guild: GUILD,
        channel: ChannelId(channel),
        sharing: on,
        changed_by: MemberId(MEMBER),
        changed_at: Utc.timestamp_millis_opt(1_700_000_000_000).unwrap(),
    }
}

contract!(
    channels_choose_whether_they_share,
    |store: Store| async move {
        assert_eq!(store.sharing_of(GUILD, ChannelId(5)).await.unwrap(), None);
        store.set_sharing(&sharing(5, true)).await.unwrap();
        store.set_sharing(&sharing(6, true)).await.unwrap();
        store.set_sharing(&sharing(7, false)).await.unwrap();
        assert_eq!(
            store.sharing_of(GUILD, ChannelId(5)).await.unwrap(),
            Some(sharing(5, true))
        );
        assert_eq!(
            store.sharing_channels(GUILD).await.unwrap(),
            [ChannelId(5), ChannelId(6)]
        );
        store.set_sharing(&sharing(6, false)).await.unwrap();
        assert_eq!(
            store.sharing_channels(GUILD).await.unwrap(),
            [ChannelId(5)],
            "a channel that stops sharing is gone"
        );
        assert!(store.sharing_channels(GuildId(2)).await.unwrap().is_empty());
    }
);

contract!(
    latest_two_check_ins_per_visible_team_with_their_votes,
    |store: Store| async move {
        let a1 = named(&store, 10, "customer-obsession", 1, 1).await;
        let a2 = named(&store, 10, "customer-obsession", 1, 2).await;
        let a3 = named(&store, 10, "customer-obsession", 2, 1).await;
        let b1 = named(&store, 20, "customer-obsession", 3, 0).await;
        let hidden = named(&store, 30, "customer-obsession", 1, 0).await;
        named(&store, 10, "squad-health-check", 0, 0).await;
        // Open and failed check-ins are not closed ones.
        store
            .create_retro(&retro_of(20, "customer-obsession", false))
            .await
            .unwrap();
        let visible = [ChannelId(10), ChannelId(20), ChannelId(99)];
        let check_ins = store
            .latest_check_ins(GUILD, "customer-obsession", TeamScope::Visible(&visible), 2)
            .await
            .unwrap();
        let ids: Vec<_> = check_ins.iter().map(|c| c.retro.id).collect();
        assert_eq!(ids, [a2.id, a3.id, b1.id], "two latest per visible team");
        assert!(!ids.contains(&a1.id) && !ids.contains(&hidden.id));
        let CastVotes::Reactions(marks) = &check_ins[1].votes else {
            panic!("a named check-in has reactions");
        };
        assert_eq!(marks.len(), 4, "three voters, one with two reactions");
        let overview = build_overview("customer-obsession", &check_ins, 3);
        let cell = overview.teams[0].cells[0].as_ref().unwrap();
        assert_eq!((cell.agreement, cell.participants), (Some(67), 3));
        assert_eq!(cell.trend.delta_points(), Some(34), "33% → 67%");
        let age = Utc::now() - check_ins[0].closed_at;
        assert!(age < chrono::Duration::minutes(5), "closed just now: {age}");

        assert!(store
            .latest_check_ins(GUILD, "customer-obsession", TeamScope::Visible(&[]), 2)
            .await
            .unwrap()
            .is_empty());
        assert!(
            store
                .latest_check_ins(
                    GuildId(2),
                    "customer-obsession",
                    TeamScope::Visible(&visible),
                    2
                )
                .await
                .unwrap()
                .is_empty(),
            "another server's channels are not there"
        );
    }
);

contract!(
    the_most_used_template_counts_only_channels_in_scope,
    |store: Store| async move {
        named(&store, 10, "customer-obsession", 1, 0).await;
        named(&store, 20, "squad-health-check", 0, 0).await;
        named(&store, 20, "squad-health-check", 0, 0).await;
        let both = [ChannelId(10), ChannelId(20)];
        let only_ten = [ChannelId(10)];
        assert_eq!(
            store
                .most_used_template(GUILD, TeamScope::Visible(&both))
                .await
                .unwrap()
                .as_deref(),
            Some("squad-health-check")
        );
        assert_eq!(
            store
                .most_used_template(GUILD, TeamScope::Visible(&only_ten))
                .await
                .unwrap()
                .as_deref(),
            Some("customer-obsession"),
            "a channel the caller cannot see does not count"
        );
        assert_eq!(
            store
                .most_used_template(GUILD, TeamScope::Sharing)
                .await
                .unwrap(),
            None
        );
        store.set_sharing(&sharing(10, true)).await.unwrap();
        assert_eq!(
            store
                .most_used_template(GUILD, TeamScope::Sharing)
                .await
                .unwrap()
                .as_deref(),
            Some("customer-obsession")
        );
    }
);

contract!(
    sharing_scope_and_anonymous_check_ins_keep_small_groups_hidden,
    |store: Store| async move {
        let small = anonymous(&store, 10, &[0, 1]).await;
        let big = anonymous(&store, 20, &[0, 0, 1]).await;
        let private = named(&store, 30, "customer-obsession", 1, 0).await;
        named(&store, 10, "squad-health-check", 0, 0).await;
        store.set_sharing(&sharing(10, true)).await.unwrap();
        store.set_sharing(&sharing(20, true)).await.unwrap();
        store.set_sharing(&sharing(30, false)).await.unwrap();
        let digest = store
            .latest_check_ins(GUILD, "customer-obsession", TeamScope::Sharing, 2)
            .await
            .unwrap();
        let ids: Vec<_> = digest.iter().map(|c| c.retro.id).collect();
        assert_eq!(ids, [small.id, big.id], "only sharing channels");
        let overview = build_overview("customer-obsession", &digest, 3);
        let heatmap = overview.heatmap("t", |c| c.to_string());
        assert_eq!(
            heatmap.rows[0].cells[0],
            HeatCell::Hidden { participants: 2 }
        );
        assert_eq!(
            heatmap.rows[1].cells[0],
            HeatCell::Agreement {
                percent: 67,
                delta: None
            }
        );

        let shared = store.shared_check_ins(GUILD).await.unwrap();
        assert_eq!(shared.len(), 3, "every template, sharing channels only");
        assert!(shared.iter().all(|c| c.retro.id != private.id));
        let export =
            retrobot::domain::overview::server_export(GUILD, &shared, 3, |c| format!("team {c}"));
        let csv = export.csv();
        assert!(!csv.contains(&MEMBER.to_string()[..12]), "no member ids");
    }
);
