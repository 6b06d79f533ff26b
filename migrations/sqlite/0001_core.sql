-- The core retro loop: retros, their posted items, members' reactions and thread replies.
-- Times are Unix epoch milliseconds; Discord ids are 64-bit integers.

CREATE TABLE retros (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    template_key TEXT NOT NULL,
    template_json TEXT NOT NULL,
    title TEXT,
    facilitator_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closes_at INTEGER,
    closed_at INTEGER,
    header_message_id INTEGER,
    failure TEXT,
    summary_json TEXT,
    summary_message_ids TEXT NOT NULL DEFAULT ''
);

-- At most one retro occupies a channel at a time; this makes a second /retro start fail atomically.
CREATE UNIQUE INDEX retros_one_active_per_channel
    ON retros (channel_id) WHERE status IN ('posting', 'open', 'closing');
CREATE INDEX retros_by_status ON retros (status, closes_at);

CREATE TABLE retro_items (
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    message_id INTEGER,
    thread_id INTEGER,
    PRIMARY KEY (retro_id, kind, position)
);
CREATE INDEX retro_items_by_message ON retro_items (message_id);
CREATE INDEX retro_items_by_thread ON retro_items (thread_id);

-- The 👍/👎 reactions members currently have on statement messages, with arrival order.
CREATE TABLE reactions (
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    option_index INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (retro_id, position, user_id, option_index)
);

CREATE TABLE replies (
    message_id INTEGER PRIMARY KEY,
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    question INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    author_name TEXT NOT NULL,
    content TEXT NOT NULL,
    edited_at INTEGER
);
CREATE INDEX replies_by_retro ON replies (retro_id, question);
