-- PostgreSQL twin of migrations/0011_pulse_eligibility.sql.
-- Who may answer a pulse round is fixed when it opens: the team's members at that moment.
CREATE TABLE pulse_eligible (
  round_id bigint NOT NULL REFERENCES pulse_rounds(id) ON DELETE CASCADE,
  team_id  bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id  bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, team_id, user_id)
);

-- Rounds opened before this: whoever answered was a member then. Open rounds also take today's
-- members, the nearest record there is of who was asked.
INSERT INTO pulse_eligible (round_id, team_id, user_id)
  SELECT round_id, team_id, user_id FROM pulse_participation
  ON CONFLICT DO NOTHING;
INSERT INTO pulse_eligible (round_id, team_id, user_id)
  SELECT t.round_id, t.team_id, m.user_id
  FROM pulse_round_teams t JOIN pulse_rounds r ON r.id = t.round_id JOIN memberships m ON m.team_id = t.team_id
  WHERE r.closed_at IS NULL
  ON CONFLICT DO NOTHING;
