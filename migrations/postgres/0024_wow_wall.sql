-- PostgreSQL twin of migrations/0024_wow_wall.sql: the praise a team keeps off its unit's WOW wall.
CREATE TABLE wow_kept_off (
  feedback_id bigint PRIMARY KEY REFERENCES feedback(id) ON DELETE CASCADE,
  team_id     bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  kept_off_by bigint REFERENCES users(id) ON DELETE SET NULL,
  kept_off_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX wow_kept_off_team ON wow_kept_off(team_id);
