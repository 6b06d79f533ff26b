-- The core retro loop: retros, their posted items, members' reactions and thread replies.
-- Times are Unix epoch milliseconds; Discord ids are 64-bit integers. Every integer column is
-- BIGINT so that rows decode the same way as on SQLite.

CREATE TABLE retros (
    id BIGSERIAL PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    template_key TEXT NOT NULL,
    template_json TEXT NOT NULL,
    title TEXT,
    facilitator_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    closes_at BIGINT,
    closed_at BIGINT,
    header_message_id BIGINT,
    failure TEXT,
    summary_json TEXT,
    summary_message_ids TEXT NOT NULL DEFAULT ''
);

-- At most one retro occupies a channel at a time; this makes a second /retro start fail atomically.
CREATE UNIQUE INDEX retros_one_active_per_channel
    ON retros (channel_id) WHERE status IN ('posting', 'open', 'closing');
CREATE INDEX retros_by_status ON retros (status, closes_at);

CREATE TABLE retro_items (
    retro_id BIGINT NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    message_id BIGINT,
    thread_id BIGINT,
    PRIMARY KEY (retro_id, kind, position)
);
CREATE INDEX retro_items_by_message ON retro_items (message_id);
CREATE INDEX retro_items_by_thread ON retro_items (thread_id);

-- The 👍/👎 reactions members currently have on statement messages, with arrival order.
CREATE TABLE reactions (
    retro_id BIGINT NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    option_index BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (retro_id, position, user_id, option_index)
);

CREATE TABLE replies (
    message_id BIGINT PRIMARY KEY,
    retro_id BIGINT NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    question BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    author_name TEXT NOT NULL,
    content TEXT NOT NULL,
    edited_at BIGINT
);
CREATE INDEX replies_by_retro ON replies (retro_id, question);
