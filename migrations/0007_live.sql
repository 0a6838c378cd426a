-- The live meeting: an append-only event log per meeting, team themes, guest links and attendance.

-- Every accepted command becomes one event; seq is gapless per meeting and op_id makes retries idempotent.
CREATE TABLE meeting_events (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  op_id      TEXT NOT NULL,
  actor      TEXT NOT NULL,              -- JSON { key, name, role }
  type       TEXT NOT NULL,
  payload    TEXT NOT NULL,              -- JSON
  at         INTEGER NOT NULL,           -- server time, ms since the epoch
  PRIMARY KEY (meeting_id, seq),
  UNIQUE (meeting_id, op_id)
) WITHOUT ROWID;

-- The folded state at some seq, so a long meeting is rebuilt from the latest snapshot plus the tail.
CREATE TABLE meeting_snapshots (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  state      TEXT NOT NULL,              -- JSON MeetingState
  PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;

-- Themes live with the team so the same theme is recognised month after month.
CREATE TABLE themes (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  merged_into INTEGER REFERENCES themes(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_in INTEGER REFERENCES meetings(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX themes_team_name ON themes(team_id, name COLLATE NOCASE) WHERE merged_into IS NULL;

-- A revocable link that lets someone without an account join one meeting; only the hash is kept.
CREATE TABLE meeting_guest_links (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('participant', 'observer')),
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  revoked_at TEXT
);

-- A guest is a display name behind one link; ids keep their comments apart from each other.
CREATE TABLE meeting_guests (
  secret_hash TEXT NOT NULL UNIQUE,   -- the guest's own bearer secret for the socket, hashed
  id         INTEGER PRIMARY KEY,
  link_id    INTEGER NOT NULL REFERENCES meeting_guest_links(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Who took part: first join per person, for the summary.
CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  participant TEXT NOT NULL,             -- u:<user id> or g:<guest id>
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  joined_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (meeting_id, participant)
) WITHOUT ROWID;
