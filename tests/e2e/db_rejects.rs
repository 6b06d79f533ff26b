//! A change the database rejects for good among many good ones: 50 members vote and one reply
//! the database refuses (a trigger the test adds to the bot's migrated database, as a
//! constraint or a corrupt page would) arrives among them. Every vote and every other reply
//! counts, the refusal is logged and counted on /metrics, the retro closes and the bot stays
//! healthy. On SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is set.

use retrobot::domain::ids::ChannelId;
use sqlx::Connection;

use crate::faults::{free_port, metric};
use crate::harness::{eventually, s, World, STATEMENTS};
use crate::store_support::postgres;

/// Replies containing this are refused by the database.
const MARKER: &str = "REJECT-ME";

/// Makes SQLite refuse every reply containing [`MARKER`].
const SQLITE_TRIGGER: &str = "CREATE TRIGGER reject_marked_replies BEFORE INSERT ON replies \
     WHEN NEW.content LIKE '%REJECT-ME%' \
     BEGIN SELECT RAISE(ABORT, 'replies marked REJECT-ME are refused'); END";

/// Makes PostgreSQL refuse every reply containing [`MARKER`].
const POSTGRES_TRIGGER: &str = "CREATE FUNCTION reject_marked_reply() RETURNS trigger \
     LANGUAGE plpgsql AS $$ BEGIN \
       IF NEW.content LIKE '%REJECT-ME%' THEN \
         RAISE EXCEPTION 'replies marked REJECT-ME are refused'; \
       END IF; \
       RETURN NEW; \
     END $$; \
     CREATE TRIGGER reject_marked_replies BEFORE INSERT OR UPDATE ON replies \
     FOR EACH ROW EXECUTE FUNCTION reject_marked_reply();";

/// Adds the refusing trigger to the (already migrated) database at `url`.
async fn refuse_marked_replies(url: &str) {
    if url.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(url)
            .await
            .expect("open the bot's SQLite file");
        sqlx::raw_sql(SQLITE_TRIGGER)
            .execute(&mut db)
            .await
            .expect("add the trigger");
    } else {
        let mut db = sqlx::PgConnection::connect(url)
            .await
            .expect("connect to the bot's PostgreSQL database");
        sqlx::raw_sql(POSTGRES_TRIGGER)
            .execute(&mut db)
            .await
            .expect("add the trigger");
    }
}

/// The whole story on the database at `database_url` (default: a new SQLite file).
async fn one_rejected_reply_among_fifty_votes(database_url: Option<String>) {
    let port = free_port();
    let config = format!("metrics_addr = \"127.0.0.1:{port}\"\n");
    let w = World::start_custom(Some(&config), &[], database_url, Vec::new()).await;
    refuse_marked_replies(&w.database_url).await;
    let fx = w.fx.clone();
    let voters: Vec<u64> = (1..=50)
        .map(|n| w.discord.add_member(fx.guild, &format!("Voter {n}"), &[]))
        .collect();
    let (_, posted) = w.start_retro(&[("title", s("Fifty voices"))]).await;
    let (ch, statement, thread) = (fx.channel, posted.statements[0].id, posted.threads[0].id);

    w.discord.post(fx.bob, thread, "Customer calls every week");
    for (n, voter) in voters.iter().enumerate() {
        let emoji = if n % 5 == 0 { "👎" } else { "👍" };
        w.discord.react(*voter, ch, statement, emoji);
        if n == 25 {
            w.discord.post(
                fx.dave,
                thread,
                &format!("{MARKER} a reply nobody may store"),
            );
        }
    }
    w.discord.post(fx.carol, thread, "A shared support inbox");

    // The writer got past the refused reply: everything else is recorded before the close.
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(ch))
        .await
        .unwrap()
        .expect("the retro is open");
    eventually(
        "50 voters and the two good replies are recorded",
        || async {
            let p = store.participation(retro.id).await.unwrap();
            p.voters == 50 && p.replies == 2
        },
    )
    .await;
    assert!(
        metric(port, "retrobot_ingest_rejected_total").await >= 1.0,
        "the refused change is counted"
    );
    assert!(
        w.bot_logs()
            .contains("the database rejected a change; it is skipped"),
        "the refused change is logged"
    );

    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posted.statements[2].id).await;
    for line in [
        format!(
            "**1. {}**\n👍 40 · 👎 10 · 80% agree · 50 participants",
            STATEMENTS[0]
        ),
        "> Customer calls every week\n— **Bob**".to_string(),
        "> A shared support inbox\n— **Carol**".to_string(),
        "**50** members voted".to_string(),
    ] {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    let health = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .expect("/healthz answers");
    assert_eq!(health.status(), 200, "the bot is healthy after the refusal");
    w.finish().await;
}

#[tokio::test]
async fn a_reply_the_database_rejects_among_fifty_votes_leaves_every_vote_counted() {
    one_rejected_reply_among_fifty_votes(None).await;
}

#[tokio::test]
async fn a_reply_postgres_rejects_among_fifty_votes_leaves_every_vote_counted() {
    let Some(db) = postgres().await else { return };
    one_rejected_reply_among_fifty_votes(Some(db.url.clone())).await;
    db.drop_database().await;
}
