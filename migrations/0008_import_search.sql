-- File imports index their rows for search in a few large steps just before they are marked done,
-- instead of row by row: FTS5 writes one segment per transaction, and thousands of small segments
-- (one per 2,000-row batch) cost more to write and merge than the rest of the import together.
-- Every other insert (webhook batches, single rows, seed data) is still indexed by the trigger.
DROP TRIGGER feedback_fts_insert;
CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback
WHEN new.import_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM feedback_imports i WHERE i.id = new.import_id AND i.status = 'running' AND i.channel IN ('file', 'cli')
)
BEGIN
  INSERT INTO feedback_fts(rowid, title, comment) VALUES (new.id, new.title, new.comment);
END;

-- A row of an import that failed or was cut short before its indexing step is not in the index;
-- telling FTS5 to delete it would corrupt the index, so only indexed rows (those with a size entry) are.
DROP TRIGGER feedback_fts_delete;
CREATE TRIGGER feedback_fts_delete AFTER DELETE ON feedback
WHEN EXISTS (SELECT 1 FROM feedback_fts_docsize d WHERE d.id = old.id)
BEGIN
  INSERT INTO feedback_fts(feedback_fts, rowid, title, comment) VALUES ('delete', old.id, old.title, old.comment);
END;
