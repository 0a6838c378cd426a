-- Outgoing webhooks per team, their deliveries (a durable retry queue) and reminder bookkeeping.

CREATE TABLE action_webhooks (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  secret     TEXT NOT NULL,              -- shared with the receiver, which needs it to check signatures
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX action_webhooks_team ON action_webhooks(team_id);

-- One row per event per webhook; attempts are retried with backoff until delivered or given up.
-- Kept in the database so a restart resumes where it stopped.
CREATE TABLE action_webhook_deliveries (
  id              INTEGER PRIMARY KEY,
  webhook_id      INTEGER NOT NULL REFERENCES action_webhooks(id) ON DELETE CASCADE,
  event           TEXT NOT NULL CHECK (event IN ('action.created', 'action.updated', 'action.done')),
  body            TEXT NOT NULL,         -- the exact JSON that is signed and sent
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_status     INTEGER,               -- HTTP status of the last attempt, NULL when none came back
  last_error      TEXT,
  next_attempt_at TEXT,                  -- UTC ISO; NULL once delivered or given up
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  delivered_at    TEXT
);
CREATE INDEX action_webhook_deliveries_due ON action_webhook_deliveries(status, next_attempt_at);
CREATE INDEX action_webhook_deliveries_hook ON action_webhook_deliveries(webhook_id, id);

-- Which reminder an owner has had for an action, so a digest never repeats itself the same day.
CREATE TABLE action_reminders (
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  sent_on   TEXT NOT NULL,               -- local date YYYY-MM-DD
  PRIMARY KEY (action_id, kind, sent_on)
) WITHOUT ROWID;
