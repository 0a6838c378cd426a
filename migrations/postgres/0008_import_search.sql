-- PostgreSQL twin of migrations/0008_import_search.sql.
-- File imports index their rows for search in a few large steps just before they are marked done,
-- instead of row by row; every other insert (webhook batches, single rows, seed data) is still
-- indexed by the trigger. (The delete half of 0008 has no twin here: an entry goes with its item
-- through feedback_search's foreign key, indexed or not.)
CREATE OR REPLACE FUNCTION kadence_feedback_index() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.import_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM feedback_imports i WHERE i.id = NEW.import_id AND i.status = 'running' AND i.channel IN ('file', 'cli')
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO feedback_search (feedback_id, document)
  VALUES (NEW.id, kadence_feedback_document(NEW.language, NEW.title, NEW.comment))
  ON CONFLICT (feedback_id) DO UPDATE SET document = EXCLUDED.document;
  RETURN NULL;
END
$$;
