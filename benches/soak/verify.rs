//! The end of the soak: every retro's summary against the stand-in's final world (the votes
//! and replies members actually left; for anonymous check-ins, what the bot confirmed to them),
//! messages the bot posted twice, and the invalid requests it sent.

use std::collections::{BTreeMap, HashMap};

use crate::ledger::{ExpectedAnswers, ExpectedVotes, Ledger};
use crate::support::{MessageView, StandIn};
use crate::world::{leftover_threads, Posted, QUESTIONS, SCALE, STATEMENTS};

/// What the checks found.
#[derive(Default, Debug)]
pub struct Findings {
    pub retros: usize,
    pub anonymous: usize,
    pub summaries: usize,
    pub votes_expected: usize,
    pub votes_lost: usize,
    /// Votes a summary shows that nobody left.
    pub votes_phantom: usize,
    /// Anonymous votes whose confirmation never came (tolerated either way).
    pub votes_unconfirmed: usize,
    pub replies_expected: usize,
    pub replies_lost: usize,
    pub reply_counts_wrong: usize,
    pub double_posts: usize,
    /// Question threads left behind by starts that failed (belonging to no retro).
    pub leftover_threads: usize,
    /// One line per problem (the first ones are printed).
    pub problems: Vec<String>,
}

impl Findings {
    pub fn failed(&self) -> bool {
        self.votes_lost
            + self.votes_phantom
            + self.double_posts
            + self.replies_lost
            + self.reply_counts_wrong
            > 0
    }
}

/// The line under the `**{heading}` line of a summary.
fn line_after<'a>(summary: &'a str, heading: &str) -> Option<&'a str> {
    let at = summary.find(heading)?;
    summary[at..].lines().nth(1)
}

/// Votes per option a statement line shows (`👍 3 · 👎 1 · …`), or only the number of voters
/// (`4 voted · *too few votes…*`).
enum Shown {
    Counts(Vec<usize>),
    VotersOnly(usize),
}

fn leading_number(text: &str) -> Option<usize> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn shown_votes(line: &str) -> Option<Shown> {
    if line.contains("too few votes") {
        return leading_number(line).map(Shown::VotersOnly);
    }
    let parts: Vec<&str> = line.split(" · ").collect();
    SCALE
        .iter()
        .map(|emoji| {
            parts
                .iter()
                .find_map(|p| p.strip_prefix(emoji))
                .and_then(leading_number)
        })
        .collect::<Option<Vec<usize>>>()
        .map(Shown::Counts)
}

/// Identical messages the bot posted in one place (same content, embeds and buttons).
fn duplicates(messages: &[MessageView]) -> usize {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for m in messages {
        let key = format!("{}|{:?}|{:?}", m.content, m.embeds, m.components);
        *seen.entry(key).or_default() += 1;
    }
    seen.values().map(|n| n - 1).sum()
}

pub fn check(discord: &StandIn, posted: &HashMap<u64, Vec<Posted>>, ledger: &Ledger) -> Findings {
    let mut f = Findings::default();
    let bot = discord.bot_user_id();
    for (channel, retros) in posted {
        let leftovers = leftover_threads(discord, *channel, retros);
        if !leftovers.is_empty() {
            f.leftover_threads += leftovers.len();
            f.problems.push(format!(
                "channel {channel}: threads of no retro left behind: {leftovers:?}"
            ));
        }
    }
    for retro in posted.values().flatten() {
        f.retros += 1;
        f.anonymous += usize::from(retro.anonymous);
        let here = format!("retro {} in channel {}", retro.header, retro.channel);
        let extra = retro.statements.len().saturating_sub(STATEMENTS)
            + retro.threads.len().saturating_sub(QUESTIONS);
        let twice = duplicates(&retro.bot_messages) + extra;
        let in_threads: usize = retro
            .threads
            .iter()
            .map(|(t, _)| {
                let own: Vec<MessageView> = discord
                    .messages(*t)
                    .into_iter()
                    .filter(|m| m.author_id == bot && !m.ephemeral)
                    .collect();
                duplicates(&own)
            })
            .sum();
        if twice + in_threads > 0 {
            f.double_posts += twice + in_threads;
            f.problems.push(format!(
                "{here}: {} message(s) posted twice",
                twice + in_threads
            ));
        }
        let summary: String = retro
            .summary
            .iter()
            .map(MessageView::text)
            .collect::<Vec<_>>()
            .join("\n");
        if retro.summary.is_empty() {
            f.problems.push(format!(
                "{here}: no summary (complete posts: {})",
                retro.complete()
            ));
        } else {
            f.summaries += 1;
        }
        for (index, statement) in retro.statements.iter().enumerate().take(STATEMENTS) {
            let expected = if retro.anonymous {
                ledger.expected_votes(retro.header, index, SCALE.len())
            } else {
                let now = discord.message(statement.id);
                let counts = SCALE
                    .iter()
                    .map(|e| {
                        now.as_ref()
                            .map_or(0, |m| m.reactors(e).iter().filter(|u| **u != bot).count())
                    })
                    .collect();
                ExpectedVotes { counts, unknown: 0 }
            };
            check_statement(&mut f, &here, &summary, index, &expected);
        }
        for (index, (thread, _)) in retro.threads.iter().enumerate().take(QUESTIONS) {
            let expected = if retro.anonymous {
                ledger.expected_answers(retro.header, index)
            } else {
                let texts = discord
                    .messages(*thread)
                    .into_iter()
                    .filter(|m| m.author_id != bot)
                    .map(|m| m.content)
                    .collect();
                ExpectedAnswers { texts, unknown: 0 }
            };
            check_question(&mut f, &here, &summary, index, &expected);
        }
    }
    f
}

fn check_statement(
    f: &mut Findings,
    here: &str,
    summary: &str,
    index: usize,
    expected: &ExpectedVotes,
) {
    let known: usize = expected.counts.iter().sum();
    f.votes_expected += known;
    f.votes_unconfirmed += expected.unknown;
    let shown = line_after(summary, &format!("**{}. ", index + 1)).and_then(shown_votes);
    let (lost, phantom) = match shown {
        None => (known, 0),
        Some(Shown::Counts(counts)) => {
            counts
                .iter()
                .zip(&expected.counts)
                .fold((0, 0), |(l, p), (s, k)| {
                    (
                        l + k.saturating_sub(*s),
                        p + s.saturating_sub(k + expected.unknown),
                    )
                })
        }
        Some(Shown::VotersOnly(voters)) => (
            known.saturating_sub(voters),
            voters.saturating_sub(known + expected.unknown),
        ),
    };
    if lost + phantom > 0 {
        f.problems.push(format!(
            "{here}: statement {}: expected {:?} (+{} unconfirmed), summary line {:?}",
            index + 1,
            expected.counts,
            expected.unknown,
            line_after(summary, &format!("**{}. ", index + 1)).unwrap_or("missing")
        ));
    }
    f.votes_lost += lost;
    f.votes_phantom += phantom;
}

fn check_question(
    f: &mut Findings,
    here: &str,
    summary: &str,
    index: usize,
    expected: &ExpectedAnswers,
) {
    f.replies_expected += expected.texts.len();
    if summary.is_empty() {
        f.replies_lost += expected.texts.len();
        return;
    }
    let missing: Vec<&String> = expected
        .texts
        .iter()
        .filter(|t| !summary.contains(&format!("> {t}")))
        .collect();
    f.replies_lost += missing.len();
    let shown = line_after(summary, &format!("**Q{}. ", index + 1)).and_then(leading_number);
    let fits = shown
        .is_some_and(|n| n >= expected.texts.len() && n <= expected.texts.len() + expected.unknown);
    if !fits {
        f.reply_counts_wrong += 1;
    }
    if !missing.is_empty() || !fits {
        f.problems.push(format!(
            "{here}: question {}: {} replies expected (+{} unconfirmed), summary says {shown:?}; missing {missing:?}",
            index + 1,
            expected.texts.len(),
            expected.unknown
        ));
    }
}

/// Requests the stand-in refused with a 4xx (not injected), by method, route and status.
pub fn invalid_requests(discord: &StandIn) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for r in discord
        .requests()
        .iter()
        .filter(|r| (400..500).contains(&r.status) && !r.injected)
    {
        let route: String = r
            .path
            .split('/')
            .map(|seg| match seg {
                _ if !seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit()) => ":id",
                // Interaction tokens stay out of the report.
                _ if seg.len() > 24 => ":token",
                _ => seg,
            })
            .collect::<Vec<_>>()
            .join("/");
        let code = r.error_code.map_or(String::new(), |c| format!(" code {c}"));
        *out.entry(format!("{} {route} -> {}{code}", r.method, r.status))
            .or_default() += 1;
    }
    out
}

/// Requests answered by an injected fault.
pub fn injected_answers(discord: &StandIn) -> usize {
    discord.requests().iter().filter(|r| r.injected).count()
}
