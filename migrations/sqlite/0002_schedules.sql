-- Scheduled recurring check-ins. A schedule keeps the UTC instant of its next occurrence;
-- a check-in started for an occurrence is a retro with (schedule_id, occurrence_at), unique,
-- which is what makes an occurrence fire exactly once (also across processes).

CREATE TABLE schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    creator_id INTEGER NOT NULL,
    rule TEXT NOT NULL,
    template_key TEXT NOT NULL,
    title TEXT,
    duration_ms INTEGER NOT NULL,
    team_role_id INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX schedules_due ON schedules (paused, next_at);
CREATE INDEX schedules_by_guild ON schedules (guild_id, channel_id);

-- What happened to occurrences that did not become a check-in (skipped after downtime, or
-- failed: channel busy, template gone, Discord refused).
CREATE TABLE occurrences (
    schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    due_at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (schedule_id, due_at)
);

ALTER TABLE retros ADD COLUMN schedule_id INTEGER;
ALTER TABLE retros ADD COLUMN occurrence_at INTEGER;
ALTER TABLE retros ADD COLUMN team_role_id INTEGER;
ALTER TABLE retros ADD COLUMN remind_at INTEGER;
ALTER TABLE retros ADD COLUMN reminded INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX retros_one_per_occurrence ON retros (schedule_id, occurrence_at)
    WHERE schedule_id IS NOT NULL;
CREATE INDEX retros_reminders ON retros (status, reminded, remind_at);
