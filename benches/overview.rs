//! The organisation overview: 100 teams × 12 closed check-ins of the Squad Health Check (11
//! statements, 8 voters each, some switching) in SQLite. Measured: the store query of every
//! team's latest two check-ins with their votes, the overview model, and the heatmap PNG.
//! Target ≤ 300 ms for all three. Baseline in the same run: a plain `SELECT count(*)` of the
//! same votes over the same connection pool size, so the figure is also a ratio.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use retrobot::chart::render_heatmap_png;
use retrobot::domain::ids::{ChannelId, GuildId, MemberId};
use retrobot::domain::live::Change;
use retrobot::domain::overview::build_overview;
use retrobot::domain::retro::RetroStatus;
use retrobot::domain::template::TemplateCatalog;
use retrobot::store::{NewRetro, SequencedChange, Store, TeamScope};
use sqlx::Row;

const TEAMS: u64 = 100;
const CHECK_INS: u64 = 12;
const VOTERS: u64 = 8;
const GUILD: u64 = 1_000_000_000_000_000_001;
const TEMPLATE: &str = "squad-health-check";

fn channel(team: u64) -> u64 {
    900_000_000_000_000_000 + team
}

/// Fills the store: every team runs its check-ins in turn, each closed after its votes.
async fn fill(store: &Store) {
    let template = TemplateCatalog::builtin().get(TEMPLATE).unwrap().clone();
    let statements = template.statements.len();
    let options = template.scale.len();
    let mut seq = 0;
    for round in 0..CHECK_INS {
        for team in 0..TEAMS {
            let retro = store
                .create_retro(&NewRetro {
                    guild_id: GuildId(GUILD),
                    channel_id: ChannelId(channel(team)),
                    template: template.clone(),
                    title: None,
                    facilitator_id: MemberId(42),
                    created_at: chrono::Utc::now(),
                    closes_at: None,
                    remind_at: None,
                    occurrence: None,
                    team_role_id: None,
                    lease: None,
                    participation: retrobot::domain::retro::Participation::Named,
                })
                .await
                .unwrap();
            store
                .transition(retro.id, RetroStatus::Posting, RetroStatus::Open)
                .await
                .unwrap();
            let mut changes = Vec::new();
            for voter in 0..VOTERS {
                for position in 0..statements {
                    let pick = (team + round + voter + position as u64) as usize;
                    let mut add = |option: usize| {
                        seq += 1;
                        changes.push(SequencedChange {
                            seq,
                            change: Change::MarkAdded {
                                retro: retro.id,
                                position,
                                voter: MemberId(500_000 + voter),
                                option,
                            },
                        });
                    };
                    if voter == 0 {
                        add((pick + 1) % options);
                    }
                    add(pick % options);
                }
            }
            store.apply_changes(&changes).await.unwrap();
            for (from, to) in [
                (RetroStatus::Open, RetroStatus::Closing),
                (RetroStatus::Closing, RetroStatus::Closed),
            ] {
                store.transition(retro.id, from, to).await.unwrap();
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("overview.db").display());
    let store = runtime.block_on(Store::connect(&url)).unwrap();
    runtime.block_on(fill(&store));
    let baseline_pool = runtime
        .block_on(
            sqlx::any::AnyPoolOptions::new()
                .max_connections(4)
                .connect(&format!("{url}?mode=rw")),
        )
        .unwrap();
    let visible: Vec<ChannelId> = (0..TEAMS).map(|t| ChannelId(channel(t))).collect();
    let guild = GuildId(GUILD);
    let count_votes = || async {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM reactions WHERE retro_id IN \
             (SELECT id FROM retros WHERE guild_id = $1 AND status = 'closed')",
        )
        .bind(GUILD as i64)
        .fetch_one(&baseline_pool)
        .await
        .unwrap();
        row.try_get::<i64, _>("n").unwrap()
    };
    let total = runtime.block_on(count_votes());
    assert_eq!(total as u64, TEAMS * CHECK_INS * (VOTERS + 1) * 11);
    let overview_of = || async {
        let check_ins = store
            .latest_check_ins(guild, TEMPLATE, TeamScope::Visible(&visible), 2)
            .await
            .unwrap();
        build_overview(TEMPLATE, &check_ins, 3)
    };
    let overview = runtime.block_on(overview_of());
    assert_eq!(overview.teams.len(), TEAMS as usize);
    let heatmap = overview.heatmap("Squad Health Check", |c| {
        format!("#team-{}", c.get() % 1000)
    });
    let png = render_heatmap_png(&heatmap).unwrap();
    eprintln!("heatmap of {TEAMS} teams: {} bytes", png.len());

    let mut group = c.benchmark_group("overview");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(20);
    group.bench_function("baseline: SELECT count(*) of all votes", |b| {
        b.iter(|| black_box(runtime.block_on(count_votes())))
    });
    group.bench_function("store: latest two check-ins per team", |b| {
        b.iter(|| {
            black_box(runtime.block_on(store.latest_check_ins(
                guild,
                TEMPLATE,
                TeamScope::Visible(&visible),
                2,
            )))
        })
    });
    group.bench_function("heatmap PNG", |b| {
        b.iter(|| black_box(render_heatmap_png(black_box(&heatmap)).unwrap()))
    });
    group.bench_function("overview: store + model + heatmap (100 teams x 12)", |b| {
        b.iter(|| {
            let overview = runtime.block_on(overview_of());
            let heatmap = overview.heatmap("Squad Health Check", |c| {
                format!("#team-{}", c.get() % 1000)
            });
            black_box(render_heatmap_png(&heatmap).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
