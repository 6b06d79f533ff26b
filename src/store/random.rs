//! The store's randomness, from the operating system: secrets, tokens and replacement keys,
//! and the random order sealed rows are written again in.

use super::{StoreError, StoreResult};
use crate::domain::anonymous::{RetroSecret, KEY_BYTES};

/// 32 random bytes as hex: a retro secret, an answer token or a replacement key.
pub(super) fn random_hex() -> StoreResult<String> {
    let mut bytes = [0u8; KEY_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Randomness(e.to_string()))?;
    Ok(RetroSecret::from_bytes(bytes).to_hex())
}

/// A random index below `bound` (> 0).
fn random_below(bound: usize) -> StoreResult<usize> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Randomness(e.to_string()))?;
    Ok((u64::from_le_bytes(bytes) % bound as u64) as usize)
}

/// `items` in a uniformly random order (Fisher–Yates).
pub(super) fn shuffle<T>(items: &mut [T]) -> StoreResult<()> {
    for i in (1..items.len()).rev() {
        items.swap(i, random_below(i + 1)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffling_keeps_every_item_and_changes_the_order() {
        let original: Vec<u32> = (0..200).collect();
        let mut shuffled = original.clone();
        shuffle(&mut shuffled).unwrap();
        assert_ne!(shuffled, original, "200 items kept their order");
        shuffled.sort_unstable();
        assert_eq!(shuffled, original);
    }

    #[test]
    fn random_hex_is_fresh_every_time() {
        let (a, b) = (random_hex().unwrap(), random_hex().unwrap());
        assert_eq!(a.len(), KEY_BYTES * 2);
        assert_ne!(a, b);
    }
}
