//! Anonymous check-ins through the stand-in: button votes (vote, switch, retract) that show
//! only a count, answers by modal posted without their author (edited and withdrawn with the
//! same button), a typed thread reply refused, the small-group threshold in the summary, and
//! no voter id in the bot's log or in any table once the retro closed.

use retrobot::domain::ids::{ChannelId, MemberId};
use serde_json::{json, Value};

use retrobot::domain::anonymous::member_key;
use retrobot::domain::retro::RetroStatus;

use crate::harness::{is_header, World, QUESTIONS, STATEMENTS, WAIT};
use crate::store_support::audit;
use crate::support::{MessageView, Reply, StandIn, ThreadView};

/// An anonymous retro's posts as members see them.
pub struct AnonymousPosts {
    pub header: MessageView,
    pub statements: Vec<MessageView>,
    pub threads: Vec<ThreadView>,
    /// The first message of each question thread (with the Answer button).
    pub questions: Vec<MessageView>,
}

impl AnonymousPosts {
    /// The custom id of vote button `option` on statement `position`.
    pub fn vote(&self, position: usize, option: usize) -> String {
        self.statements[position].custom_ids()[option].clone()
    }

    pub fn answer_button(&self, question: usize) -> String {
        self.questions[question].custom_ids()[0].clone()
    }
}

/// `/retro start anonymous:true` by Alice; waits until everything is posted.
pub async fn start_anonymous(w: &World, extra: &[(&str, Value)]) -> (Reply, AnonymousPosts) {
    let mut options = vec![("anonymous", json!(true))];
    options.extend(extra.iter().cloned());
    let reply = w.command(w.fx.alice, "retro start", &options).await;
    assert!(
        reply.ephemeral && reply.text.starts_with("Started"),
        "{reply:?}"
    );
    let bot = w.discord.bot_user_id();
    let channel = w.fx.channel;
    let posts = w
        .discord
        .wait_until(WAIT, "the anonymous retro's posts", |d| {
            let messages = d.messages(channel);
            let at = messages
                .iter()
                .rposition(|m| m.author_id == bot && is_header(m))?;
            let header = messages[at].clone();
            let statements: Vec<MessageView> = messages[at..]
                .iter()
                .filter(|m| m.author_id == bot && m.content.starts_with("**Statement"))
                .cloned()
                .collect();
            let threads: Vec<ThreadView> = d
                .threads(channel)
                .into_iter()
                .filter(|t| t.id > header.id)
                .collect();
            let questions: Vec<MessageView> = threads
                .iter()
                .filter_map(|t| d.messages(t.id).into_iter().next())
                .filter(|m| m.custom_ids().iter().any(|id| id.contains(":answer:")))
                .collect();
            let complete = statements.len() == 3
                && statements.iter().all(|m| m.custom_ids().len() == 2)
                && threads.len() == 4
                && questions.len() == 4
                && threads.iter().all(|t| t.bot_is_member);
            complete.then_some(AnonymousPosts {
                header,
                statements,
                threads,
                questions,
            })
        })
        .await;
    (reply, posts)
}

/// `user` clicks `custom_id` on `message` in `channel` and gets an answer.
pub async fn click(w: &World, user: u64, channel: u64, message: u64, custom_id: &str) -> Reply {
    let id = w.discord.click_button(user, channel, message, custom_id);
    w.discord.wait_reply(id, WAIT).await
}

/// `user` opens the answer modal of `question`, checks its prefilled value, and submits `text`.
pub async fn answer(
    w: &World,
    posts: &AnonymousPosts,
    user: u64,
    question: usize,
    prefilled: Option<&str>,
    text: &str,
) -> Reply {
    let thread = posts.threads[question].id;
    let custom_id = posts.answer_button(question);
    let opened = w
        .discord
        .click_button(user, thread, posts.questions[question].id, &custom_id);
    let shown = w.discord.wait_reply(opened, WAIT).await;
    assert_eq!(shown.callback_type, 9, "the Answer button opens a modal");
    let modal = &w.discord.interaction_responses(opened)[0]["data"];
    let input = &modal["components"][0]["components"][0];
    assert_eq!(
        input["value"].as_str(),
        prefilled,
        "prefilled with the answer"
    );
    let submitted = w
        .discord
        .submit_modal(user, thread, &custom_id, &[("answer", text)]);
    w.discord.wait_reply(submitted, WAIT).await
}

/// The answers the bot posted in a thread (embed descriptions), oldest first.
pub fn posted_answers(d: &StandIn, thread: u64) -> Vec<String> {
    let bot = d.bot_user_id();
    d.messages(thread)
        .iter()
        .filter(|m| m.author_id == bot)
        .filter_map(|m| m.embeds.first())
        .filter(|e| e["title"] == "Anonymous answer")
        .map(|e| e["description"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn anonymous_votes_answers_and_summary() {
    let mut w = World::start().await;
    let fx = w.fx.clone();
    let (started, posts) = start_anonymous(&w, &[]).await;
    assert!(started.text.contains("anonymously"), "{}", started.text);
    let header = posts.header.text();
    assert!(header.contains("anonymous check-in"), "{header}");
    for (message, text) in posts.statements.iter().zip(STATEMENTS) {
        assert!(message.content.contains(text), "{}", message.content);
        assert!(message.reactions.is_empty(), "no reactions to show voters");
        assert!(
            message.content.contains("**0** have voted"),
            "{}",
            message.content
        );
    }
    for (message, question) in posts.questions.iter().zip(QUESTIONS) {
        assert!(message.content.contains(question));
    }
    let store = w.store().await;
    let retro = store
        .active_retro_in_channel(ChannelId(fx.channel))
        .await
        .unwrap()
        .unwrap();
    assert!(retro.participation.is_anonymous());
    let secret = store.retro_secret(retro.id).await.unwrap().unwrap();

    // Votes: vote, switch, retract; each member once.
    let ch = fx.channel;
    let (s1, s2) = (posts.statements[0].id, posts.statements[1].id);
    let r = click(&w, fx.bob, ch, s1, &posts.vote(0, 0)).await;
    assert!(r.ephemeral);
    assert!(
        r.text.starts_with("Your vote: 👍 — click again to change"),
        "{}",
        r.text
    );
    let r = click(&w, fx.bob, ch, s1, &posts.vote(0, 1)).await;
    assert!(r.text.starts_with("Your vote: 👎 (was 👍)"), "{}", r.text);
    click(&w, fx.carol, ch, s1, &posts.vote(0, 0)).await;
    click(&w, fx.dave, ch, s1, &posts.vote(0, 1)).await;
    click(&w, fx.bob, ch, s2, &posts.vote(1, 0)).await;
    let r = click(&w, fx.bob, ch, s2, &posts.vote(1, 0)).await;
    assert!(r.text.contains("taken back"), "{}", r.text);
    click(&w, fx.carol, ch, s2, &posts.vote(1, 1)).await;
    // The statements show how many voted, never who.
    w.discord
        .wait_until(WAIT, "the vote counts on the statements", |d| {
            let first = d.message(s1)?.content;
            let second = d.message(s2)?.content;
            (first.contains("**3** have voted") && second.contains("**1** has voted")).then_some(())
        })
        .await;
    for message in [s1, s2] {
        let view = w.discord.message(message).unwrap();
        assert!(view.reactions.is_empty());
        for member in [fx.bob, fx.carol, fx.dave] {
            assert!(!view.text().contains(&member.to_string()));
        }
    }

    // Answers: posted without the author, edited and withdrawn with the same button.
    let (t1, t2) = (posts.threads[0].id, posts.threads[1].id);
    let r = answer(&w, &posts, fx.bob, 0, None, "Weekly customer calls").await;
    assert!(
        r.ephemeral && r.text.contains("without your name"),
        "{}",
        r.text
    );
    let r = answer(
        &w,
        &posts,
        fx.bob,
        0,
        Some("Weekly customer calls"),
        "Weekly customer calls with two key accounts",
    )
    .await;
    assert!(r.text.contains("updated"), "{}", r.text);
    answer(&w, &posts, fx.carol, 0, None, "A shared Slack channel").await;
    let r = answer(&w, &posts, fx.carol, 0, Some("A shared Slack channel"), "").await;
    assert!(r.text.contains("withdrawn"), "{}", r.text);
    answer(&w, &posts, fx.dave, 1, None, "The pricing change").await;
    w.discord
        .wait_until(WAIT, "the answers in their threads", |d| {
            (posted_answers(d, t1) == ["Weekly customer calls with two key accounts"]
                && posted_answers(d, t2) == ["The pricing change"])
            .then_some(())
        })
        .await;
    let bot = w.discord.bot_user_id();
    for thread in [t1, t2] {
        for message in w
            .discord
            .messages(thread)
            .iter()
            .filter(|m| m.author_id == bot)
        {
            let text = message.text();
            for (member, name) in [(fx.bob, "Bob"), (fx.carol, "Carol"), (fx.dave, "Dave")] {
                assert!(
                    !text.contains(&member.to_string()) && !text.contains(name),
                    "{text}"
                );
            }
        }
    }

    // A reply typed into the thread is refused: not counted, and its author is told why.
    let typed = w
        .discord
        .post(fx.dave, t1, "Honestly we rarely talk to customers");
    let notice = w
        .discord
        .wait_until(WAIT, "the notice about a typed reply", |d| {
            d.messages(t1)
                .into_iter()
                .find(|m| m.author_id == bot && m.content.starts_with("<@"))
        })
        .await;
    assert!(
        notice.content.starts_with(&format!("<@{}>", fx.dave)),
        "{}",
        notice.content
    );
    assert_eq!(notice.kind, 19, "a reply to the typed message");
    assert!(
        !notice.content.contains("rarely talk"),
        "the notice quotes nothing"
    );
    w.discord.post(fx.dave, t1, "And another thing");
    assert!(
        w.discord.message(typed).is_some(),
        "the member's message is left to them"
    );

    let status = w.command(fx.alice, "retro status", &[]).await;
    assert!(
        status.text.contains("3 members have voted · 2 replies"),
        "{}",
        status.text
    );

    let closed = w.command(fx.alice, "retro close", &[]).await;
    assert!(closed.text.starts_with("Closed"), "{}", closed.text);
    let summary = w.wait_for_summary(posts.statements[2].id).await;
    for line in [
        format!(
            "**1. {}**\n👍 1 · 👎 2 · 33% agree · 3 participants",
            STATEMENTS[0]
        ),
        format!(
            "**2. {}**\n1 voted · *too few votes to show without revealing who*",
            STATEMENTS[1]
        ),
        format!(
            "**3. {}**\n👍 0 · 👎 0 · no votes · 0 participants",
            STATEMENTS[2]
        ),
        format!("**Q1. {}**\n1 reply · thread: <#{t1}>", QUESTIONS[0]),
        "> Weekly customer calls with two key accounts".to_string(),
        format!("**Q2. {}**\n1 reply · thread: <#{t2}>", QUESTIONS[1]),
        "**3** members voted".to_string(),
        "Anonymous check-in".to_string(),
    ] {
        assert!(
            summary.contains(&line),
            "summary lacks {line:?}:\n{summary}"
        );
    }
    for hidden in [
        "Bob",
        "Carol",
        "Dave",
        "Slack",
        "rarely talk",
        "another thing",
    ] {
        assert!(
            !summary.contains(hidden),
            "summary shows {hidden:?}:\n{summary}"
        );
    }

    // Closed: the buttons are disabled, and nothing links a vote to a member any more.
    w.discord
        .wait_until(WAIT, "the closed retro's buttons disabled", |d| {
            let disabled = |m: &MessageView| {
                m.components.iter().all(|row| {
                    row["components"]
                        .as_array()
                        .is_some_and(|c| c.iter().all(|b| b["disabled"] == true))
                })
            };
            let statements = posts
                .statements
                .iter()
                .all(|s| d.message(s.id).is_some_and(|m| disabled(&m)));
            let questions = posts
                .questions
                .iter()
                .all(|q| d.message(q.id).is_some_and(|m| disabled(&m)));
            (statements && questions).then_some(())
        })
        .await;
    assert_eq!(
        store.retro(retro.id).await.unwrap().unwrap().status,
        RetroStatus::Closed
    );
    let voters = [fx.bob, fx.carol, fx.dave];
    let keys: Vec<String> = voters
        .iter()
        .map(|m| member_key(&secret, retro.id, MemberId(*m)).to_hex())
        .collect();
    let cells = audit::every_cell(&w.database_url).await;
    assert!(cells.iter().any(|c| c.table == "anonymous_answers"));
    for cell in &cells {
        let place = format!("{}.{}", cell.table, cell.column);
        for member in voters {
            assert!(
                !cell.text.contains(&member.to_string()),
                "{place} holds a voter's id"
            );
        }
        for k in &keys {
            assert!(
                !cell.text.contains(k.as_str()),
                "{place} holds a voter's key"
            );
        }
        assert!(
            !cell.text.contains(&secret.to_hex()),
            "{place} holds the secret"
        );
    }

    // Its export, in every format, holds counts and answers but no member id or name, and
    // not the hidden split.
    for format in ["json", "csv", "markdown"] {
        let reply = w
            .command(fx.alice, "retro export", &[("format", Value::from(format))])
            .await;
        let (_, bytes) = reply
            .messages
            .first()
            .and_then(|m| m.attachments.first())
            .unwrap_or_else(|| panic!("an {format} export: {reply:?}"));
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        assert!(
            text.contains("Weekly customer calls with two key accounts"),
            "{text}"
        );
        for member in [fx.bob, fx.carol, fx.dave, fx.alice] {
            assert!(
                !text.contains(&member.to_string()),
                "the {format} export holds member {member}:\n{text}"
            );
        }
        for name in ["Bob", "Carol", "Dave", "Alice"] {
            assert!(
                !text.contains(name),
                "the {format} export names {name}:\n{text}"
            );
        }
    }
    let json_export = w
        .command(fx.alice, "retro export", &[("format", Value::from("json"))])
        .await;
    let doc: Value = serde_json::from_slice(&json_export.messages[0].attachments[0].1).unwrap();
    assert_eq!(doc["statements"][1]["split_hidden"], true);
    assert!(
        doc["statements"][1]["counts"].is_null(),
        "the hidden split stays hidden: {doc}"
    );
    assert_eq!(doc["statements"][0]["counts"][1]["count"], 2);

    // The bot's log never names a voter.
    w.stop_bot().await;
    let log = w.old_logs.join("\n");
    assert!(log.contains("retro closed"), "the log was captured:\n{log}");
    for member in voters {
        assert!(
            !log.contains(&member.to_string()),
            "the log names voter {member}:\n{log}"
        );
    }
    w.finish().await;
}
