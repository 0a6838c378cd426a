-- PostgreSQL twin of migrations/0010_kpi_reads.sql.
-- Visibility as an uncorrelated IN: the list of finished imports is built once per query.
CREATE OR REPLACE VIEW visible_feedback AS
  SELECT f.* FROM feedback f
  WHERE f.import_id IS NULL
     OR f.import_id IN (SELECT i.id FROM feedback_imports i WHERE i.status = 'done');

-- A KPI counts answers per score in a period: with the score and the import in the index, an
-- index-only scan never reads the rows themselves.
DROP INDEX feedback_team_metric_time;
CREATE INDEX feedback_team_metric_time ON feedback(team_id, metric, received_at, score, import_id);
