-- Monthly rollups: answers per score for each team, metric, source and month, so the KPI charts and
-- a unit's dashboard read a few hundred rows instead of every answer (issue 16, bench:rollup).
-- `month` is YYYY-MM in the team's zone, the calendar month the KPIs count in. They count what is
-- visible (visible_feedback) and are kept exact in the transaction of every change of it
-- (server/feedback/rollups.ts): an import made visible, an answer that came back changed, an undo,
-- an erasure; a change of the team's zone builds them again.
CREATE TABLE feedback_rollups (
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  metric  TEXT NOT NULL CHECK (metric IN ('nps', 'csat', 'ces', 'rating')),
  month   TEXT NOT NULL,
  source  TEXT NOT NULL,
  score   INTEGER NOT NULL,
  -- Changes are added as signed counts (an upsert checks a CHECK before its conflict), and a cell
  -- that reaches 0 is deleted in the same transaction.
  answers INTEGER NOT NULL,
  -- Score before source: reads over all sources sum neighbouring cells in key order, without a sort.
  PRIMARY KEY (team_id, metric, month, score, source)
) WITHOUT ROWID;

-- The zone a team's rollups are counted in. A team without a row (every team from before this
-- migration) has none yet: they are built at start-up, before anything is served.
CREATE TABLE feedback_rollup_zones (
  team_id  INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
  timezone TEXT NOT NULL
);
