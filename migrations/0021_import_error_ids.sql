-- A rejected row gets an id of its own, so erasure can rewrite one report line on either store
-- (it was addressed by SQLite's rowid, which PostgreSQL has not). The table is rebuilt with the id
-- first; each row keeps its rowid as its id.
CREATE TABLE feedback_import_errors_new (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES feedback_imports(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  code      TEXT NOT NULL DEFAULT 'OTHER',
  params    TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO feedback_import_errors_new (id, import_id, line, code, params)
  SELECT rowid, import_id, line, code, params FROM feedback_import_errors;
DROP TABLE feedback_import_errors;
ALTER TABLE feedback_import_errors_new RENAME TO feedback_import_errors;
CREATE INDEX feedback_import_errors_import ON feedback_import_errors(import_id, line);
