-- An action decided in a live review gets a 'decided' history entry (to_value: the review's start,
-- UTC ISO) instead of 'created', so its history can say in which review it was decided.
-- SQLite cannot change a CHECK in place: the table is rebuilt with the same rows and ids.
CREATE TABLE action_history_next (
  id         INTEGER PRIMARY KEY,
  action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created', 'decided', 'status', 'owner', 'due', 'edited', 'note')),
  from_value TEXT,
  to_value   TEXT,
  note       TEXT
);
INSERT INTO action_history_next (id, action_id, at, actor_id, kind, from_value, to_value, note)
  SELECT id, action_id, at, actor_id, kind, from_value, to_value, note FROM action_history;
DROP TABLE action_history;
ALTER TABLE action_history_next RENAME TO action_history;
CREATE INDEX action_history_action ON action_history(action_id, id);
