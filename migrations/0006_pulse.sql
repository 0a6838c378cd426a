-- The quarterly culture pulse. Anonymity is built into the schema: answers carry no person, no time
-- and no insertion order (random text keys in a WITHOUT ROWID table), and participation — kept only
-- to refuse a second answer — shares nothing with the answers but the round and the team.

CREATE TABLE pulse_statements (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER REFERENCES teams(id) ON DELETE CASCADE,  -- NULL: the workspace's own statements
  text_en    TEXT NOT NULL,
  text_da    TEXT NOT NULL,
  position   INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX pulse_statements_team ON pulse_statements(team_id);

INSERT INTO pulse_statements (team_id, position, text_en, text_da) VALUES
  (NULL, 1, 'Top management leads the way on customer experience in word and action.', 'Topledelsen går forrest for kundeoplevelsen i ord og handling.'),
  (NULL, 2, 'My leader knows what happens where we meet customers and leads by example.', 'Min leder ved, hvad der sker, hvor vi møder kunderne, og går forrest med det gode eksempel.'),
  (NULL, 3, 'In our team we get continuous feedback from customers that we use to define concrete improvements.', 'I vores team får vi løbende feedback fra kunderne, som vi bruger til at definere konkrete forbedringer.'),
  (NULL, 4, 'I have the latitude to create good customer experiences.', 'Jeg har råderum til at skabe gode kundeoplevelser.'),
  (NULL, 5, 'I know what good service means here, and we inspire each other to do better than yesterday.', 'Jeg ved, hvad god service betyder hos os, og vi inspirerer hinanden til at gøre det bedre end i går.'),
  (NULL, 6, 'What our customers need and expect matches what they actually experience with us.', 'Det, vores kunder har brug for og forventer, svarer til det, de faktisk oplever hos os.'),
  (NULL, 7, 'Reviewing customer feedback is a fixed point on our agenda.', 'Gennemgang af kundefeedback er et fast punkt på vores dagsorden.');

CREATE TABLE pulse_rounds (
  id         INTEGER PRIMARY KEY,
  quarter    TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  ends_on    TEXT NOT NULL,           -- last local day answers are taken
  opened_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at  TEXT
);

CREATE TABLE pulse_round_teams (
  round_id INTEGER NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  team_id  INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, team_id)
) WITHOUT ROWID;
CREATE INDEX pulse_round_teams_team ON pulse_round_teams(team_id);

-- The statements as they were asked, so later edits never change old results.
CREATE TABLE pulse_round_statements (
  round_id     INTEGER NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  statement_id INTEGER NOT NULL REFERENCES pulse_statements(id),
  position     INTEGER NOT NULL,
  text_en      TEXT NOT NULL,
  text_da      TEXT NOT NULL,
  PRIMARY KEY (round_id, statement_id)
) WITHOUT ROWID;

-- Who has answered, only to refuse a second answer. No time, nothing that points at an answer.
CREATE TABLE pulse_participation (
  round_id INTEGER NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  team_id  INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;

CREATE TABLE pulse_answers (
  id           TEXT PRIMARY KEY,      -- random: rows are stored in key order, not in the order given
  round_id     INTEGER NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  team_id      INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  statement_id INTEGER NOT NULL REFERENCES pulse_statements(id),
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment      TEXT
) WITHOUT ROWID;
CREATE INDEX pulse_answers_round ON pulse_answers(round_id, team_id, statement_id);
