-- The monthly leader digest: what a unit's teams held, decided and completed in a month, their KPI
-- movement and the teams that lost the rhythm, kept per (unit, lead, month) so the lead can read it
-- in the app. The unique key makes a digest exist once: of several processes composing it on the
-- first working day, only the one whose insert lands sends the mail. mailed_at stays NULL until the
-- mail went out (and always without SMTP_URL). content is the digest as JSON.
CREATE TABLE leader_digests (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),  -- YYYY-MM
  content    TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  mailed_at  TEXT,
  UNIQUE (unit_id, user_id, month)
);
CREATE INDEX leader_digests_user ON leader_digests(user_id, month);
