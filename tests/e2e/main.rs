//! End-to-end tests: the real `retrobot` binary against the local Discord stand-in.

#[path = "../support/mod.rs"]
mod support;

#[path = "../store_support/mod.rs"]
mod store_support;

mod access;
mod anonymous;
mod anonymous_burst;
mod anonymous_restart;
mod bad_input;
mod burst;
mod db_rejects;
mod digest_restart;
mod exports;
mod faults;
mod harness;
mod intents;
mod language;
mod language_admin;
mod language_members;
mod language_org;
mod lifecycle;
mod looking_back;
mod overview;
mod restart;
mod rolling_restart;
mod scale;
mod schedule_downtime;
mod schedules;
mod server_settings;
mod setup;
mod story;
mod team_templates;
