-- Customer feedback: imports, the items themselves, tags, search, ingestion tokens and saved mappings.

CREATE TABLE feedback_imports (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  -- file: uploaded in the UI; cli: imported from the command line; api: a webhook batch.
  channel     TEXT NOT NULL CHECK (channel IN ('file', 'cli', 'api')),
  file_name   TEXT,
  preset      TEXT NOT NULL,
  -- running imports are invisible everywhere and removed at start-up, so an import is whole or absent.
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'undone')),
  rows_total  INTEGER NOT NULL DEFAULT 0,
  imported    INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  failure     TEXT,
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TEXT
);
CREATE INDEX feedback_imports_team ON feedback_imports(team_id, id);

-- One line per rejected row, with the line number as a spreadsheet shows it (header = line 1).
CREATE TABLE feedback_import_errors (
  import_id INTEGER NOT NULL REFERENCES feedback_imports(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  reason    TEXT NOT NULL
);
CREATE INDEX feedback_import_errors_import ON feedback_import_errors(import_id, line);

CREATE TABLE feedback (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  import_id    INTEGER REFERENCES feedback_imports(id) ON DELETE CASCADE,
  source       TEXT NOT NULL,
  external_id  TEXT,
  -- external_id when the source has one, otherwise a hash of the content: a re-import adds nothing.
  dedupe_key   TEXT NOT NULL,
  received_at  TEXT NOT NULL,            -- UTC, ISO 8601 with milliseconds and Z
  metric       TEXT CHECK (metric IN ('nps', 'csat', 'ces', 'rating')),
  score        INTEGER,
  title        TEXT,
  comment      TEXT,
  language     TEXT CHECK (language IN ('da', 'en')),
  customer_ref TEXT,                     -- pseudonymised (keyed hash), never the raw reference
  segment      TEXT,
  original     TEXT NOT NULL,            -- the source row as JSON, for audit and re-mapping
  flagged      INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)), -- "bring to the next review"
  CHECK ((metric IS NULL) = (score IS NULL)),
  CHECK (metric IS NULL
      OR (metric = 'nps' AND score BETWEEN 0 AND 10)
      OR (metric = 'csat' AND score BETWEEN 1 AND 5)
      OR (metric = 'ces' AND score BETWEEN 1 AND 7)
      OR (metric = 'rating' AND score BETWEEN 1 AND 5))
);
CREATE UNIQUE INDEX feedback_dedupe ON feedback(team_id, source, dedupe_key);
CREATE INDEX feedback_team_time ON feedback(team_id, received_at, id);
CREATE INDEX feedback_team_metric_time ON feedback(team_id, metric, received_at);
CREATE INDEX feedback_import ON feedback(import_id);
CREATE INDEX feedback_customer ON feedback(team_id, customer_ref) WHERE customer_ref IS NOT NULL;
CREATE INDEX feedback_flagged ON feedback(team_id, received_at) WHERE flagged = 1;

CREATE TABLE feedback_tags (
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  tag         TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (feedback_id, tag)
) WITHOUT ROWID;
CREATE INDEX feedback_tags_tag ON feedback_tags(tag, feedback_id);

-- Full-text search over title and comment; diacritics folded so "aeble" does not need "æble" typed exactly.
CREATE VIRTUAL TABLE feedback_fts USING fts5(
  title, comment,
  content = 'feedback', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback BEGIN
  INSERT INTO feedback_fts(rowid, title, comment) VALUES (new.id, new.title, new.comment);
END;
CREATE TRIGGER feedback_fts_delete AFTER DELETE ON feedback BEGIN
  INSERT INTO feedback_fts(feedback_fts, rowid, title, comment) VALUES ('delete', old.id, old.title, old.comment);
END;
CREATE TRIGGER feedback_fts_update AFTER UPDATE OF title, comment ON feedback BEGIN
  INSERT INTO feedback_fts(feedback_fts, rowid, title, comment) VALUES ('delete', old.id, old.title, old.comment);
  INSERT INTO feedback_fts(rowid, title, comment) VALUES (new.id, new.title, new.comment);
END;

-- Tokens for survey tools' webhooks; only the hash is stored.
CREATE TABLE team_api_tokens (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at TEXT,
  revoked_at   TEXT
);
CREATE INDEX team_api_tokens_team ON team_api_tokens(team_id);

-- A column mapping a team saved under a name, reused for the next file from the same tool.
CREATE TABLE feedback_mapping_presets (
  team_id    INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  mapping    TEXT NOT NULL,              -- JSON: { field: header }
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (team_id, name)
);

-- Everything that reads feedback reads this view: rows of an import still running (or failed,
-- or undone) are never visible, so an import is seen whole or not at all.
CREATE VIEW visible_feedback AS
  SELECT f.* FROM feedback f
  WHERE f.import_id IS NULL
     OR EXISTS (SELECT 1 FROM feedback_imports i WHERE i.id = f.import_id AND i.status = 'done');
