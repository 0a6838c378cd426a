-- Background work that must run once across processes (webhook deliveries, digests, reminders,
-- scheduling): a row per job. A worker claims due jobs by setting a lease; a job whose lease ran out
-- (its worker died) is due again. Failures come back after a growing pause until max_attempts, then
-- the job is dead and stays for a person to look at. All instants are ISO text in UTC.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL DEFAULT '{}',      -- JSON
  state        TEXT NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'running', 'done', 'dead')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 5,
  run_after    TEXT NOT NULL,                   -- due from this instant (later after each failure)
  lease_until  TEXT,                            -- while running: the claim holds until then
  locked_by    TEXT,                            -- the worker holding the lease
  last_error   TEXT,
  dedupe_key   TEXT UNIQUE,                     -- enqueuing the same key again adds nothing
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at  TEXT
);
CREATE INDEX jobs_due ON jobs (state, run_after);
