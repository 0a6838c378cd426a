import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface StatementRow {
  id: number;
  team_id: number | null;
  text_en: string;
  text_da: string;
  retired_at: string | null;
}
export interface RoundRow {
  id: number;
  quarter: string;
  ends_on: string;
  closed_at: string | null;
}

/** SQL for the pulse. Nothing here reads participation and answers together. */
export function createPulseRepo(db: Database) {
  const statements = db.prepare(
    'SELECT id, team_id, text_en, text_da, retired_at FROM pulse_statements WHERE team_id IS NULL OR team_id = ? ORDER BY team_id IS NOT NULL, position, id',
  );
  const statement = db.prepare('SELECT id, team_id, text_en, text_da, retired_at FROM pulse_statements WHERE id = ?');
  const insertStatement = db.prepare(
    'INSERT INTO pulse_statements (team_id, text_en, text_da, position) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM pulse_statements))',
  );
  const updateStatement = db.prepare(
    'UPDATE pulse_statements SET text_en = ?, text_da = ?, retired_at = ? WHERE id = ?',
  );
  const insertRound = db.prepare('INSERT INTO pulse_rounds (quarter, ends_on, opened_by) VALUES (?, ?, ?)');
  const insertRoundTeam = db.prepare('INSERT INTO pulse_round_teams (round_id, team_id) VALUES (?, ?)');
  const insertRoundStatement = db.prepare(
    'INSERT INTO pulse_round_statements (round_id, statement_id, position, text_en, text_da) VALUES (?, ?, ?, ?, ?)',
  );
  const roundsOfTeam = db.prepare(
    'SELECT r.id, r.quarter, r.ends_on, r.closed_at FROM pulse_rounds r JOIN pulse_round_teams t ON t.round_id = r.id WHERE t.team_id = ? ORDER BY r.quarter DESC, r.id DESC',
  );
  const round = db.prepare('SELECT id, quarter, ends_on, closed_at FROM pulse_rounds WHERE id = ?');
  const roundTeams = db.prepare('SELECT team_id FROM pulse_round_teams WHERE round_id = ?');
  const roundStatements = db.prepare(
    'SELECT statement_id AS statementId, text_en AS textEn, text_da AS textDa FROM pulse_round_statements WHERE round_id = ? ORDER BY position',
  );
  const openForTeamQuarter = db.prepare(
    'SELECT 1 FROM pulse_rounds r JOIN pulse_round_teams t ON t.round_id = r.id WHERE t.team_id = ? AND r.quarter = ? AND r.closed_at IS NULL',
  );
  const close = db.prepare(
    `UPDATE pulse_rounds SET closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND closed_at IS NULL`,
  );
  const fixEligible = db.prepare(
    'INSERT INTO pulse_eligible (round_id, team_id, user_id) SELECT ?, team_id, user_id FROM memberships WHERE team_id = ?',
  );
  const isEligible = db.prepare('SELECT 1 FROM pulse_eligible WHERE round_id = ? AND team_id = ? AND user_id = ?');
  const eligible = db.prepare('SELECT count(*) AS n FROM pulse_eligible WHERE round_id = ? AND team_id = ?');
  const insertParticipation = db.prepare(
    'INSERT INTO pulse_participation (round_id, user_id, team_id) VALUES (?, ?, ?)',
  );
  const hasAnswered = db.prepare('SELECT 1 FROM pulse_participation WHERE round_id = ? AND user_id = ?');
  // Only answers from the people fixed at opening count (answering refuses anyone else as well).
  const respondents = db.prepare(
    `SELECT count(*) AS n FROM pulse_participation p
     WHERE p.round_id = ? AND p.team_id = ? AND EXISTS (SELECT 1 FROM pulse_eligible e WHERE e.round_id = p.round_id AND e.team_id = p.team_id AND e.user_id = p.user_id)`,
  );
  const insertAnswer = db.prepare(
    'INSERT INTO pulse_answers (id, round_id, team_id, statement_id, score, comment) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const distribution = db.prepare(
    'SELECT statement_id AS statementId, score, count(*) AS n FROM pulse_answers WHERE round_id = ? AND team_id = ? GROUP BY statement_id, score',
  );
  // Sorted by text, never by storage, so even the order of comments says nothing about who wrote them.
  const comments = db.prepare(
    `SELECT statement_id AS statementId, comment AS text FROM pulse_answers WHERE round_id = ? AND team_id = ? AND comment IS NOT NULL AND comment <> '' ORDER BY statement_id, comment`,
  );

  return {
    statements: (teamId: number) => statements.all(teamId) as StatementRow[],
    statement: (id: number) => statement.get(id) as StatementRow | undefined,
    insertStatement: (teamId: number | null, textEn: string, textDa: string) =>
      Number(insertStatement.run(teamId, textEn, textDa).lastInsertRowid),
    updateStatement: (id: number, textEn: string, textDa: string, retiredAt: string | null) =>
      updateStatement.run(textEn, textDa, retiredAt, id),
    /** A new round, its teams and, fixed now, who in each team may answer it — in the caller's transaction. */
    insertRound(quarter: string, endsOn: string, openedBy: number, teamIds: number[], asked: StatementRow[]): number {
      const id = Number(insertRound.run(quarter, endsOn, openedBy).lastInsertRowid);
      for (const teamId of teamIds) {
        insertRoundTeam.run(id, teamId);
        fixEligible.run(id, teamId);
      }
      asked.forEach((row, index) => insertRoundStatement.run(id, row.id, index + 1, row.text_en, row.text_da));
      return id;
    },
    roundsOfTeam: (teamId: number) => roundsOfTeam.all(teamId) as RoundRow[],
    round: (id: number) => round.get(id) as RoundRow | undefined,
    roundTeams: (id: number) => (roundTeams.all(id) as { team_id: number }[]).map((row) => row.team_id),
    roundStatements: (id: number) =>
      roundStatements.all(id) as { statementId: number; textEn: string; textDa: string }[],
    openForTeamQuarter: (teamId: number, quarter: string) => openForTeamQuarter.get(teamId, quarter) !== undefined,
    close: (id: number) => close.run(id).changes,
    /** Records that a person answered, and their answers under random keys — in the caller's transaction. */
    recordAnswers(
      roundId: number,
      userId: number,
      teamId: number,
      answers: { statementId: number; score: number; comment: string | null }[],
    ): void {
      insertParticipation.run(roundId, userId, teamId);
      for (const answer of answers)
        insertAnswer.run(
          randomBytes(16).toString('hex'),
          roundId,
          teamId,
          answer.statementId,
          answer.score,
          answer.comment,
        );
    },
    hasAnswered: (roundId: number, userId: number) => hasAnswered.get(roundId, userId) !== undefined,
    respondents: (roundId: number, teamId: number) => (respondents.get(roundId, teamId) as { n: number }).n,
    /** How many of the team's members were asked when the round opened. */
    eligible: (roundId: number, teamId: number) => (eligible.get(roundId, teamId) as { n: number }).n,
    isEligible: (roundId: number, teamId: number, userId: number) =>
      isEligible.get(roundId, teamId, userId) !== undefined,
    distribution: (roundId: number, teamId: number) =>
      distribution.all(roundId, teamId) as { statementId: number; score: number; n: number }[],
    comments: (roundId: number, teamId: number) =>
      comments.all(roundId, teamId) as { statementId: number; text: string }[],
  };
}
export type PulseRepo = ReturnType<typeof createPulseRepo>;
