-- KPI reads over a million rows (measured in bench:import; details in docs/benchmarks-import.md).
--
-- Visibility as an uncorrelated IN: SQLite builds the list of finished imports once per query
-- instead of looking up the import of every row.
DROP VIEW visible_feedback;
CREATE VIEW visible_feedback AS
  SELECT f.* FROM feedback f
  WHERE f.import_id IS NULL
     OR f.import_id IN (SELECT i.id FROM feedback_imports i WHERE i.status = 'done');

-- A KPI counts answers per score in a period: with the score and the import in the index, it never
-- reads the rows themselves. Rows arrive in time order, so the wider entries cost an import little.
DROP INDEX feedback_team_metric_time;
CREATE INDEX feedback_team_metric_time ON feedback(team_id, metric, received_at, score, import_id);
