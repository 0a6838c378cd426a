-- Why a webhook delivery failed, as a stable code the client translates (e.g. PRIVATE_ADDRESS for a
-- receiver on an internal address, which is refused without reporting what that address answered).
ALTER TABLE action_webhook_deliveries ADD COLUMN last_error_code TEXT;

-- Sign-in attempts per account (e-mail, lower case) in the last minute, kept in the database so that
-- every process counts the same attempts. A successful sign-in removes its own row.
CREATE TABLE login_attempts (
  id    INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  at    TEXT NOT NULL
);
CREATE INDEX login_attempts_email_at ON login_attempts(email, at);
