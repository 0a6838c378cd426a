-- A leader digest's mail is tried again when it fails: mail_state says where it stands (pending
-- until sent, sent, or failed once every attempt is spent; NULL when the digest was kept in the app
-- only, without SMTP_URL), mail_attempts how many sends were tried, mail_next_at when the next may
-- start, mail_error the last refusal. A sender holds the mail by mail_lease_until while it tries, so
-- of several processes one sends it; a lease that ran out (a process that died mid-send) frees it.
ALTER TABLE leader_digests ADD COLUMN mail_state TEXT CHECK (mail_state IN ('pending', 'sent', 'failed'));
ALTER TABLE leader_digests ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leader_digests ADD COLUMN mail_next_at TEXT;
ALTER TABLE leader_digests ADD COLUMN mail_lease_until TEXT;
ALTER TABLE leader_digests ADD COLUMN mail_error TEXT;
-- Digests mailed before: sent. The others cannot tell a failed send from no SMTP: left in the app only.
UPDATE leader_digests SET mail_state = 'sent', mail_attempts = 1 WHERE mailed_at IS NOT NULL;
CREATE INDEX leader_digests_mail_due ON leader_digests(mail_next_at) WHERE mail_state = 'pending';

-- The WOW wall quotes answers with words: its newest-first read walks these entries alone, instead
-- of every answer of the unit's teams (most answers carry a score and no comment).
CREATE INDEX feedback_with_words ON feedback(team_id, received_at, id) WHERE comment IS NOT NULL;
