//! Members' input as it arrives: changes are applied in ordered batches, one transaction per
//! batch. Reactions are coalesced per (statement, member, emoji): only the last change of each
//! counts, so a batch becomes a few multi-row statements; replies are applied in order.

use std::collections::HashMap;

use sqlx::Row;

use super::marks::MarkKey;
use super::{Store, StoreResult};
use crate::domain::ids::MemberId;
use crate::domain::live::Change;
use crate::domain::retro::RetroId;

/// A change together with the arrival sequence number it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct SequencedChange {
    pub seq: i64,
    pub change: Change,
}

/// How many members voted and how many replies a retro has so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Participation {
    pub voters: u64,
    pub replies: u64,
}

impl Store {
    /// Applies `changes` as if one after another, all in one transaction.
    pub async fn apply_changes(&self, changes: &[SequencedChange]) -> StoreResult<()> {
        // The final state of each reaction touched: present with the seq of its last add, or
        // removed. Different reactions are independent, so their order does not matter.
        let mut reactions: HashMap<MarkKey, Option<i64>> = HashMap::new();
        let mut replies = Vec::new();
        let mut names: HashMap<(RetroId, MemberId), &str> = HashMap::new();
        for SequencedChange { seq, change } in changes {
            match change {
                Change::MarkAdded {
                    retro,
                    position,
                    voter,
                    option,
                }
                | Change::MarkRemoved {
                    retro,
                    position,
                    voter,
                    option,
                } => {
                    let key = MarkKey {
                        retro: *retro,
                        position: *position,
                        voter: *voter,
                        option: *option,
                    };
                    let present = matches!(change, Change::MarkAdded { .. });
                    reactions.insert(key, present.then_some(*seq));
                }
                Change::VoterNamed { retro, voter, name } => {
                    names.insert((*retro, *voter), name);
                }
                reply => replies.push((*seq, reply)),
            }
        }
        let mut upserts = Vec::new();
        let mut deletes = Vec::new();
        for (key, state) in reactions {
            match state {
                Some(seq) => upserts.push((key, seq)),
                None => deletes.push(key),
            }
        }
        let mut tx = self.begin_write().await?;
        super::marks::upsert_marks(&mut tx, &upserts).await?;
        super::marks::delete_marks(&mut tx, &deletes).await?;
        let names: Vec<((RetroId, MemberId), &str)> = names.into_iter().collect();
        super::voters::upsert_names(&mut tx, &names, true).await?;
        for (seq, change) in replies {
            super::replies::apply_reply_change(&mut tx, seq, change).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn participation(&self, retro: RetroId) -> StoreResult<Participation> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(DISTINCT user_id) FROM reactions WHERE retro_id = $1) \
                  + (SELECT COUNT(DISTINCT voter_key) FROM anonymous_votes WHERE retro_id = $1) \
                    AS voters, \
                    (SELECT COUNT(*) FROM replies WHERE retro_id = $1) \
                  + (SELECT COUNT(*) FROM anonymous_answers \
                     WHERE retro_id = $1 AND content IS NOT NULL) AS replies",
        )
        .bind(retro.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(Participation {
            voters: row.try_get::<i64, _>("voters")? as u64,
            replies: row.try_get::<i64, _>("replies")? as u64,
        })
    }
}
