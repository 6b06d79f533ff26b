//! Which gateway shards a process runs, and so which guilds it serves.

/// Which shards this process runs. Several processes with their own ranges can share one
/// database; each serves the guilds of its shards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShardPlan {
    /// All shards, as many as Discord recommends (one process).
    Auto,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

impl ShardPlan {
    /// Parses `auto`, `3` or `0-3` (with `total` shards in all).
    pub fn parse(shards: &str, total: Option<u32>) -> Result<ShardPlan, String> {
        let shards = shards.trim();
        if shards.eq_ignore_ascii_case("auto") {
            return match total {
                None => Ok(ShardPlan::Auto),
                Some(_) => Err("shard_total needs a shard range such as `0-3`, not `auto`".into()),
            };
        }
        let total = total.ok_or("a shard range needs shard_total (how many shards in all)")?;
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{shards}` is not a shard range such as `0-3`"))
        };
        let (first, last) = match shards.split_once('-') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => (number(shards)?, number(shards)?),
        };
        if total == 0 || first > last || last >= total {
            return Err(format!(
                "shards `{shards}` must lie within 0..{total} (shard_total = {total})"
            ));
        }
        Ok(ShardPlan::Range { first, last, total })
    }

    /// Whether the guild with this id is served by this process.
    pub fn owns(&self, guild_id: u64) -> bool {
        match *self {
            ShardPlan::Auto => true,
            ShardPlan::Range { first, last, total } => {
                let shard = ((guild_id >> 22) % u64::from(total)) as u32;
                (first..=last).contains(&shard)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_plans() {
        assert_eq!(ShardPlan::parse("auto", None), Ok(ShardPlan::Auto));
        assert_eq!(
            ShardPlan::parse("0-3", Some(8)),
            Ok(ShardPlan::Range {
                first: 0,
                last: 3,
                total: 8
            })
        );
        assert_eq!(
            ShardPlan::parse("5", Some(8)),
            Ok(ShardPlan::Range {
                first: 5,
                last: 5,
                total: 8
            })
        );
        assert!(ShardPlan::parse("0-3", None)
            .unwrap_err()
            .contains("shard_total"));
        assert!(ShardPlan::parse("4-9", Some(8))
            .unwrap_err()
            .contains("within 0..8"));
        assert!(ShardPlan::parse("x", Some(2)).is_err());
        let one_of_two = ShardPlan::Range {
            first: 1,
            last: 1,
            total: 2,
        };
        assert!(one_of_two.owns(1 << 22) && !one_of_two.owns(2 << 22));
        assert!(ShardPlan::Auto.owns(12345));
    }
}
