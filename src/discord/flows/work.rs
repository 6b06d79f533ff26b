//! Who works on a retro right now: an in-process guard (so a retry never runs alongside the
//! work itself) and a lease in the database (so another process, or a restart, takes the work
//! over only once the holder stopped renewing it).

use chrono::{DateTime, Utc};

use crate::discord::bot::Bot;
use crate::domain::retro::{RetroId, RetroStatus};
use crate::store::StoreError;

/// How long a lease lasts without renewal. Every step of posting and closing renews it. Lease
/// owners are unique per process instance, so a restarted process cannot recognise its own
/// old leases and waits for them to run out: short, so a crash delays its work by seconds. A
/// holder that stalls longer only lets another process repeat idempotent steps (posts carry
/// nonces, threads are found before they are created).
pub const LEASE: chrono::Duration = chrono::Duration::seconds(20);

/// Marks a retro as being worked on by this process; dropping it ends that.
pub struct WorkGuard<'a> {
    bot: &'a Bot,
    retro: RetroId,
}

impl<'a> WorkGuard<'a> {
    /// `None` if this process already works on `retro`.
    pub fn take(bot: &'a Bot, retro: RetroId) -> Option<WorkGuard<'a>> {
        let fresh = bot.working.lock().expect("work set lock").insert(retro);
        fresh.then_some(WorkGuard { bot, retro })
    }
}

impl Drop for WorkGuard<'_> {
    fn drop(&mut self) {
        self.bot
            .working
            .lock()
            .expect("work set lock")
            .remove(&self.retro);
    }
}

/// This process's name on leases: its shard plan plus a random part made once at start
/// (`store::new_lease_owner`), so two processes with the same shards (a rolling deploy) never
/// both hold a lease; a restarted process takes over its predecessor's work once the lease
/// expires.
pub fn instance(bot: &Bot) -> String {
    bot.lease_owner.clone()
}

/// The end of a lease taken now.
pub fn lease_end(now: DateTime<Utc>) -> DateTime<Utc> {
    now + LEASE
}

/// Takes over interrupted work on `retro` (in `status`): the in-process guard and the lease
/// (free or expired; with `own_ok` also this process's own, as when it retries its own failed
/// work: the owner name is unique per process, and the guard keeps the retry from running
/// beside the work). `None` if someone else has it.
pub async fn take_over(
    bot: &Bot,
    retro: RetroId,
    status: RetroStatus,
    own_ok: bool,
) -> Result<Option<WorkGuard<'_>>, StoreError> {
    let Some(guard) = WorkGuard::take(bot, retro) else {
        return Ok(None);
    };
    let now = Utc::now();
    let owner = instance(bot);
    let taken = bot
        .store
        .take_lease(retro, status, &owner, own_ok, now, lease_end(now))
        .await?;
    Ok(taken.then_some(guard))
}

/// Extends this process's lease on `retro` while it keeps working.
pub async fn renew(bot: &Bot, retro: RetroId, status: RetroStatus) {
    let now = Utc::now();
    if let Err(e) = bot
        .store
        .take_lease(retro, status, &instance(bot), true, now, lease_end(now))
        .await
    {
        tracing::warn!(%retro, error = %e, "could not renew a lease");
    }
}
