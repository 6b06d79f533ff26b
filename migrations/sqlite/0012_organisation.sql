-- Seeing the whole organisation: each channel's consent to share its aggregates, digests that
-- post the sharing channels' overview into a hub channel on a schedule (each occurrence claimed
-- once, like scheduled check-ins), and indexes for the cross-team aggregate queries.

-- A channel's latest choice; a channel without a row does not share.
CREATE TABLE channel_sharing (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    sharing INTEGER NOT NULL,
    changed_by INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE digests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER NOT NULL,
    hub_channel_id INTEGER NOT NULL,
    rule TEXT NOT NULL,
    template_key TEXT,
    creator_id INTEGER NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX digests_due ON digests (paused, next_at);
CREATE INDEX digests_by_guild ON digests (guild_id);

-- One row per (digest, occurrence), written before the digest is posted: whoever inserts it
-- posts; `message_id` is recorded once the post went out.
CREATE TABLE digest_posts (
    digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    occurrence_at INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL,
    message_id INTEGER,
    PRIMARY KEY (digest_id, occurrence_at)
);

-- A guild's closed check-ins of a template per channel, newest first (overview, export).
CREATE INDEX retros_by_guild_closed ON retros (guild_id, status, template_key, channel_id, id);
