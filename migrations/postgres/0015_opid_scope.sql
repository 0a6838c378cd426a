-- PostgreSQL twin of migrations/0015_opid_scope.sql.
-- opIds are unique per person, not per meeting: op_scope is the actor's key for commands people
-- send, 'server' for ids the server makes (presence); body_hash recognises the same opId sent with
-- a different command (NULL for events logged before it was kept). PostgreSQL alters the table in
-- place where SQLite rebuilt it.
ALTER TABLE meeting_events ADD COLUMN op_scope text;
ALTER TABLE meeting_events ADD COLUMN body_hash text;
UPDATE meeting_events
   SET op_scope = CASE WHEN type LIKE 'presence.%' THEN 'server' ELSE COALESCE(actor::jsonb ->> 'key', '') END;
ALTER TABLE meeting_events ALTER COLUMN op_scope SET NOT NULL;
ALTER TABLE meeting_events DROP CONSTRAINT meeting_events_op;
ALTER TABLE meeting_events ADD CONSTRAINT meeting_events_op UNIQUE (meeting_id, op_scope, op_id);
