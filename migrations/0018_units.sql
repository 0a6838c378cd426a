-- The organisation above the teams: units form a tree (company, division, department, ... at any
-- depth). A team belongs to at most one unit; a unit's leads read everything below it.
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  parent_id  INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX units_parent ON units(parent_id);

-- team_id is the key: one unit per team at most.
CREATE TABLE unit_teams (
  team_id INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
);
CREATE INDEX unit_teams_unit ON unit_teams(unit_id);

CREATE TABLE unit_leads (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX unit_leads_user ON unit_leads(user_id);
