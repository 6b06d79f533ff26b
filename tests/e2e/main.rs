//! End-to-end tests: the real `retrobot` binary against the local Discord stand-in.

#[path = "../support/mod.rs"]
mod support;

#[path = "../store_support/mod.rs"]
mod store_support;

mod anonymous;
mod anonymous_burst;
mod anonymous_restart;
mod bad_input;
mod burst;
mod exports;
mod harness;
mod language;
mod lifecycle;
mod looking_back;
mod restart;
mod scale;
mod schedule_downtime;
mod schedules;
mod setup;
mod story;
