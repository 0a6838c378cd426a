-- Who may answer a pulse round is fixed when it opens: the team's members at that moment. An account
-- that joins later (for instance through an invite its lead made for the purpose) cannot answer that
-- round, and a round's results need at least the threshold of these people, so a lead cannot fill a
-- round with accounts of their own and read one member's answers. Like participation, this shares
-- nothing with the answers but the round and the team.
CREATE TABLE pulse_eligible (
  round_id INTEGER NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  team_id  INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, team_id, user_id)
) WITHOUT ROWID;

-- Rounds opened before this: whoever answered was a member then. Open rounds also take today's
-- members, the nearest record there is of who was asked.
INSERT OR IGNORE INTO pulse_eligible (round_id, team_id, user_id)
  SELECT round_id, team_id, user_id FROM pulse_participation;
INSERT OR IGNORE INTO pulse_eligible (round_id, team_id, user_id)
  SELECT t.round_id, t.team_id, m.user_id
  FROM pulse_round_teams t JOIN pulse_rounds r ON r.id = t.round_id JOIN memberships m ON m.team_id = t.team_id
  WHERE r.closed_at IS NULL;
