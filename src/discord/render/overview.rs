//! The organisation overview as messages: a numbered legend of the statements, then one block
//! per team (channel) with, per statement, the agreement and its trend since the team's
//! previous check-in, and the participants and date of its latest check-in. Numbers only: no
//! member, no reply text. Teams are channel mentions, which Discord shows by name to whoever
//! can see the channel.

use crate::domain::ids::ChannelId;
use crate::domain::overview::{Overview, TeamCell, TeamRow};
use crate::domain::trend::StatementTrend;
use crate::i18n::Language;
use crate::tr;

use super::message::{pack, RenderedMessage, EMBED_TITLE_LIMIT, PACK_BUDGET};

/// The file name of the attached heatmap.
pub const HEATMAP_FILE: &str = "overview-heatmap.png";

/// The overview as messages in `lang` titled `title` (split to fit Discord's limits), teams in
/// the order `team_order` gives (for example by channel name).
pub fn overview_messages(
    lang: Language,
    overview: &Overview,
    title: &str,
    footer: &str,
    team_order: impl Fn(ChannelId) -> String,
) -> Vec<RenderedMessage> {
    let mut blocks = vec![legend(lang, overview)];
    let mut teams: Vec<&TeamRow> = overview.teams.iter().collect();
    teams.sort_by_key(|t| team_order(t.channel));
    blocks.extend(teams.into_iter().map(|t| team_block(lang, t)));
    let chunks = pack(&blocks, PACK_BUDGET);
    let total = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, description)| RenderedMessage {
            title: crate::domain::text::shorten(
                &if total > 1 {
                    format!("{title} ({}/{total})", i + 1)
                } else {
                    title.to_string()
                },
                EMBED_TITLE_LIMIT,
            ),
            description,
            footer: Some(footer.to_string()),
            chart: None,
        })
        .collect()
}

fn legend(lang: Language, overview: &Overview) -> String {
    let mut lines = vec![tr!(
        lang,
        "overview-teams",
        template = overview.template_name.as_str(),
        teams = overview.teams.len()
    )];
    lines.extend(
        overview
            .statements
            .iter()
            .enumerate()
            .map(|(i, text)| format!("{}. {text}", i + 1)),
    );
    lines.join("\n")
}

fn team_block(lang: Language, team: &TeamRow) -> String {
    let mode = if team.anonymous {
        format!(" · {}", lang.t("overview-anonymous"))
    } else {
        String::new()
    };
    let mut lines = vec![format!(
        "<#{}> · {} · <t:{}:d>{mode}",
        team.channel,
        tr!(lang, "overview-participants", voters = team.voters),
        team.closed_at.timestamp()
    )];
    for (i, cell) in team.cells.iter().enumerate() {
        lines.push(format!("{}. {}", i + 1, cell_text(lang, cell.as_ref())));
    }
    lines.join("\n")
}

/// One statement of a team: agreement and trend, or why there is none.
pub fn cell_text(lang: Language, cell: Option<&TeamCell>) -> String {
    let Some(cell) = cell else {
        return lang.t("overview-not-asked");
    };
    if cell.split_hidden {
        return tr!(lang, "overview-split-hidden", voters = cell.participants);
    }
    let Some(percent) = cell.agreement else {
        return lang.t("overview-no-votes");
    };
    tr!(
        lang,
        "overview-agree",
        share = lang.percent(percent as f64 / 100.0),
        trend = trend_text(lang, &cell.trend),
        voters = cell.participants
    )
}

/// ` ▲ +12`, ` ▼ −5`, ` = 0`, ` (first)` or nothing when the previous one had no value.
fn trend_text(lang: Language, trend: &StatementTrend) -> String {
    match (trend, trend.delta_points()) {
        (_, Some(delta)) if delta > 0 => format!(" ▲ +{delta}"),
        (_, Some(delta)) if delta < 0 => format!(" ▼ −{}", -delta),
        (_, Some(_)) => " = 0".to_string(),
        (StatementTrend::FirstCheckIn, None) => format!(" {}", lang.t("overview-first")),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::discord::render::message::EMBED_DESCRIPTION_LIMIT;
    use crate::domain::retro::RetroId;

    fn cell(agreement: Option<i64>, then: Option<i64>, hidden: bool) -> Option<TeamCell> {
        Some(TeamCell {
            agreement,
            split_hidden: hidden,
            participants: 2,
            trend: StatementTrend::Since {
                retro: RetroId(1),
                then,
                now: agreement,
                participants_then: 2,
                participants_now: 2,
            },
        })
    }

    fn overview(teams: usize) -> Overview {
        let statement =
            "As a team, we maintain a trusting and cooperative relationship with our customers.";
        Overview {
            template_key: "customer-obsession".into(),
            template_name: "Customer Obsession".into(),
            statements: (1..=11).map(|i| format!("{i} {statement}")).collect(),
            teams: (0..teams)
                .map(|i| TeamRow {
                    channel: ChannelId(1_000_000_000_000_000_000 + i as u64),
                    retro: RetroId(i as i64),
                    closed_at: Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap(),
                    anonymous: i % 2 == 0,
                    voters: 2,
                    cells: (0..11).map(|_| cell(Some(67), Some(50), false)).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_cell_says_agreement_and_trend_or_only_the_count() {
        assert_eq!(
            cell_text(Language::English, cell(Some(100), Some(50), false).as_ref()),
            "100% agree ▲ +50 · 2 voted"
        );
        assert_eq!(
            cell_text(Language::English, cell(Some(0), Some(100), false).as_ref()),
            "0% agree ▼ −100 · 2 voted"
        );
        assert_eq!(
            cell_text(Language::English, cell(Some(40), Some(40), false).as_ref()),
            "40% agree = 0 · 2 voted"
        );
        let hidden = cell_text(Language::English, cell(None, None, true).as_ref());
        assert!(
            hidden.starts_with("2 voted") && !hidden.contains('%'),
            "{hidden}"
        );
        assert_eq!(cell_text(Language::English, None), "not asked");
    }

    #[test]
    fn a_german_overview_is_worded_in_german() {
        assert_eq!(
            cell_text(Language::German, cell(Some(67), Some(50), false).as_ref()),
            "67 % Zustimmung ▲ +17 · 2 abgestimmt"
        );
        assert_eq!(cell_text(Language::German, None), "nicht gefragt");
        let parts = overview_messages(
            Language::German,
            &overview(1),
            "Überblick",
            "Nur Zahlen.",
            |c| c.to_string(),
        );
        assert!(
            parts[0].description.contains("· 1 Team\n"),
            "{}",
            parts[0].description
        );
        assert!(
            parts[0].description.contains("2 Personen"),
            "{}",
            parts[0].description
        );
        assert!(
            parts[0].description.contains("· anonym"),
            "{}",
            parts[0].description
        );
    }

    #[test]
    fn a_hundred_teams_are_split_into_messages_within_discords_limits() {
        let parts = overview_messages(
            Language::English,
            &overview(100),
            "Overview",
            "Numbers only.",
            |c| c.to_string(),
        );
        assert!(parts.len() > 1);
        let all: String = parts.iter().map(|p| p.description.clone()).collect();
        for part in &parts {
            assert!(part.description.chars().count() <= EMBED_DESCRIPTION_LIMIT);
            let total = part.title.chars().count()
                + part.description.chars().count()
                + part.footer.as_deref().map_or(0, |f| f.chars().count());
            assert!(total <= 6_000);
        }
        for i in 0..100u64 {
            assert!(all.contains(&format!("<#{}>", 1_000_000_000_000_000_000 + i)));
        }
        assert!(parts[1].title.contains("(2/"), "{}", parts[1].title);
    }
}
