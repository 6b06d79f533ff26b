-- (PostgreSQL dialect: every integer column is BIGINT so rows decode as on SQLite.)
-- Per-server settings and templates. A server's settings are one row per setting it set
-- (no row: the operator's default from config.toml). A server's own templates are stored as
-- validated JSON, keyed per server. A schedule keeps a copy of the template it was created
-- with, so later edits change only what
-- starts next.

CREATE TABLE server_settings (
    guild_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, name)
);

CREATE TABLE server_templates (
    guild_id BIGINT NOT NULL,
    template_key TEXT NOT NULL,
    template_json TEXT NOT NULL,
    author_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (guild_id, template_key)
);

ALTER TABLE schedules ADD COLUMN template_json TEXT;
CREATE INDEX schedules_by_template ON schedules (guild_id, template_key);
