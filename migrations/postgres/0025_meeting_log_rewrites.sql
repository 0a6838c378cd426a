-- PostgreSQL twin of migrations/0025_meeting_log_rewrites.sql: how many times an erasure rewrote a
-- meeting's stored log, read with the meeting in every live write so no process folds on a stale copy.
ALTER TABLE meetings ADD COLUMN log_rewrites integer NOT NULL DEFAULT 0;
