-- Resilience (issue 11). Every integer column is INTEGER so rows decode the same way on both
-- databases.

-- The secret of an anonymous retro lives in its own row: inserted at start, deleted at close,
-- never rewritten (a click no longer touches a row that holds it).
CREATE TABLE anonymous_secrets (
    retro_id INTEGER PRIMARY KEY REFERENCES retros (id) ON DELETE CASCADE,
    secret TEXT NOT NULL
);
INSERT INTO anonymous_secrets (retro_id, secret)
    SELECT id, anon_secret FROM retros WHERE anon_secret IS NOT NULL;
UPDATE retros SET anon_secret = NULL WHERE anon_secret IS NOT NULL;
ALTER TABLE retros DROP COLUMN anon_secret;

-- The small-group threshold an anonymous retro started with (summary and exports use it).
ALTER TABLE retros ADD COLUMN anonymous_min_voters INTEGER;

-- Retros whose changes the vote writer had to drop (the database was away longer than its
-- queue lasts): they are re-read from Discord when the database is back and before closing.
CREATE TABLE retros_to_reread (
    retro_id INTEGER PRIMARY KEY,
    flagged_at INTEGER NOT NULL
);

-- Rows written by the health check, proving the database takes writes.
CREATE TABLE heartbeats (
    name TEXT PRIMARY KEY,
    written_at INTEGER NOT NULL
);

-- Member text is stored with NUL escaped as U+0001 '0' and U+0001 itself as U+0001 '1'
-- (src/store/text.rs); text written before this migration gets its U+0001 escaped.
UPDATE replies SET content = replace(content, char(1), char(1) || '1'),
    author_name = replace(author_name, char(1), char(1) || '1')
    WHERE instr(content, char(1)) > 0 OR instr(author_name, char(1)) > 0;
UPDATE anonymous_answers SET content = replace(content, char(1), char(1) || '1')
    WHERE instr(content, char(1)) > 0;
UPDATE retros SET title = replace(title, char(1), char(1) || '1') WHERE instr(title, char(1)) > 0;
UPDATE schedules SET title = replace(title, char(1), char(1) || '1') WHERE instr(title, char(1)) > 0;
UPDATE actions SET text = replace(text, char(1), char(1) || '1') WHERE instr(text, char(1)) > 0;
UPDATE voters SET display_name = replace(display_name, char(1), char(1) || '1')
    WHERE instr(display_name, char(1)) > 0;
