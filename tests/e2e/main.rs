//! End-to-end tests: the real `retrobot` binary against the local Discord stand-in.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod burst;
mod exports;
mod harness;
mod lifecycle;
mod looking_back;
mod restart;
mod setup;
mod story;
