//! Unit tests of the keyed-hash vote rules: change, retract, one vote each, and keys that
//! cannot be recomputed without the secret.

use super::*;
use crate::domain::ids::MemberId;

fn secret(byte: u8) -> RetroSecret {
    RetroSecret::from_bytes([byte; KEY_BYTES])
}

/// Applies clicks (member, statement, option) in order with the button rule, keeping one
/// ballot per key and statement, as the store does.
fn play(secret: &RetroSecret, retro: RetroId, clicks: &[(u64, usize, usize)]) -> Vec<Ballot> {
    let mut ballots: Vec<Ballot> = Vec::new();
    for &(member, position, option) in clicks {
        let key = member_key(secret, retro, MemberId(member));
        let at = ballots
            .iter()
            .position(|b| b.key == key && b.position == position);
        let current = at.map(|i| ballots[i].option);
        match (click(current, option).current(), at) {
            (Some(option), Some(i)) => ballots[i].option = option,
            (Some(option), None) => ballots.push(Ballot {
                position,
                key,
                option,
            }),
            (None, Some(i)) => {
                ballots.remove(i);
            }
            (None, None) => unreachable!("a click without a vote always votes"),
        }
    }
    ballots
}

#[test]
fn the_other_button_switches_and_the_same_one_retracts() {
    assert_eq!(click(None, 1), ClickOutcome::Voted(1));
    assert_eq!(click(Some(1), 0), ClickOutcome::Switched { from: 1, to: 0 });
    assert_eq!(click(Some(0), 0), ClickOutcome::Retracted(0));
    assert_eq!(click(Some(0), 0).current(), None);
    assert_eq!(click(Some(2), 4).current(), Some(4));
}

#[test]
fn one_vote_each_however_often_they_click() {
    let s = secret(1);
    let retro = RetroId(5);
    let (bob, carol, dave) = (11, 12, 13);
    let ballots = play(
        &s,
        retro,
        &[
            (bob, 0, 0),   // 👍
            (bob, 0, 1),   // switch to 👎
            (bob, 0, 1),   // retract
            (bob, 0, 1),   // 👎 again
            (carol, 0, 0), // 👍
            (carol, 0, 0), // retract
            (dave, 0, 0),
            (dave, 1, 1),
            (dave, 1, 0), // switch on statement 2
        ],
    );
    let t = tally_ballots(&Scale::thumbs(), 3, &ballots);
    assert_eq!(t.statements[0].counts, vec![1, 1], "Bob 👎, Dave 👍");
    assert_eq!(t.statements[1].counts, vec![1, 0], "Dave switched to 👍");
    assert_eq!(t.statements[2].counts, vec![0, 0]);
    assert_eq!(t.voters, 2, "Carol took her only vote back");
    assert_eq!(
        ballots.len(),
        3,
        "never more than one ballot per member and statement"
    );
}

#[test]
fn keys_are_stable_per_retro_and_differ_across_members_retros_and_secrets() {
    let s = secret(7);
    let key = member_key(&s, RetroId(1), MemberId(42));
    assert_eq!(
        key,
        member_key(&s, RetroId(1), MemberId(42)),
        "a member can change their vote"
    );
    assert_ne!(key, member_key(&s, RetroId(1), MemberId(43)));
    assert_ne!(
        key,
        member_key(&s, RetroId(2), MemberId(42)),
        "unlinkable across retros"
    );
    assert_ne!(
        key,
        member_key(&secret(8), RetroId(1), MemberId(42)),
        "without this secret the key cannot be recomputed"
    );
}

#[test]
fn hex_round_trips_and_debug_never_prints_secrets() {
    let s = secret(0xab);
    assert_eq!(RetroSecret::from_hex(&s.to_hex()), Some(s.clone()));
    assert!(!format!("{s:?}").contains("ab"), "{s:?}");
    let key = member_key(&s, RetroId(3), MemberId(9));
    assert_eq!(MemberKey::from_hex(&key.to_hex()), Some(key));
    assert_eq!(key.to_hex().len(), 64);
    assert!(MemberKey::from_hex("zz").is_none());
    assert!(MemberKey::from_hex(&"g".repeat(64)).is_none());
    assert_eq!(format!("{key:?}").len(), "MemberKey(12345678…)".len());
}

#[test]
fn small_groups_hide_their_split() {
    assert!(split_visible(0, 3), "no votes reveal nothing");
    assert!(!split_visible(1, 3));
    assert!(!split_visible(2, 3));
    assert!(split_visible(3, 3));
    assert!(split_visible(2, 2));
    assert_eq!(validate_min_voters(2), Ok(2));
    assert!(validate_min_voters(1).unwrap_err().contains("at least 2"));
    assert!(validate_min_voters(0).is_err());
}

#[test]
fn the_threshold_a_retro_started_with_wins_over_the_configured_one() {
    let started = crate::domain::retro::Retro {
        anonymous_min_voters: Some(5),
        ..crate::domain::retro::sample_retro()
    };
    assert_eq!(min_voters_of(&started, 2), 5);
    let older = crate::domain::retro::sample_retro();
    assert_eq!(min_voters_of(&older, 4), 4);
    let corrupt = crate::domain::retro::Retro {
        anonymous_min_voters: Some(0),
        ..crate::domain::retro::sample_retro()
    };
    assert_eq!(min_voters_of(&corrupt, 4), MIN_MIN_VOTERS);
}
