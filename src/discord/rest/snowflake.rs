//! Discord's ids carry the time they were made: from an id to its creation time, and from a time
//! to the smallest id made at or after it (for "everything since" listings).

/// Milliseconds between the Unix epoch and Discord's (2015-01-01).
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// The smallest Discord id that can have been created at `at` (ids start with a timestamp).
pub fn snowflake_at(at: chrono::DateTime<chrono::Utc>) -> u64 {
    ((at.timestamp_millis() - DISCORD_EPOCH_MS).max(0) as u64) << 22
}

/// When Discord created the object with id `id` (by Discord's clock).
pub fn created_at(id: u64) -> chrono::DateTime<chrono::Utc> {
    let millis = (id >> 22) as i64 + DISCORD_EPOCH_MS;
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflake_times_round_trip() {
        let id = 1_574_002_055_457_013_760u64;
        let at = created_at(id);
        assert!(snowflake_at(at) <= id);
        assert!(snowflake_at(at + chrono::Duration::milliseconds(1)) > id);
    }
}
