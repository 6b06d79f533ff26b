-- Anonymous scheduled check-ins: every check-in a schedule starts uses this mode.
ALTER TABLE schedules ADD COLUMN anonymous BIGINT NOT NULL DEFAULT 0;
