-- PostgreSQL twin of migrations/0026_digest_mail_and_wow_reads.sql: the digest mail's state,
-- attempts, next try and the lease a sender holds while it tries.
ALTER TABLE leader_digests ADD COLUMN mail_state text CHECK (mail_state IN ('pending', 'sent', 'failed'));
ALTER TABLE leader_digests ADD COLUMN mail_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE leader_digests ADD COLUMN mail_next_at timestamptz(3);
ALTER TABLE leader_digests ADD COLUMN mail_lease_until timestamptz(3);
ALTER TABLE leader_digests ADD COLUMN mail_error text;
UPDATE leader_digests SET mail_state = 'sent', mail_attempts = 1 WHERE mailed_at IS NOT NULL;
CREATE INDEX leader_digests_mail_due ON leader_digests(mail_next_at) WHERE mail_state = 'pending';

-- The WOW wall quotes answers with words: its newest-first read walks these entries alone, instead
-- of every answer of the unit's teams (most answers carry a score and no comment).
CREATE INDEX feedback_with_words ON feedback(team_id, received_at, id) WHERE comment IS NOT NULL;
