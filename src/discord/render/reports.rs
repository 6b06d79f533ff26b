//! Rendering what looks back: action items (in the summary, the next check-in's header and
//! `/retro action list`), `/retro history` answers, all packed within Discord's limits.

use chrono::NaiveDate;
use serenity::all::CreateEmbed;

use super::message::{pack, RenderedMessage, EMBED_TITLE_LIMIT};
use crate::discord::words;
use crate::domain::action::Action;
use crate::domain::report::ChartData;
use crate::domain::text::{discord_len, shorten};
use crate::i18n::Language;
use crate::tr;

/// Budget of the "open actions" embed under a retro's header (the message's embeds share
/// 6,000 characters with the header).
const OPEN_ACTIONS_BUDGET: usize = 2_400;
/// Description budget of a packed answer (headroom under 4,096 and 6,000 with title/footer).
const PART_BUDGET: usize = 3_900;
/// Accent colour of the "open actions" embed.
const ACTIONS_COLOUR: u32 = 0xE0A526;

/// A heading block, then one block per action in `lang` (nothing without actions).
pub fn actions_blocks(
    lang: Language,
    title: &str,
    actions: &[Action],
    today: Option<NaiveDate>,
) -> Vec<String> {
    if actions.is_empty() {
        return Vec::new();
    }
    let today = today.unwrap_or(NaiveDate::MIN);
    let mut blocks = vec![title.to_string()];
    blocks.extend(actions.iter().map(|a| words::action(lang, a, today)));
    blocks
}

/// The embed a new check-in opens with: the channel's open actions from earlier check-ins,
/// overdue ones marked, in `lang`. Actions that do not fit are counted and pointed to, never
/// dropped silently.
pub fn open_actions_embed(
    lang: Language,
    actions: &[Action],
    today: NaiveDate,
) -> Option<CreateEmbed> {
    if actions.is_empty() {
        return None;
    }
    let overdue = actions.iter().filter(|a| a.is_overdue(today)).count();
    let mut description = String::new();
    let mut shown = 0;
    for action in actions {
        let line = format!("• {}\n", words::action(lang, action, today));
        let rest = actions.len() - shown - 1;
        let reserve = if rest > 0 { 80 } else { 0 };
        if discord_len(&description) + discord_len(&line) + reserve > OPEN_ACTIONS_BUDGET {
            break;
        }
        description.push_str(&line);
        shown += 1;
    }
    if shown < actions.len() {
        description.push_str(&tr!(lang, "actions-more", more = actions.len() - shown));
    }
    let overdue = if overdue > 0 {
        tr!(lang, "actions-overdue", overdue = overdue)
    } else {
        String::new()
    };
    Some(
        CreateEmbed::new()
            .title(tr!(
                lang,
                "actions-open-title",
                count = actions.len(),
                overdue = overdue
            ))
            .description(description.trim_end().to_string())
            .colour(ACTIONS_COLOUR),
    )
}

/// Blocks packed into answer messages in `lang` titled `title` (`(continued)` after the first,
/// with part numbers when there are several). The chart goes with the first.
pub fn pack_parts(
    lang: Language,
    title: &str,
    blocks: &[String],
    chart: Option<ChartData>,
) -> Vec<RenderedMessage> {
    let chunks = pack(blocks, PART_BUDGET);
    let count = chunks.len();
    let title = shorten(title, EMBED_TITLE_LIMIT - 20);
    let mut chart = chart;
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, description)| RenderedMessage {
            title: if i == 0 {
                title.clone()
            } else {
                tr!(lang, "report-continued", title = title.as_str())
            },
            description,
            footer: (count > 1).then(|| tr!(lang, "report-part", part = i + 1, parts = count)),
            chart: chart.take(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChannelId, MemberId};
    use crate::domain::retro::RetroId;
    use chrono::Utc;

    fn action(id: i64, due: Option<NaiveDate>) -> Action {
        Action {
            id,
            retro: RetroId(1),
            channel_id: ChannelId(2),
            text: "x".repeat(250),
            owner_id: Some(MemberId(5)),
            due,
            created_by: MemberId(5),
            created_at: Utc::now(),
            done_at: None,
        }
    }

    #[test]
    fn open_actions_fit_and_say_how_many_more() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let yesterday = today.pred_opt();
        let many: Vec<Action> = (1..=30).map(|i| action(i, yesterday)).collect();
        let embed =
            serde_json::to_value(open_actions_embed(Language::English, &many, today).unwrap())
                .unwrap();
        let description = embed["description"].as_str().unwrap();
        assert!(discord_len(description) <= OPEN_ACTIONS_BUDGET);
        assert!(
            description.contains("more: `/retro action list`"),
            "{description}"
        );
        assert!(description.contains("**(overdue)**"));
        assert_eq!(
            embed["title"],
            "Open actions from last time: 30 (30 overdue)"
        );
        assert!(open_actions_embed(Language::English, &[], today).is_none());
    }

    #[test]
    fn open_actions_and_parts_are_worded_in_german() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let many: Vec<Action> = (1..=30).map(|i| action(i, today.pred_opt())).collect();
        let embed = open_actions_embed(Language::German, &many, today).unwrap();
        let embed = serde_json::to_value(embed).unwrap();
        assert_eq!(
            embed["title"],
            "Offene Maßnahmen vom letzten Mal: 30 (30 überfällig)"
        );
        let description = embed["description"].as_str().unwrap();
        assert!(description.contains("weitere: `/retro action list` zeigt alle."));
        assert!(description.contains("**(überfällig)**"));
        let blocks: Vec<String> = (0..10).map(|i| format!("{i}{}", "y".repeat(900))).collect();
        let parts = pack_parts(Language::German, "Verlauf", &blocks, None);
        assert_eq!(parts[1].title, "Verlauf (Fortsetzung)");
        assert_eq!(
            parts[0].footer.as_deref(),
            Some(format!("Teil 1 von {}", parts.len()).as_str())
        );
    }

    #[test]
    fn parts_carry_the_chart_once_and_number_themselves() {
        let blocks: Vec<String> = (0..10).map(|i| format!("{i}{}", "y".repeat(900))).collect();
        let chart = ChartData {
            title: "t".into(),
            options: vec![],
            statements: vec![],
            checkins: vec![],
            series: vec![],
        };
        let parts = pack_parts(Language::English, "History", &blocks, Some(chart));
        assert!(parts.len() > 2);
        assert!(parts[0].chart.is_some());
        assert!(parts[1..].iter().all(|p| p.chart.is_none()));
        assert_eq!(parts[1].title, "History (continued)");
        assert_eq!(
            parts.last().unwrap().footer.as_deref(),
            Some(format!("Part {} of {}", parts.len(), parts.len()).as_str())
        );
    }
}
