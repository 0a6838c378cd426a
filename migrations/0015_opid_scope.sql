-- opIds are unique per person, not per meeting: another person reusing my opId is not a retry of mine.
-- op_scope is the actor's key for commands people send, 'server' for ids the server makes (presence),
-- so no client can take an id the server will need. body_hash recognises the same opId sent with a
-- different command (NULL for events logged before it was kept).
CREATE TABLE meeting_events_scoped (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  op_scope   TEXT NOT NULL,
  op_id      TEXT NOT NULL,
  body_hash  TEXT,
  actor      TEXT NOT NULL,              -- JSON { key, name, role }
  type       TEXT NOT NULL,
  payload    TEXT NOT NULL,              -- JSON
  at         INTEGER NOT NULL,           -- server time, ms since the epoch
  PRIMARY KEY (meeting_id, seq),
  UNIQUE (meeting_id, op_scope, op_id)
) WITHOUT ROWID;

INSERT INTO meeting_events_scoped (meeting_id, seq, op_scope, op_id, body_hash, actor, type, payload, at)
SELECT meeting_id, seq,
       CASE WHEN type LIKE 'presence.%' THEN 'server' ELSE COALESCE(json_extract(actor, '$.key'), '') END,
       op_id, NULL, actor, type, payload, at
FROM meeting_events;

DROP TABLE meeting_events;
ALTER TABLE meeting_events_scoped RENAME TO meeting_events;
