-- A record that comes back (same source and external id) with changed content is updated in place,
-- and the item keeps what it was before: KPIs count the latest answer, the inbox says it was edited.

-- The reply a tool's own team gave (Google Play's developer reply), so a rating after a reply can be counted.
ALTER TABLE feedback ADD COLUMN reply TEXT;
ALTER TABLE feedback ADD COLUMN replied_at TEXT;   -- UTC, ISO 8601 like received_at

ALTER TABLE feedback_imports ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;

-- Changes found by an import that is still running. They are applied in the transaction that marks
-- the import done, so an import's changes are seen whole or not at all, like its new rows; a failed
-- or interrupted import's staged changes are discarded.
CREATE TABLE feedback_staged_updates (
  import_id   INTEGER NOT NULL REFERENCES feedback_imports(id) ON DELETE CASCADE,
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  received_at TEXT NOT NULL,
  metric      TEXT,
  score       INTEGER,
  title       TEXT,
  comment     TEXT,
  language    TEXT,
  segment     TEXT,
  reply       TEXT,
  replied_at  TEXT,
  original    TEXT NOT NULL,
  PRIMARY KEY (import_id, feedback_id)
) WITHOUT ROWID;
CREATE INDEX feedback_staged_updates_item ON feedback_staged_updates(feedback_id);

-- One row per applied change: the item's values before it, which import changed it and when. Undoing
-- that import puts the values back. Deleted with the item (erasure reaches it).
CREATE TABLE feedback_item_history (
  id          INTEGER PRIMARY KEY,
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  import_id   INTEGER NOT NULL REFERENCES feedback_imports(id) ON DELETE CASCADE,
  changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  received_at TEXT NOT NULL,
  metric      TEXT,
  score       INTEGER,
  title       TEXT,
  comment     TEXT,
  language    TEXT,
  segment     TEXT,
  reply       TEXT,
  replied_at  TEXT,
  original    TEXT NOT NULL
);
CREATE INDEX feedback_item_history_item ON feedback_item_history(feedback_id, id);
CREATE INDEX feedback_item_history_import ON feedback_item_history(import_id);
