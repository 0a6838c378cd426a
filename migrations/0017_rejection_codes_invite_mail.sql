-- Two changes of one release: rejection reasons as codes (below), and invite e-mails counted per team (at the end).
-- A rejected row's reason as a stable code and its params (JSON), so the app can word it in the
-- viewer's language; the English sentence is made from them when the API or the CLI needs one.
-- Reasons stored as English sentences before are recognised where their wording is known; any other
-- is kept whole as OTHER { text }, which shows as written.
ALTER TABLE feedback_import_errors ADD COLUMN code TEXT NOT NULL DEFAULT 'OTHER';
ALTER TABLE feedback_import_errors ADD COLUMN params TEXT NOT NULL DEFAULT '{}';

-- Fixed sentences.
UPDATE feedback_import_errors SET code = 'NO_SCORE_OR_COMMENT' WHERE reason = 'the row has neither a score nor a comment';
UPDATE feedback_import_errors SET code = 'QUOTE_NOT_CLOSED' WHERE reason = 'a quoted field is never closed (missing ")';
UPDATE feedback_import_errors SET code = 'STRAY_QUOTE' WHERE reason = 'a quoted field has a stray " inside it';
UPDATE feedback_import_errors SET code = 'ENTRY_NOT_OBJECT' WHERE reason = 'the entry is not an object';
UPDATE feedback_import_errors SET code = 'LINE_NOT_OBJECT' WHERE reason = 'the line is not a JSON object';
UPDATE feedback_import_errors SET code = 'LINE_NOT_JSON' WHERE reason = 'the line is not valid JSON';
UPDATE feedback_import_errors SET code = 'RATING_NOT_GIVEN', params = json_object('value', 'offered') WHERE reason = 'no rating was given (offered)';
UPDATE feedback_import_errors SET code = 'RATING_NOT_GIVEN', params = json_object('value', 'unoffered') WHERE reason = 'no rating was given (unoffered)';
UPDATE feedback_import_errors SET code = 'RATING_NOT_GIVEN', params = json_object('value', '') WHERE reason = 'no rating was given (empty)';

-- A quoted value between a fixed start and a fixed end: "<value>" is not a date Kadence can read.
CREATE TEMP TABLE rejection_wordings (code TEXT NOT NULL, head TEXT NOT NULL, tail TEXT NOT NULL, name TEXT NOT NULL);
INSERT INTO rejection_wordings (code, head, tail, name) VALUES
  ('DATE_UNREADABLE', '"', '" is not a date Kadence can read', 'value'),
  ('REPLY_DATE_UNREADABLE', '"', '" is not a reply date Kadence can read', 'value'),
  ('METRIC_UNKNOWN', '"', '" is not a known metric (nps, csat, ces or rating)', 'value'),
  ('SCORE_NOT_WHOLE', 'the score "', '" is not a whole number', 'value'),
  ('SCORE_NO_METRIC', 'the score "', '" has no metric; map a metric column or choose the metric', 'value'),
  ('RATING_NOT_GOOD_OR_BAD', '"', '" is not a Zendesk rating (good or bad)', 'value'),
  ('DATE_MISSING', 'the date is missing (column "', '")', 'column');
UPDATE feedback_import_errors
   SET code = (SELECT w.code FROM rejection_wordings w WHERE substr(reason, 1, length(w.head)) = w.head AND substr(reason, -length(w.tail)) = w.tail AND length(reason) >= length(w.head) + length(w.tail)),
       params = (SELECT json_object(w.name, substr(reason, length(w.head) + 1, length(reason) - length(w.head) - length(w.tail))) FROM rejection_wordings w
                  WHERE substr(reason, 1, length(w.head)) = w.head AND substr(reason, -length(w.tail)) = w.tail AND length(reason) >= length(w.head) + length(w.tail))
 WHERE code = 'OTHER'
   AND EXISTS (SELECT 1 FROM rejection_wordings w WHERE substr(reason, 1, length(w.head)) = w.head AND substr(reason, -length(w.tail)) = w.tail AND length(reason) >= length(w.head) + length(w.tail));
DROP TABLE rejection_wordings;

-- the score <value> is outside <low>–<high> <scale>
CREATE TEMP TABLE rejection_scales (metric TEXT NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL, tail TEXT NOT NULL);
INSERT INTO rejection_scales (metric, low, high, tail) VALUES
  ('nps', 0, 10, ' is outside 0–10 for NPS'), ('csat', 1, 5, ' is outside 1–5 for CSAT'), ('ces', 1, 7, ' is outside 1–7 for CES'), ('rating', 1, 5, ' is outside 1–5 stars');
UPDATE feedback_import_errors
   SET code = 'SCORE_OUT_OF_RANGE',
       params = (SELECT json_object('value', substr(reason, 11, length(reason) - 10 - length(s.tail)), 'metric', s.metric, 'low', s.low, 'high', s.high)
                   FROM rejection_scales s WHERE substr(reason, -length(s.tail)) = s.tail)
 WHERE code = 'OTHER' AND substr(reason, 1, 10) = 'the score '
   AND EXISTS (SELECT 1 FROM rejection_scales s WHERE substr(reason, -length(s.tail)) = s.tail AND length(reason) > 10 + length(s.tail));
DROP TABLE rejection_scales;

-- the row has <n> fields; the header has <m>
UPDATE feedback_import_errors
   SET code = 'FIELD_COUNT',
       params = json_object('fields', CAST(replace(substr(reason, 13, instr(reason, ' fields; the header has ') - 13), ',', '') AS INTEGER),
                            'expected', CAST(replace(substr(reason, instr(reason, ' fields; the header has ') + 24), ',', '') AS INTEGER))
 WHERE code = 'OTHER' AND substr(reason, 1, 12) = 'the row has ' AND instr(reason, ' fields; the header has ') > 13
   AND trim(substr(reason, 13, instr(reason, ' fields; the header has ') - 13), '0123456789,') = ''
   AND trim(substr(reason, instr(reason, ' fields; the header has ') + 24), '0123456789,') = ''
   AND substr(reason, instr(reason, ' fields; the header has ') + 24) <> '';

-- the field "<column>" is <length> characters long; the limit is 20,000
UPDATE feedback_import_errors
   SET code = 'FIELD_TOO_LONG',
       params = json_object('column', substr(reason, 12, instr(reason, '" is ') - 12),
                            'length', CAST(replace(substr(reason, instr(reason, '" is ') + 5, length(reason) - instr(reason, '" is ') - 41), ',', '') AS INTEGER),
                            'limit', 20000)
 WHERE code = 'OTHER' AND substr(reason, 1, 11) = 'the field "' AND substr(reason, -37) = ' characters long; the limit is 20,000'
   AND instr(reason, '" is ') > 11
   AND length(reason) - instr(reason, '" is ') - 41 > 0
   AND trim(substr(reason, instr(reason, '" is ') + 5, length(reason) - instr(reason, '" is ') - 41), '0123456789,') = '';

-- Anything else is shown as it was written.
UPDATE feedback_import_errors SET params = json_object('text', reason) WHERE code = 'OTHER';

ALTER TABLE feedback_import_errors DROP COLUMN reason;

-- Invite links sent by e-mail, counted per team so one team cannot make the server send mail without
-- end (the limit is shared by every process, as the database is). The address is not kept: the
-- invite row keeps the one it was made for, if any.
CREATE TABLE invite_emails (
  id        INTEGER PRIMARY KEY,
  team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  invite_id INTEGER NOT NULL REFERENCES invites(id) ON DELETE CASCADE,
  sent_at   TEXT NOT NULL
);
CREATE INDEX invite_emails_team ON invite_emails(team_id, sent_at);
