//! End-to-end tests: the real `retrobot` binary against the local Discord stand-in.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod harness;
mod restart;
mod story;
