//! One lane per member of an anonymous retro: their clicks and answer submissions are applied
//! one after another, in the order they arrived from the gateway, while different members run
//! side by side. (Each is acknowledged first and only applied if Discord took the answer, so
//! the order cannot come from the spawned tasks themselves.)

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::oneshot;

use crate::domain::anonymous::MemberKey;
use crate::domain::retro::RetroId;

/// The end of each member's lane: the signal their newest ticket gives when it is done.
#[derive(Default)]
pub struct Lanes {
    last: Mutex<HashMap<(RetroId, MemberKey), oneshot::Receiver<()>>>,
}

/// A place in a member's lane. Dropping it lets the next one go.
pub struct Ticket {
    previous: Option<oneshot::Receiver<()>>,
    _done: oneshot::Sender<()>,
}

impl Lanes {
    /// Takes the next place in the member's lane; call in arrival order.
    pub fn ticket(&self, retro: RetroId, key: MemberKey) -> Ticket {
        let (done, finished) = oneshot::channel();
        let previous = self
            .last
            .lock()
            .expect("lanes lock")
            .insert((retro, key), finished);
        Ticket {
            previous,
            _done: done,
        }
    }

    /// Forgets the lanes of a retro that no longer takes input.
    pub fn forget(&self, retro: RetroId) {
        self.last
            .lock()
            .expect("lanes lock")
            .retain(|(r, _), _| *r != retro);
    }
}

impl Ticket {
    /// Waits until everything the member did before is done (or was given up).
    pub async fn turn(&mut self) {
        if let Some(previous) = self.previous.take() {
            let _ = previous.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test]
    async fn a_member_s_tickets_run_in_order_others_do_not_wait() {
        let lanes = Lanes::default();
        let key = |b| MemberKey::from_bytes([b; 32]);
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut first = lanes.ticket(RetroId(1), key(1));
        let mut second = lanes.ticket(RetroId(1), key(1));
        let mut other = lanes.ticket(RetroId(1), key(2));
        let log = order.clone();
        let late = tokio::spawn(async move {
            second.turn().await;
            log.lock().unwrap().push("second");
        });
        other.turn().await; // another member's lane is free at once
        first.turn().await;
        order.lock().unwrap().push("first");
        drop(first);
        late.await.unwrap();
        assert_eq!(*order.lock().unwrap(), ["first", "second"]);
        lanes.forget(RetroId(1));
        assert!(lanes.last.lock().unwrap().is_empty());
    }
}
