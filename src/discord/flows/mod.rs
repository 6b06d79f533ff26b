//! The life cycle of a retro, whoever triggers it (a command, the scheduler, a restart):
//! `start` creates it and `post` posts it (`cleanup` removes a failed start's posts), `reconcile`
//! re-reads Discord after READY, `remind` nudges before the end, `close` reconciles, tallies and
//! posts the summary with what `looking_back` adds (and `post_chart` draws), or `give_up` ends a
//! close Discord refuses for good as "could not close"; `jobs` is what the scheduler drives, in
//! per-server `lanes` (with `checkin` for scheduled check-ins and `digest`, which posts the
//! `overview` of sharing teams into hub channels), and `work` keeps each piece of work single
//! across processes.

pub mod checkin;
pub mod cleanup;
pub mod close;
pub mod digest;
pub mod give_up;
pub mod jobs;
pub mod lanes;
pub mod looking_back;
pub mod overview;
pub mod post;
pub mod post_chart;
pub mod reconcile;
pub mod remind;
pub mod start;
pub mod work;
