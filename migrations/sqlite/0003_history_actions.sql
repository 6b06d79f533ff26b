-- Summaries worth reading: voters' display names (for exports), action items, and an index for
-- a channel's closed check-ins (trends and history).

-- The name each voter had in the server, recorded when their vote arrived (a server nickname
-- from the gateway wins over the global name a reaction listing gives).
CREATE TABLE voters (
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    PRIMARY KEY (retro_id, user_id)
);

-- Action items recorded on a check-in; due is a calendar day written YYYY-MM-DD.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    owner_id INTEGER,
    due TEXT,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    done_at INTEGER,
    done_by INTEGER
);
CREATE INDEX actions_by_channel ON actions (channel_id, done_at);
CREATE INDEX actions_by_retro ON actions (retro_id);

CREATE INDEX retros_by_channel ON retros (channel_id, status, template_key, id);
