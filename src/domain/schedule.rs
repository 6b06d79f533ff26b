//! Schedules of recurring check-ins: what fires when (including after downtime, within a grace
//! window), when the reminder goes out, and how participation is worded. Pure: the caller gives
//! the time.

use chrono::{DateTime, Duration, Utc};

use super::recurrence::Recurrence;
use super::retro::Participation;
use crate::domain::ids::{ChannelId, GuildId, MemberId, RoleId};

/// Database id of a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScheduleId(pub i64);

impl std::fmt::Display for ScheduleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A recurring check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    pub id: ScheduleId,
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    /// Facilitator of every check-in it starts.
    pub creator_id: MemberId,
    pub recurrence: Recurrence,
    pub template_key: String,
    /// The copy of the template kept when the schedule was created (None for schedules made
    /// before copies were kept: their check-ins look `template_key` up).
    pub template: Option<super::template::Template>,
    pub title: Option<String>,
    /// How long each check-in stays open.
    pub duration: Duration,
    /// The role whose members are expected to take part.
    pub team_role_id: Option<RoleId>,
    /// How members take part in its check-ins.
    pub participation: Participation,
    pub paused: bool,
    /// The next occurrence not yet handled, as a UTC instant (None: never fires again).
    pub next_at: Option<DateTime<Utc>>,
}

/// What to do about a schedule whose next occurrence is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuePlan {
    /// The occurrence to start a check-in for now (the latest one due, if within grace).
    pub fire: Option<DateTime<Utc>>,
    /// Occurrences that are due but will not fire (missed beyond grace, or older than the one
    /// that fires): logged, never posted.
    pub skipped: Vec<DateTime<Utc>>,
    /// The schedule's next occurrence after this (strictly after `now`).
    pub next_at: Option<DateTime<Utc>>,
}

/// Most missed occurrences walked through after downtime (older ones are summarised).
const MAX_WALK: usize = 10_000;

/// Plans a due schedule at `now`: of the occurrences from `next_at` up to `now`, the latest
/// fires if it is at most `grace` old (so a restart fires a missed check-in once, not once per
/// missed occurrence); every other due occurrence is skipped; the schedule then goes on with
/// its next future occurrence.
pub fn plan_due(schedule: &Schedule, now: DateTime<Utc>, grace: Duration) -> DuePlan {
    plan_occurrences(&schedule.recurrence, schedule.next_at, now, grace)
}

/// The rule of [`plan_due`] for anything that fires on a [`Recurrence`] (schedules, digests):
/// `next_at` is its next occurrence not yet handled.
pub fn plan_occurrences(
    recurrence: &Recurrence,
    next_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    grace: Duration,
) -> DuePlan {
    let mut due = Vec::new();
    let mut cursor = next_at;
    while let Some(at) = cursor.filter(|at| *at <= now) {
        if due.len() == MAX_WALK {
            due.remove(0);
        }
        due.push(at);
        cursor = recurrence.next_after(at);
    }
    let fire = due.last().copied().filter(|latest| now - *latest <= grace);
    if fire.is_some() {
        due.pop();
    }
    DuePlan {
        fire,
        skipped: due,
        next_at: cursor,
    }
}

/// When the reminder of a check-in open from `opens` to `closes` goes out: `before` its close,
/// or a quarter of its duration before; never before it opens.
pub fn reminder_at(
    opens: DateTime<Utc>,
    closes: DateTime<Utc>,
    before: Option<Duration>,
) -> Option<DateTime<Utc>> {
    let before = before.unwrap_or((closes - opens) / 4);
    let at = closes - before;
    (at > opens && at < closes).then_some(at)
}

/// A check-in that would still be open when the schedule's next one opens.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "Each check-in would stay open for {}, longer than the {} between two occurrences of `{rule}`. Choose a shorter `duration`.",
    words(*duration),
    words(*gap)
)]
pub struct LongerThanGap {
    pub duration: Duration,
    pub gap: Duration,
    /// The schedule's rule as the member typed it.
    pub rule: String,
}

/// Checks that a check-in of `duration` closes before the schedule's next one opens.
pub fn check_duration_fits(
    recurrence: &Recurrence,
    duration: Duration,
    from: DateTime<Utc>,
) -> Result<(), LongerThanGap> {
    match recurrence.min_interval(from) {
        Some(gap) if duration > gap => Err(LongerThanGap {
            duration,
            gap,
            rule: recurrence.source().to_string(),
        }),
        _ => Ok(()),
    }
}

/// "6 of 9 have voted" with a team, "6 members have voted" without.
pub fn participation_line(voted: usize, team: Option<usize>) -> String {
    match team {
        Some(total) => format!("{voted} of {total} have voted"),
        None if voted == 1 => "1 member has voted".to_string(),
        None => format!("{voted} members have voted"),
    }
}

fn words(duration: Duration) -> String {
    crate::domain::duration::describe(duration.to_std().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn schedule(when: &str, next_at: DateTime<Utc>) -> Schedule {
        let recurrence = Recurrence::parse(when, "UTC", next_at - Duration::days(30)).unwrap();
        Schedule {
            id: ScheduleId(1),
            guild_id: GuildId(1),
            channel_id: ChannelId(2),
            creator_id: MemberId(3),
            recurrence,
            template_key: "customer-obsession".into(),
            template: None,
            title: None,
            duration: Duration::hours(1),
            team_role_id: None,
            participation: Participation::Named,
            paused: false,
            next_at: Some(next_at),
        }
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn a_due_occurrence_fires_and_the_schedule_moves_on() {
        let s = schedule("every day 10:00", at(2, 10));
        let plan = plan_due(&s, at(2, 10), Duration::hours(1));
        assert_eq!(plan.fire, Some(at(2, 10)));
        assert!(plan.skipped.is_empty());
        assert_eq!(plan.next_at, Some(at(3, 10)));
    }

    #[test]
    fn after_downtime_only_the_latest_fires_within_grace() {
        let s = schedule("every day 10:00", at(2, 10));
        // Down from the 2nd to the 5th, 10:30: the 5th fires, the 2nd–4th are skipped.
        let plan = plan_due(
            &s,
            Utc.with_ymd_and_hms(2026, 3, 5, 10, 30, 0).unwrap(),
            Duration::hours(1),
        );
        assert_eq!(plan.fire, Some(at(5, 10)));
        assert_eq!(plan.skipped, vec![at(2, 10), at(3, 10), at(4, 10)]);
        assert_eq!(plan.next_at, Some(at(6, 10)));
        // Back at 12:00: the 5th is two hours old, beyond grace: nothing fires.
        let late = plan_due(&s, at(5, 12), Duration::hours(1));
        assert_eq!(late.fire, None);
        assert_eq!(late.skipped.len(), 4);
        assert_eq!(late.next_at, Some(at(6, 10)));
    }

    #[test]
    fn nothing_due_changes_nothing() {
        let s = schedule("every day 10:00", at(2, 10));
        let plan = plan_due(&s, at(2, 9), Duration::hours(1));
        assert_eq!(
            plan,
            DuePlan {
                fire: None,
                skipped: vec![],
                next_at: Some(at(2, 10))
            }
        );
    }

    #[test]
    fn reminders_default_to_a_quarter_before_closing() {
        let opens = at(2, 10);
        assert_eq!(
            reminder_at(opens, opens + Duration::hours(4), None),
            Some(at(2, 13))
        );
        assert_eq!(
            reminder_at(
                opens,
                opens + Duration::hours(4),
                Some(Duration::minutes(30))
            ),
            Some(opens + Duration::minutes(210))
        );
        assert_eq!(
            reminder_at(opens, opens + Duration::hours(1), Some(Duration::hours(2))),
            None
        );
    }

    #[test]
    fn durations_must_fit_between_occurrences() {
        let r = Recurrence::parse("every day 10:00", "UTC", at(1, 0)).unwrap();
        assert!(check_duration_fits(&r, Duration::hours(20), at(1, 0)).is_ok());
        let e = check_duration_fits(&r, Duration::days(2), at(1, 0))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("longer than the 1day between two occurrences"),
            "{e}"
        );
    }

    #[test]
    fn participation_is_worded_with_and_without_a_team() {
        assert_eq!(participation_line(6, Some(9)), "6 of 9 have voted");
        assert_eq!(participation_line(1, None), "1 member has voted");
        assert_eq!(participation_line(0, None), "0 members have voted");
    }
}
