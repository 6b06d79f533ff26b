//! A small seeded random source (SplitMix64), so a soak run's decisions can be replayed from
//! the seed it prints. Timing still varies between runs; the choices made do not.

use std::sync::Mutex;

/// SplitMix64 behind a lock, shared by the tasks that take decisions.
pub struct Rng(Mutex<u64>);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(Mutex::new(seed))
    }

    pub fn next_u64(&self) -> u64 {
        let mut state = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// True with probability `p`.
    pub fn chance(&self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// The seed: `SOAK_SEED` when set, otherwise taken from the clock.
pub fn seed_from_env() -> u64 {
    std::env::var("SOAK_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}
