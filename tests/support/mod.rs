//! Test support shared by the end-to-end tests: a local Discord stand-in and a runner for the real bot binary.
#![allow(dead_code, unused_imports, clippy::new_without_default)]

pub mod bot;
pub mod perms;
pub mod process;
pub mod serenity_probe;
pub mod standin;
pub mod tcp_proxy;

pub use bot::BotProcess;
pub use standin::{
    floor_for, Fault, FaultKind, Fixture, MessageView, Reply, RequestRecord, SessionInfo, StandIn,
    ThreadView,
};
