-- (PostgreSQL dialect: every integer column is BIGINT so rows decode as on SQLite.)
-- Seeing the whole organisation: each channel's consent to share its aggregates, digests that
-- post the sharing channels' overview into a hub channel on a schedule (each occurrence claimed
-- once, like scheduled check-ins), and indexes for the cross-team aggregate queries.

-- A channel's latest choice; a channel without a row does not share.
CREATE TABLE channel_sharing (
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    sharing BIGINT NOT NULL,
    changed_by BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE digests (
    id BIGSERIAL PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    hub_channel_id BIGINT NOT NULL,
    rule TEXT NOT NULL,
    template_key TEXT,
    creator_id BIGINT NOT NULL,
    paused BIGINT NOT NULL DEFAULT 0,
    next_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX digests_due ON digests (paused, next_at);
CREATE INDEX digests_by_guild ON digests (guild_id);

-- One row per (digest, occurrence), written before the digest is posted: whoever inserts it
-- posts; `message_id` is recorded once the post went out.
CREATE TABLE digest_posts (
    digest_id BIGINT NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    occurrence_at BIGINT NOT NULL,
    claimed_at BIGINT NOT NULL,
    message_id BIGINT,
    PRIMARY KEY (digest_id, occurrence_at)
);

-- A guild's closed check-ins of a template per channel, newest first (overview, export).
CREATE INDEX retros_by_guild_closed ON retros (guild_id, status, template_key, channel_id, id);
