-- The WOW wall: praise a team chose to keep off its unit's wall. One row per feedback item kept off;
-- putting it back deletes the row. The team is kept beside the item so the wall filters by team
-- without a join, and so the row goes with the team or the item when either is deleted.
CREATE TABLE wow_kept_off (
  feedback_id INTEGER PRIMARY KEY REFERENCES feedback(id) ON DELETE CASCADE,
  team_id     INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  kept_off_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  kept_off_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX wow_kept_off_team ON wow_kept_off(team_id);
