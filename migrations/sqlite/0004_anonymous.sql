-- Anonymous check-ins: votes and answers keyed by a keyed hash of the member (HMAC-SHA256 with a
-- random per-retro secret), never by the member. The secret lives in `retros.anon_secret` while
-- the retro takes input and is erased when it closes; then every key is replaced by a random
-- one, so nothing links a vote or an answer to a member, nor one ballot to another.

ALTER TABLE retros ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE retros ADD COLUMN anon_secret TEXT;

-- A member's current vote on a statement: one row per (retro, statement, member key).
CREATE TABLE anonymous_votes (
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    voter_key TEXT NOT NULL,
    option_index INTEGER NOT NULL,
    PRIMARY KEY (retro_id, position, voter_key)
);

-- A member's answer to a question, and the bot's message carrying it in the question's thread.
-- `token` is random (it names the answer on Discord so a crash cannot post it twice); `content`
-- NULL means withdrawn, its message still to be deleted; `synced` = 1 once Discord shows it.
CREATE TABLE anonymous_answers (
    token TEXT PRIMARY KEY,
    retro_id INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    question INTEGER NOT NULL,
    author_key TEXT NOT NULL,
    content TEXT,
    message_id INTEGER,
    synced INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX anonymous_answers_one_per_member
    ON anonymous_answers (retro_id, question, author_key);
