//! A burst of reactions: 1,000 members on 3 statements, with switches and retractions, sent
//! as fast as the stand-in can dispatch them. Every vote is recorded, in order per member.

use crate::harness::{eventually, World, STATEMENTS};
use retrobot::domain::ids::ChannelId;

const MEMBERS: usize = 1_000;

/// What one member does on one statement, in order: `(emoji, added)`.
fn actions(member: usize, statement: usize) -> Vec<(&'static str, bool)> {
    let first = if (member + statement).is_multiple_of(3) {
        "👎"
    } else {
        "👍"
    };
    let other = if first == "👍" { "👎" } else { "👍" };
    let mut steps = vec![(first, true)];
    if member % 10 == statement {
        steps.push((other, true)); // 10 % switch: the newest wins
    }
    if member % 20 == 7 + statement {
        let last = steps.last().unwrap().0;
        steps.push((last, false)); // 5 % retract the newest
    }
    steps
}

/// The expected result by replaying the actions with the vote rule written out plainly.
fn expected_counts(statement: usize) -> (usize, usize) {
    let (mut up, mut down) = (0, 0);
    for member in 0..MEMBERS {
        let mut present: Vec<&str> = Vec::new();
        for (emoji, added) in actions(member, statement) {
            present.retain(|e| *e != emoji);
            if added {
                present.push(emoji);
            }
        }
        match present.last() {
            Some(&"👍") => up += 1,
            Some(_) => down += 1,
            None => {}
        }
    }
    (up, down)
}

#[tokio::test]
async fn a_burst_of_votes_is_recorded_in_full_and_in_order() {
    let w = World::start().await;
    let (_, posted) = w.start_retro(&[]).await;
    let members: Vec<u64> = (0..MEMBERS)
        .map(|i| {
            w.discord
                .add_member(w.fx.guild, &format!("Member {i}"), &[])
        })
        .collect();
    let mut events = 0;
    for statement in 0..3 {
        let message = posted.statements[statement].id;
        for (i, member) in members.iter().enumerate() {
            for (emoji, added) in actions(i, statement) {
                if added {
                    w.discord.react(*member, w.fx.channel, message, emoji);
                } else {
                    w.discord.unreact(*member, w.fx.channel, message, emoji);
                }
                events += 1;
            }
        }
    }
    assert!(events >= 3_000, "{events} events");

    // Before any reconciliation: the writer recorded every event, in order per member.
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(w.fx.channel))
        .await
        .unwrap()
        .unwrap();
    let expected: Vec<Vec<u32>> = (0..3)
        .map(|s| {
            let (up, down) = expected_counts(s);
            vec![up as u32, down as u32]
        })
        .collect();
    eventually("every vote of the burst is recorded", || async {
        let marks = store.marks(retro.id).await.unwrap();
        let tally = retrobot::domain::tally::tally(&retro.template.scale, 3, &marks);
        tally
            .statements
            .iter()
            .map(|s| s.counts.clone())
            .collect::<Vec<_>>()
            == expected
    })
    .await;

    let closed = w.command(w.fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    for (statement, text) in STATEMENTS.iter().enumerate() {
        let (up, down) = expected_counts(statement);
        let line = format!("**{}. {text}**\n👍 {up} · 👎 {down} ·", statement + 1);
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    w.finish().await;
}
