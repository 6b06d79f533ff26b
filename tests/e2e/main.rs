//! End-to-end tests: the real `retrobot` binary against the local Discord stand-in.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod burst;
mod harness;
mod lifecycle;
mod restart;
mod schedules;
mod setup;
mod story;
