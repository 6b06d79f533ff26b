//! Which anonymous retros take input right now, with what each needs to turn a click into a
//! keyed ballot (its secret, scale and size), and which threads belong to them (messages typed
//! there are refused, not counted). Held in memory only while a retro is posting or open.

use std::collections::HashMap;
use std::sync::Arc;

use super::super::retro::RetroId;
use super::super::template::Scale;
use super::{member_key, MemberKey, RetroSecret};
use crate::domain::ids::{ChannelId, GuildId, MemberId};

/// What routing a click of one live anonymous retro needs.
#[derive(Clone, Debug)]
pub struct AnonymousRoute {
    /// The retro's server and channel: a click or form must come from there.
    pub guild: GuildId,
    pub channel: ChannelId,
    pub secret: RetroSecret,
    pub scale: Arc<Scale>,
    pub statements: usize,
    pub questions: usize,
}

impl AnonymousRoute {
    /// The member's key, if `position`/`option` name a real statement and scale option.
    pub fn vote_key(
        &self,
        retro: RetroId,
        member: MemberId,
        position: usize,
        option: usize,
    ) -> Option<MemberKey> {
        (position < self.statements && option < self.scale.len())
            .then(|| member_key(&self.secret, retro, member))
    }

    /// The member's key, if `question` names a real question.
    pub fn answer_key(
        &self,
        retro: RetroId,
        member: MemberId,
        question: usize,
    ) -> Option<MemberKey> {
        (question < self.questions).then(|| member_key(&self.secret, retro, member))
    }
}

/// The live anonymous retros and their question threads.
#[derive(Clone, Debug, Default)]
pub struct AnonymousRoutes {
    retros: HashMap<RetroId, AnonymousRoute>,
    threads: HashMap<ChannelId, (RetroId, usize)>,
}

impl AnonymousRoutes {
    pub fn add(&mut self, retro: RetroId, route: AnonymousRoute) {
        self.retros.insert(retro, route);
    }

    /// Marks `thread_id` as question `question`'s thread of anonymous `retro`.
    pub fn add_thread(&mut self, retro: RetroId, question: usize, thread_id: ChannelId) {
        self.threads.insert(thread_id, (retro, question));
    }

    pub fn get(&self, retro: RetroId) -> Option<&AnonymousRoute> {
        self.retros.get(&retro)
    }

    /// The anonymous retro and question whose thread `channel_id` is.
    pub fn thread(&self, channel_id: ChannelId) -> Option<(RetroId, usize)> {
        self.threads.get(&channel_id).copied()
    }

    /// The thread of question `question` of `retro`.
    pub fn thread_of(&self, retro: RetroId, question: usize) -> Option<ChannelId> {
        self.threads
            .iter()
            .find(|(_, route)| **route == (retro, question))
            .map(|(thread, _)| *thread)
    }

    /// Forgets `retro`, its secret included.
    pub fn remove(&mut self, retro: RetroId) {
        self.retros.remove(&retro);
        self.threads.retain(|_, (r, _)| *r != retro);
    }

    pub fn contains(&self, retro: RetroId) -> bool {
        self.retros.contains_key(&retro) || self.threads.values().any(|(r, _)| *r == retro)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChannelId, MemberId};

    fn route() -> AnonymousRoute {
        AnonymousRoute {
            guild: crate::domain::ids::GuildId(1),
            channel: ChannelId(2),
            secret: RetroSecret::from_bytes([9; 32]),
            scale: Arc::new(Scale::thumbs()),
            statements: 3,
            questions: 2,
        }
    }

    #[test]
    fn keys_only_for_real_items_and_forgotten_on_removal() {
        let mut routes = AnonymousRoutes::default();
        routes.add(RetroId(1), route());
        routes.add_thread(RetroId(1), 1, ChannelId(900));
        let r = routes.get(RetroId(1)).unwrap();
        let key = r.vote_key(RetroId(1), MemberId(55), 2, 1).unwrap();
        assert_eq!(r.answer_key(RetroId(1), MemberId(55), 0), Some(key));
        assert_eq!(r.vote_key(RetroId(1), MemberId(55), 3, 0), None);
        assert_eq!(r.vote_key(RetroId(1), MemberId(55), 0, 2), None);
        assert_eq!(r.answer_key(RetroId(1), MemberId(55), 2), None);
        assert_eq!(routes.thread(ChannelId(900)), Some((RetroId(1), 1)));
        assert_eq!(routes.thread_of(RetroId(1), 1), Some(ChannelId(900)));
        assert_eq!(routes.thread_of(RetroId(1), 0), None);
        assert!(routes.contains(RetroId(1)));
        routes.remove(RetroId(1));
        assert!(routes.get(RetroId(1)).is_none());
        assert_eq!(routes.thread(ChannelId(900)), None);
        assert!(!routes.contains(RetroId(1)));
    }
}
