-- Resilience (issue 11). Every integer column is BIGINT so rows decode the same way on both
-- databases.

-- The secret of an anonymous retro lives in its own row: inserted at start, deleted at close,
-- never rewritten (a click no longer touches a row that holds it).
CREATE TABLE anonymous_secrets (
    retro_id BIGINT PRIMARY KEY REFERENCES retros (id) ON DELETE CASCADE,
    secret TEXT NOT NULL
);
INSERT INTO anonymous_secrets (retro_id, secret)
    SELECT id, anon_secret FROM retros WHERE anon_secret IS NOT NULL;
UPDATE retros SET anon_secret = NULL WHERE anon_secret IS NOT NULL;
ALTER TABLE retros DROP COLUMN anon_secret;

-- The small-group threshold an anonymous retro started with (summary and exports use it).
ALTER TABLE retros ADD COLUMN anonymous_min_voters BIGINT;

-- Retros whose changes the vote writer had to drop (the database was away longer than its
-- queue lasts): they are re-read from Discord when the database is back and before closing.
CREATE TABLE retros_to_reread (
    retro_id BIGINT PRIMARY KEY,
    flagged_at BIGINT NOT NULL
);

-- Rows written by the health check, proving the database takes writes.
CREATE TABLE heartbeats (
    name TEXT PRIMARY KEY,
    written_at BIGINT NOT NULL
);

-- Member text is stored with NUL escaped as U+0001 '0' and U+0001 itself as U+0001 '1'
-- (src/store/text.rs); text written before this migration gets its U+0001 escaped.
UPDATE replies SET content = replace(content, chr(1), chr(1) || '1'),
    author_name = replace(author_name, chr(1), chr(1) || '1')
    WHERE strpos(content, chr(1)) > 0 OR strpos(author_name, chr(1)) > 0;
UPDATE anonymous_answers SET content = replace(content, chr(1), chr(1) || '1')
    WHERE strpos(content, chr(1)) > 0;
UPDATE retros SET title = replace(title, chr(1), chr(1) || '1') WHERE strpos(title, chr(1)) > 0;
UPDATE schedules SET title = replace(title, chr(1), chr(1) || '1') WHERE strpos(title, chr(1)) > 0;
UPDATE actions SET text = replace(text, chr(1), chr(1) || '1') WHERE strpos(text, chr(1)) > 0;
UPDATE voters SET display_name = replace(display_name, chr(1), chr(1) || '1')
    WHERE strpos(display_name, chr(1)) > 0;
