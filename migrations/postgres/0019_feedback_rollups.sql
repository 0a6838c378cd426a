-- PostgreSQL twin of migrations/0019_feedback_rollups.sql.

-- Answers per score for each team, metric, source and month (YYYY-MM in the team's zone).
CREATE TABLE feedback_rollups (
  team_id bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  metric  text NOT NULL CHECK (metric IN ('nps', 'csat', 'ces', 'rating')),
  month   text NOT NULL,
  source  text NOT NULL,
  score   integer NOT NULL,
  answers integer NOT NULL,
  PRIMARY KEY (team_id, metric, month, score, source)
);

-- The zone a team's rollups are counted in; a team without a row has none built yet.
CREATE TABLE feedback_rollup_zones (
  team_id  bigint PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
  timezone text NOT NULL
);
