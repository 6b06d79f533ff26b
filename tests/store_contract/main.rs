//! The store contract: the same tests run against a real SQLite file and, when
//! `TEST_POSTGRES_URL` is set, against a fresh PostgreSQL database, so the two backends can
//! never drift. A set but unreachable `TEST_POSTGRES_URL` fails the tests.

#[path = "../store_support/mod.rs"]
mod store_support;

mod anonymous;
mod anonymous_at_rest;
mod digests;
mod form_answers;
mod health;
mod history;
mod ingest;
mod input;
mod overview;
mod resilience;
mod retros;
mod schedules;
mod tenancy;

use chrono::{TimeZone, Utc};
use retrobot::domain::ids::{ChannelId, GuildId, MemberId};
use retrobot::domain::live::Change;
use retrobot::domain::retro::{ItemKind, RetroStatus};
use retrobot::domain::summary::Reply;
use retrobot::domain::tally::tally;
use retrobot::domain::template::TemplateCatalog;
use retrobot::store::{NewRetro, RetroItem, SequencedChange, Store, StoreError};
pub(crate) use store_support::contract;

fn new_retro(channel: u64) -> NewRetro {
    NewRetro {
        guild_id: GuildId(1_000_000_000_000_000_001),
        channel_id: ChannelId(channel),
        template: TemplateCatalog::builtin()
            .get("customer-obsession")
            .unwrap()
            .clone(),
        title: Some("Sprint 14".into()),
        facilitator_id: MemberId(42),
        created_at: Utc.timestamp_millis_opt(1_700_000_000_123).unwrap(),
        closes_at: Some(Utc.timestamp_millis_opt(1_700_000_900_000).unwrap()),
        remind_at: None,
        occurrence: None,
        team_role_id: None,
        lease: None,
        participation: retrobot::domain::retro::Participation::Named,
    }
}

fn change(seq: i64, change: Change) -> SequencedChange {
    SequencedChange { seq, change }
}
