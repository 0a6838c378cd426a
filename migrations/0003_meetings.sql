-- The rhythm: each team's recurrence, its exceptions, its agenda template and the meetings it yields.

-- A rule applies from valid_from (a local date) until the next rule's valid_from, so changing the
-- cadence from a date on never rewrites the past.
CREATE TABLE cadences (
  id               INTEGER PRIMARY KEY,
  team_id          INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  rrule            TEXT NOT NULL,        -- RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TU
  start_time       TEXT NOT NULL,        -- local wall time HH:MM in timezone
  timezone         TEXT NOT NULL,        -- IANA
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  valid_from       TEXT NOT NULL,        -- local date YYYY-MM-DD
  created_by       INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (team_id, valid_from)
);

-- One occurrence moved or skipped; keyed by the occurrence's original local start (RECURRENCE-ID).
CREATE TABLE cadence_exceptions (
  id               INTEGER PRIMARY KEY,
  team_id          INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  occurrence_local TEXT NOT NULL,        -- YYYY-MM-DDTHH:MM, local time of the original occurrence
  kind             TEXT NOT NULL CHECK (kind IN ('moved', 'skipped')),
  moved_to_local   TEXT,                 -- YYYY-MM-DDTHH:MM local, when moved
  reason           TEXT,
  created_by       INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (team_id, occurrence_local),
  CHECK ((kind = 'moved') = (moved_to_local IS NOT NULL))
);

CREATE TABLE agenda_templates (
  team_id    INTEGER PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
  steps      TEXT NOT NULL,              -- JSON: [{ "key": "checkin", "name": "…", "minutes": 5 }, …]
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Secret calendar feed tokens; only the hash is kept, revoking sets revoked_at.
CREATE TABLE calendar_tokens (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  revoked_at TEXT
);

CREATE TABLE meetings (
  id               INTEGER PRIMARY KEY,
  team_id          INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  occurrence_local TEXT,                 -- the occurrence it was made from; NULL for an ad-hoc meeting
  starts_at        TEXT NOT NULL,        -- UTC ISO
  ends_at          TEXT NOT NULL,        -- UTC ISO
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'ended', 'skipped')),
  skip_reason      TEXT,
  agenda           TEXT NOT NULL,        -- JSON snapshot of the template's steps when the meeting was made
  -- Feedback window [window_start, window_end): from the previous meeting's window end to this start.
  window_start     TEXT,
  window_end       TEXT NOT NULL,
  prepared_at      TEXT,
  started_at       TEXT,
  ended_at         TEXT,
  summary          TEXT,                 -- JSON summary kept when the meeting ends
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (team_id, occurrence_local)
);
CREATE INDEX meetings_team_start ON meetings(team_id, starts_at);

-- The board's cards: the feedback items picked for a meeting.
CREATE TABLE meeting_cards (
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  picked_by   TEXT NOT NULL CHECK (picked_by IN ('lead', 'proposal')),
  PRIMARY KEY (meeting_id, feedback_id)
) WITHOUT ROWID;
