//! Property tests of everything the bot renders from member text: random and adversarial texts
//! (markdown, code fences, masked links, mentions, thousands of line breaks, one-character
//! lines, words longer than a line, emoji sequences, Discord's 4,000-character maximum) in every
//! message kind, each message checked against every Discord limit by
//! [`check_discord_limits`], and checked to carry no link or mention a member planted.

use chrono::{NaiveDate, Utc};
use proptest::prelude::*;
use serde::Serialize;

use super::limits::check_discord_limits;
use super::{reports, retro, summary};
use crate::discord::participation::{buttons, reactions};
use crate::domain::action::Action;
use crate::domain::ids::{ChannelId, GuildId, MemberId, MessageId};
use crate::domain::report::SummaryExtras;
use crate::domain::retro::{Participation, Retro, RetroId, RetroStatus};
use crate::domain::summary::{build_summary, Reply};
use crate::domain::template::{Scale, Template};
use crate::domain::vote::Mark;

/// Longest message a member can post (with Nitro), in characters.
const MESSAGE_MAX: usize = 4_000;

/// Pieces that attack formatting, links, mentions, measuring and splitting.
const PIECES: &[&str] = &[
    "\n",
    "\n\n\n\n",
    "\r\n",
    "a",
    "b ",
    "word ",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "||",
    "`",
    "```",
    "```rust\n",
    "\\",
    "\\\\",
    "> ",
    ">>> ",
    "# ",
    "-# ",
    "- ",
    "1. ",
    "[",
    "]",
    "(",
    ")",
    "[click](https://evil.example/x)",
    "[a\\]b](https://evil.example)",
    "@everyone",
    "@here",
    "<@999>",
    "<@!999>",
    "<@&998>",
    "<#997>",
    "<t:1:R>",
    "</retro close:1>",
    "<:e:996>",
    "https://example.com/a_b*c",
    "👍",
    "👍🏽",
    "👩‍👩‍👧",
    "🇫🇷",
    "🏳️‍🌈",
    "é",
    "𝕏",
    "\u{200B}",
    "\u{202E}",
    "\t",
];

/// A member's text: adversarial pieces, plain random text, runs of line breaks, one-character
/// lines or one long word, capped at `max` characters.
fn member_text(max: usize) -> impl Strategy<Value = String> {
    let pieces =
        prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|p| p.concat());
    let random = "\\PC{0,600}";
    let breaks = (0usize..MESSAGE_MAX).prop_map(|n| "\n".repeat(n));
    let short_lines =
        (0usize..2_000, prop::sample::select(PIECES)).prop_map(|(n, p)| format!("{p}\n").repeat(n));
    let long_word =
        (0usize..MESSAGE_MAX, prop::sample::select(PIECES)).prop_map(|(n, p)| p.trim().repeat(n));
    prop_oneof![
        pieces,
        random.prop_map(String::from),
        breaks,
        short_lines,
        long_word
    ]
    .prop_map(move |t| t.chars().take(max).collect())
}

fn template(items: &[String], description: String) -> Template {
    let half = items.len() / 2;
    Template {
        key: "custom".into(),
        name: items.first().cloned().unwrap_or_default(),
        description,
        statements: items[..half.max(1)].to_vec(),
        questions: items[half.max(1)..].to_vec(),
        scale: Scale::thumbs(),
        translations: Default::default(),
        language: crate::domain::template_translation::SOURCE_LANGUAGE.to_string(),
    }
}

fn retro_of(template: Template, title: String, participation: Participation) -> Retro {
    Retro {
        id: RetroId(7),
        guild_id: GuildId(1),
        channel_id: ChannelId(2),
        template,
        title: Some(title),
        facilitator_id: MemberId(3),
        status: RetroStatus::Closing,
        created_at: Utc::now(),
        closes_at: None,
        header_message_id: None,
        participation,
        anonymous_min_voters: None,
    }
}

fn action(id: i64, text: &str) -> Action {
    Action {
        id,
        retro: RetroId(7),
        channel_id: ChannelId(2),
        text: text.chars().take(300).collect(),
        owner_id: Some(MemberId(5)),
        due: NaiveDate::from_ymd_opt(2026, 11, 20),
        created_by: MemberId(5),
        created_at: Utc::now(),
        done_at: None,
    }
}

/// Where `needle` occurs with its first character not escaped by a backslash.
fn unescaped(text: &str, needle: &str) -> bool {
    text.match_indices(needle)
        .any(|(at, _)| text[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 0)
}

/// `message` within every limit, with no link, mention or code fence planted by a member.
fn assert_valid(message: &impl Serialize) {
    if let Err(broken) = check_discord_limits(message) {
        panic!("limits broken: {broken:?}");
    }
    let json = serde_json::to_string(message).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut texts = vec![json["content"].as_str().unwrap_or_default().to_string()];
    for embed in json["embeds"].as_array().into_iter().flatten() {
        for field in [
            &embed["title"],
            &embed["description"],
            &embed["footer"]["text"],
        ] {
            texts.push(field.as_str().unwrap_or_default().to_string());
        }
    }
    for text in texts {
        for planted in [
            "](https://evil",
            "@everyone",
            "@here",
            "<@999>",
            "<@!999>",
            "<@&998>",
            "<#997>",
            "<t:1:R>",
            "</retro",
            "<:e:",
            "```",
            "||",
        ] {
            assert!(
                !unescaped(&text, planted),
                "{planted:?} is live in {text:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn summaries_fit_and_stay_inert(
        replies in prop::collection::vec(member_text(MESSAGE_MAX), 1..12),
        names in prop::collection::vec(member_text(100), 1..4),
        items in prop::collection::vec(member_text(1_000), 2..6),
        title in member_text(100),
        many in 0usize..120,
        anonymous in any::<bool>(),
    ) {
        let participation = if anonymous { Participation::Anonymous } else { Participation::Named };
        let retro = retro_of(template(&items, String::new()), title, participation);
        let questions = retro.template.questions.len();
        let mut all: Vec<Reply> = replies
            .iter()
            .cycle()
            .take(replies.len() + many)
            .enumerate()
            .map(|(i, content)| Reply {
                message_id: MessageId(100 + i as u64),
                question: i % questions,
                author_id: MemberId(i as u64 % 7),
                author_name: names[i % names.len()].clone(),
                content: content.clone(),
            })
            .collect();
        all.truncate(replies.len() + many);
        let total = all.len();
        let marks = vec![Mark { position: 0, voter: MemberId(1), option: 0, seq: 1 }];
        let mut built = build_summary(&retro, &marks, all, &[Some(ChannelId(10))]);
        built.anonymous = anonymous;
        let extras = SummaryExtras {
            actions: names.iter().enumerate().map(|(i, n)| action(i as i64, n)).collect(),
            today: NaiveDate::from_ymd_opt(2026, 11, 22),
            ..SummaryExtras::default()
        };
        let parts = summary::summary_with(&built, &extras);
        prop_assert!(parts.len() <= summary::MAX_PARTS);
        prop_assert!(parts[0].title.contains("Summary"));
        for part in &parts {
            assert_valid(&part.to_create_message());
        }
        // Every reply is shown or counted as "… N more replies: see `/retro export`" (member
        // lines are quoted, so no line of theirs starts like the bot's).
        let lines: Vec<&str> = parts.iter().flat_map(|p| p.description.lines()).collect();
        let pointed: usize = lines
            .iter()
            .filter_map(|l| l.strip_prefix("*… "))
            .map(|l| l.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        prop_assert!(pointed <= total);
        if !anonymous {
            let shown = lines.iter().filter(|l| l.starts_with("— **")).count();
            prop_assert_eq!(shown + pointed, total);
        }
    }

    #[test]
    fn headers_statements_questions_and_answers_fit_and_stay_inert(
        items in prop::collection::vec(member_text(1_000), 2..8),
        description in member_text(1_000),
        title in member_text(100),
        answer in member_text(buttons::render::MAX_ANSWER_CHARS as usize),
        actions in prop::collection::vec(member_text(300), 0..40),
    ) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let actions: Vec<Action> =
            actions.iter().enumerate().map(|(i, t)| action(i as i64, t)).collect();
        for participation in [Participation::Named, Participation::Anonymous] {
            let retro = retro_of(template(&items, description.clone()), title.clone(), participation);
            let how = if participation.is_anonymous() {
                buttons::render::how_to_take_part(&retro.template)
            } else {
                reactions::render::how_to_take_part(&retro)
            };
            let mut header = retro::header(&retro, &how);
            if let Some(open) = reports::open_actions_embed(crate::i18n::Language::English, &actions, today) {
                header = header.add_embed(open);
            }
            assert_valid(&header);
            for position in 0..retro.template.statements.len() {
                assert_valid(&reactions::render::statement(&retro, position));
                assert_valid(&buttons::render::statement(&retro, position));
                assert_valid(&buttons::render::statement_edit(&retro, position, 12, false));
            }
            for position in 0..retro.template.questions.len() {
                assert_valid(&reactions::render::question(&retro, position));
                assert_valid(&buttons::render::question(&retro, position));
                assert_valid(&buttons::render::question_closed(&retro, position));
                prop_assert!(retro::thread_name(&retro.template.questions[position]).chars().count() <= 100);
            }
        }
        assert_valid(&buttons::render::answer(
            crate::i18n::Language::English,
            &answer,
            "token-token-token",
        ));
        assert_valid(&buttons::render::answer_edit(
            crate::i18n::Language::English,
            &answer,
            "token-token-token",
        ));
        let blocks = reports::actions_blocks(crate::i18n::Language::English, "Action items", &actions, Some(today));
        for part in reports::pack_parts(crate::i18n::Language::English, "Action items", &blocks, None) {
            assert_valid(&part.to_create_message());
        }
    }
}
