-- Improvement actions: decided in a meeting or between meetings, followed up at the next one.

CREATE TABLE actions (
  id            INTEGER PRIMARY KEY,
  team_id       INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  owner_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
  due_date      TEXT,                    -- local date YYYY-MM-DD in the team's time zone
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  drop_reason   TEXT,
  effect_metric TEXT CHECK (effect_metric IN ('nps', 'csat', 'ces', 'rating')),
  theme_id      INTEGER,                 -- a team theme (the live meeting keeps themes per team)
  meeting_id    INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  done_at       TEXT,
  CHECK ((status = 'dropped') = (drop_reason IS NOT NULL))
);
CREATE INDEX actions_team_status ON actions(team_id, status, due_date);
CREATE INDEX actions_owner ON actions(owner_id, status);
CREATE INDEX actions_meeting ON actions(meeting_id);

-- Where an action came from: the comments, cards (feedback items) and theme it was decided on.
CREATE TABLE action_origins (
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('comment', 'feedback', 'theme')),
  ref       TEXT NOT NULL,
  PRIMARY KEY (action_id, kind, ref)
) WITHOUT ROWID;

-- Every change, dated and attributed; notes are owners' short progress notes.
CREATE TABLE action_history (
  id         INTEGER PRIMARY KEY,
  action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created', 'status', 'owner', 'due', 'edited', 'note')),
  from_value TEXT,
  to_value   TEXT,
  note       TEXT
);
CREATE INDEX action_history_action ON action_history(action_id, id);
