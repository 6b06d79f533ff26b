//! Closing a big retro: tally 10,000 voters on 3 statements and render a summary with 2,000
//! replies. Target: ≤ 50 ms for tally + render. Baseline in the same run: summing the raw
//! marks (one pass, no rules), so the figure is reported as a ratio too.

use std::hint::black_box;

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use retrobot::discord::render;
use retrobot::domain::retro::{Retro, RetroId, RetroStatus};
use retrobot::domain::summary::{build_summary, Reply};
use retrobot::domain::template::TemplateCatalog;
use retrobot::domain::vote::Mark;

const VOTERS: u64 = 10_000;
const REPLIES: u64 = 2_000;

fn big_retro() -> (Retro, Vec<Mark>, Vec<Reply>) {
    let retro = Retro {
        id: RetroId(1),
        guild_id: 1,
        channel_id: 2,
        template: TemplateCatalog::builtin()
            .get("customer-obsession")
            .unwrap()
            .clone(),
        title: Some("Big".into()),
        facilitator_id: 3,
        status: RetroStatus::Closing,
        created_at: Utc::now(),
        closes_at: None,
        header_message_id: None,
        anonymous: false,
        anonymous_min_voters: None,
    };
    let mut marks = Vec::new();
    let mut seq = 0;
    for voter in 0..VOTERS {
        for position in 0..3 {
            seq += 1;
            marks.push(Mark {
                position,
                voter,
                option: (voter as usize + position) % 2,
                seq,
            });
            if voter % 10 == 0 {
                seq += 1;
                marks.push(Mark {
                    position,
                    voter,
                    option: (voter as usize + position + 1) % 2,
                    seq,
                });
            }
        }
    }
    let replies = (0..REPLIES)
        .map(|i| Reply {
            message_id: 1_000_000 + i,
            question: (i % 4) as usize,
            author_id: i % 500,
            author_name: format!("Member {}", i % 500),
            content: format!("Reply number {i}: we talk to customers through the support queue and a monthly call."),
        })
        .collect();
    (retro, marks, replies)
}

fn bench(c: &mut Criterion) {
    let (retro, marks, replies) = big_retro();
    let threads = [Some(10), Some(11), Some(12), Some(13)];
    c.bench_function("baseline: sum raw marks", |b| {
        b.iter(|| {
            black_box(&marks)
                .iter()
                .map(|m| m.option as u64)
                .sum::<u64>()
        })
    });
    c.bench_function("tally + render summary (10k voters, 2k replies)", |b| {
        b.iter(|| {
            let summary = build_summary(
                black_box(&retro),
                black_box(&marks),
                replies.clone(),
                &threads,
            );
            render::summary(&summary)
        })
    });
    let parts = render::summary(&build_summary(&retro, &marks, replies.clone(), &threads));
    assert!(parts
        .iter()
        .all(|p| p.description.chars().count() <= render::EMBED_DESCRIPTION_LIMIT));
}

criterion_group!(benches, bench);
criterion_main!(benches);
