//! Seeing the whole organisation: channels' consent to share their aggregates, and the
//! cross-team reads: the most used template, each team's latest closed check-ins of a template,
//! and every closed check-in of the sharing channels. Votes are fetched for many check-ins at
//! once (a few round trips for 100 teams); the rules that turn them into results are the
//! domain's.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::anonymous::ballot_from_row;
use super::marks::mark_from_row;
use super::retros::{from_millis, millis, retro_from_row, RETRO_COLUMNS};
use super::{id_from_db, id_to_db, Store, StoreResult};
use crate::domain::ids::{ChannelId, GuildId, MemberId};
use crate::domain::overview::{CastVotes, ChannelSharing, ClosedCheckIn};
use crate::domain::retro::RetroId;

/// Check-ins whose votes are read by one statement.
const RETROS_PER_QUERY: usize = 500;

/// Which teams (channels) of a server a cross-team read covers.
#[derive(Clone, Copy, Debug)]
pub enum TeamScope<'a> {
    /// The channels the caller can view (the caller computes them).
    Visible(&'a [ChannelId]),
    /// The channels that share their aggregates.
    Sharing,
}

impl TeamScope<'_> {
    /// The SQL condition on `channel_id` (guild is `$1`; list parameters from `$first`), and
    /// the values to bind for it. `None`: no channel at all.
    fn condition(&self, first: usize) -> Option<(String, Vec<i64>)> {
        match self {
            TeamScope::Sharing => Some((
                "channel_id IN (SELECT channel_id FROM channel_sharing \
                 WHERE guild_id = $1 AND sharing = 1)"
                    .to_string(),
                Vec::new(),
            )),
            TeamScope::Visible([]) => None,
            TeamScope::Visible(channels) => {
                let list: Vec<String> = (0..channels.len())
                    .map(|i| format!("${}", first + i))
                    .collect();
                Some((
                    format!("channel_id IN ({})", list.join(", ")),
                    channels.iter().map(|c| id_to_db(c.get())).collect(),
                ))
            }
        }
    }
}

impl Store {
    /// Records a channel's choice to share its aggregates or not (the latest choice counts).
    pub async fn set_sharing(&self, choice: &ChannelSharing) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO channel_sharing (guild_id, channel_id, sharing, changed_by, changed_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (guild_id, channel_id) DO UPDATE SET \
             sharing = excluded.sharing, changed_by = excluded.changed_by, \
             changed_at = excluded.changed_at",
        )
        .bind(id_to_db(choice.guild.get()))
        .bind(id_to_db(choice.channel.get()))
        .bind(i64::from(choice.sharing))
        .bind(id_to_db(choice.changed_by.get()))
        .bind(millis(choice.changed_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A channel's latest choice about sharing, if it ever made one.
    pub async fn sharing_of(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> StoreResult<Option<ChannelSharing>> {
        let row = sqlx::query(
            "SELECT sharing, changed_by, changed_at FROM channel_sharing \
             WHERE guild_id = $1 AND channel_id = $2",
        )
        .bind(id_to_db(guild.get()))
        .bind(id_to_db(channel.get()))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(ChannelSharing {
                guild,
                channel,
                sharing: row.try_get::<i64, _>("sharing")? != 0,
                changed_by: MemberId(id_from_db(row.try_get("changed_by")?)),
                changed_at: from_millis(row.try_get("changed_at")?),
            })
        })
        .transpose()
    }

    /// The channels of `guild` that share their aggregates, in id order.
    pub async fn sharing_channels(&self, guild: GuildId) -> StoreResult<Vec<ChannelId>> {
        let rows = sqlx::query(
            "SELECT channel_id FROM channel_sharing WHERE guild_id = $1 AND sharing = 1 \
             ORDER BY channel_id",
        )
        .bind(id_to_db(guild.get()))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(ChannelId(id_from_db(r.try_get("channel_id")?))))
            .collect()
    }

    /// The template with the most closed check-ins in the scope's channels (ties: the one used
    /// last), if there is any.
    pub async fn most_used_template(
        &self,
        guild: GuildId,
        scope: TeamScope<'_>,
    ) -> StoreResult<Option<String>> {
        let Some((condition, channels)) = scope.condition(2) else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT template_key, COUNT(*) AS uses, MAX(id) AS last_id FROM retros \
             WHERE guild_id = $1 AND status = 'closed' AND {condition} \
             GROUP BY template_key ORDER BY uses DESC, last_id DESC LIMIT 1"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id_to_db(guild.get()));
        for channel in channels {
            query = query.bind(channel);
        }
        let row = query.fetch_optional(&self.pool).await?;
        row.map(|r| Ok(r.try_get("template_key")?)).transpose()
    }

    /// For every channel of the scope, its latest `per_team` closed check-ins of
    /// `template_key` with their votes (in channel order, oldest first within a channel).
    pub async fn latest_check_ins(
        &self,
        guild: GuildId,
        template_key: &str,
        scope: TeamScope<'_>,
        per_team: usize,
    ) -> StoreResult<Vec<ClosedCheckIn>> {
        let Some((condition, channels)) = scope.condition(4) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {RETRO_COLUMNS}, closed_at FROM (\
               SELECT {RETRO_COLUMNS}, closed_at, \
               ROW_NUMBER() OVER (PARTITION BY channel_id ORDER BY id DESC) AS recency \
               FROM retros WHERE guild_id = $1 AND status = 'closed' AND template_key = $2 \
               AND {condition}\
             ) AS ranked WHERE recency <= $3 ORDER BY channel_id, id"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(guild.get()))
            .bind(template_key)
            .bind(per_team.min(i64::MAX as usize) as i64);
        for channel in channels {
            query = query.bind(channel);
        }
        let rows = query.fetch_all(&self.pool).await?;
        self.with_votes(rows).await
    }

    /// Every closed check-in (any template) of the channels of `guild` that share, oldest
    /// first, with their votes: what the server-scope export is made of.
    pub async fn shared_check_ins(&self, guild: GuildId) -> StoreResult<Vec<ClosedCheckIn>> {
        let (condition, _) = TeamScope::Sharing
            .condition(2)
            .expect("sharing is a condition");
        let sql = format!(
            "SELECT {RETRO_COLUMNS}, closed_at FROM retros \
             WHERE guild_id = $1 AND status = 'closed' AND {condition} ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id_to_db(guild.get()))
            .fetch_all(&self.pool)
            .await?;
        self.with_votes(rows).await
    }

    /// The closed retros in `rows` (`RETRO_COLUMNS, closed_at`) with their votes: reactions
    /// of named ones and ballots of anonymous ones, read for many retros per statement.
    async fn with_votes(&self, rows: Vec<sqlx::any::AnyRow>) -> StoreResult<Vec<ClosedCheckIn>> {
        let mut closed = Vec::with_capacity(rows.len());
        for row in &rows {
            let retro = retro_from_row(row)?;
            let closed_at: Option<i64> = row.try_get("closed_at")?;
            closed.push((retro, closed_at.map_or_else(Utc::now, from_millis)));
        }
        let (anonymous, named): (Vec<RetroId>, Vec<RetroId>) = {
            let (a, n): (Vec<_>, Vec<_>) = closed
                .iter()
                .partition(|(r, _)| r.participation.is_anonymous());
            (
                a.iter().map(|(r, _)| r.id).collect(),
                n.iter().map(|(r, _)| r.id).collect(),
            )
        };
        let mut marks = HashMap::new();
        for chunk in named.chunks(RETROS_PER_QUERY) {
            let sql = format!(
                "SELECT retro_id, position, user_id, option_index, seq FROM reactions \
                 WHERE retro_id IN ({})",
                id_list(chunk.len())
            );
            for row in bind_ids(&sql, chunk).fetch_all(&self.pool).await? {
                let retro = RetroId(row.try_get("retro_id")?);
                marks
                    .entry(retro)
                    .or_insert_with(Vec::new)
                    .push(mark_from_row(&row)?);
            }
        }
        let mut ballots = HashMap::new();
        for chunk in anonymous.chunks(RETROS_PER_QUERY) {
            let sql = format!(
                "SELECT retro_id, position, voter_key, option_index FROM anonymous_votes \
                 WHERE retro_id IN ({})",
                id_list(chunk.len())
            );
            for row in bind_ids(&sql, chunk).fetch_all(&self.pool).await? {
                let retro = RetroId(row.try_get("retro_id")?);
                ballots
                    .entry(retro)
                    .or_insert_with(Vec::new)
                    .push(ballot_from_row(&row)?);
            }
        }
        Ok(closed
            .into_iter()
            .map(|(retro, closed_at): (_, DateTime<Utc>)| {
                let votes = if retro.participation.is_anonymous() {
                    CastVotes::Ballots(ballots.remove(&retro.id).unwrap_or_default())
                } else {
                    CastVotes::Reactions(marks.remove(&retro.id).unwrap_or_default())
                };
                ClosedCheckIn {
                    retro,
                    closed_at,
                    votes,
                }
            })
            .collect())
    }
}

/// `$1, $2, …, $n`.
fn id_list(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bind_ids<'q>(
    sql: &str,
    ids: &[RetroId],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()));
    for id in ids {
        query = query.bind(id.0);
    }
    query
}
