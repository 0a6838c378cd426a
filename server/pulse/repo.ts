import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/kysely/store.ts';

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

const STATEMENT_COLUMNS = ['id', 'team_id', 'text_en', 'text_da', 'retired_at'] as const;
const ROUND_COLUMNS = ['id', 'quarter', 'ends_on', 'closed_at'] as const;

/** SQL for the pulse, on either store. Nothing here reads participation and answers together. */
export function createPulseRepo(db: Executor) {
  return {
    statements: (teamId: number): Promise<StatementRow[]> =>
      db
        .selectFrom('pulse_statements')
        .select(STATEMENT_COLUMNS)
        .where((eb) => eb.or([eb('team_id', 'is', null), eb('team_id', '=', teamId)]))
        // Workspace statements first (0/1 on both stores), then by position.
        .orderBy((eb) => eb.case().when('team_id', 'is', null).then(0).else(1).end())
        .orderBy('position')
        .orderBy('id')
        .execute(),
    statement: (id: number): Promise<StatementRow | undefined> =>
      db.selectFrom('pulse_statements').select(STATEMENT_COLUMNS).where('id', '=', id).executeTakeFirst(),
    async insertStatement(teamId: number | null, textEn: string, textDa: string): Promise<number> {
      const row = await db
        .insertInto('pulse_statements')
        .values((eb) => ({
          team_id: teamId,
          text_en: textEn,
          text_da: textDa,
          position: eb
            .selectFrom('pulse_statements')
            .select((inner) => inner(inner.fn.coalesce(inner.fn.max('position'), inner.lit(0)), '+', 1).as('next')),
        }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async updateStatement(id: number, textEn: string, textDa: string, retiredAt: string | null): Promise<number> {
      const result = await db
        .updateTable('pulse_statements')
        .set({ text_en: textEn, text_da: textDa, retired_at: retiredAt })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    /** A new round, its teams and, fixed now, who in each team may answer it — in the caller's transaction. */
    async insertRound(
      quarter: string,
      endsOn: string,
      openedBy: number,
      teamIds: number[],
      asked: StatementRow[],
    ): Promise<number> {
      const { id } = await db
        .insertInto('pulse_rounds')
        .values({ quarter, ends_on: endsOn, opened_by: openedBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const teamId of teamIds) {
        await db.insertInto('pulse_round_teams').values({ round_id: id, team_id: teamId }).execute();
        await db
          .insertInto('pulse_eligible')
          .columns(['round_id', 'team_id', 'user_id'])
          .expression((eb) =>
            eb
              .selectFrom('memberships')
              .select((inner) => [inner.val(id).as('round_id'), 'team_id', 'user_id'])
              .where('team_id', '=', teamId),
          )
          .execute();
      }
      if (asked.length > 0)
        await db
          .insertInto('pulse_round_statements')
          .values(
            asked.map((row, index) => ({
              round_id: id,
              statement_id: row.id,
              position: index + 1,
              text_en: row.text_en,
              text_da: row.text_da,
            })),
          )
          .execute();
      return id;
    },
    roundsOfTeam: (teamId: number): Promise<RoundRow[]> =>
      db
        .selectFrom('pulse_rounds as r')
        .innerJoin('pulse_round_teams as t', 't.round_id', 'r.id')
        .select(['r.id', 'r.quarter', 'r.ends_on', 'r.closed_at'])
        .where('t.team_id', '=', teamId)
        .orderBy('r.quarter', 'desc')
        .orderBy('r.id', 'desc')
        .execute(),
    round: (id: number): Promise<RoundRow | undefined> =>
      db.selectFrom('pulse_rounds').select(ROUND_COLUMNS).where('id', '=', id).executeTakeFirst(),
    roundTeams: async (id: number): Promise<number[]> =>
      (await db.selectFrom('pulse_round_teams').select('team_id').where('round_id', '=', id).execute()).map(
        (row) => row.team_id,
      ),
    roundStatements: (id: number): Promise<{ statementId: number; textEn: string; textDa: string }[]> =>
      db
        .selectFrom('pulse_round_statements')
        .select(['statement_id as statementId', 'text_en as textEn', 'text_da as textDa'])
        .where('round_id', '=', id)
        .orderBy('position')
        .execute(),
    openForTeamQuarter: async (teamId: number, quarter: string): Promise<boolean> =>
      (await db
        .selectFrom('pulse_rounds as r')
        .innerJoin('pulse_round_teams as t', 't.round_id', 'r.id')
        .select('r.id')
        .where('t.team_id', '=', teamId)
        .where('r.quarter', '=', quarter)
        .where('r.closed_at', 'is', null)
        .executeTakeFirst()) !== undefined,
    async close(id: number): Promise<number> {
      const result = await db
        .updateTable('pulse_rounds')
        .set({ closed_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    /**
     * Records that a person answered, and their answers under random keys — in the caller's
     * transaction. On SQLite the answers' random keys decide their storage order; PostgreSQL's heap
     * order and transaction stamps would link them to the participation row (docs/postgres.md, the
     * pulse's anonymity): not to be used on PostgreSQL until answers are written apart.
     */
    async recordAnswers(
      roundId: number,
      userId: number,
      teamId: number,
      answers: { statementId: number; score: number; comment: string | null }[],
    ): Promise<void> {
      await db
        .insertInto('pulse_participation')
        .values({ round_id: roundId, user_id: userId, team_id: teamId })
        .execute();
      for (const answer of answers)
        await db
          .insertInto('pulse_answers')
          .values({
            id: randomBytes(16).toString('hex'),
            round_id: roundId,
            team_id: teamId,
            statement_id: answer.statementId,
            score: answer.score,
            comment: answer.comment,
          })
          .execute();
    },
    hasAnswered: async (roundId: number, userId: number): Promise<boolean> =>
      (await db
        .selectFrom('pulse_participation')
        .select('round_id')
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .executeTakeFirst()) !== undefined,
    // Only answers from the people fixed at opening count (answering refuses anyone else as well).
    respondents: async (roundId: number, teamId: number): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('pulse_participation as p')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('p.round_id', '=', roundId)
            .where('p.team_id', '=', teamId)
            .where(({ exists, selectFrom }) =>
              exists(
                selectFrom('pulse_eligible as e')
                  .select('e.user_id')
                  .whereRef('e.round_id', '=', 'p.round_id')
                  .whereRef('e.team_id', '=', 'p.team_id')
                  .whereRef('e.user_id', '=', 'p.user_id'),
              ),
            )
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** How many of the team's members were asked when the round opened. */
    eligible: async (roundId: number, teamId: number): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('pulse_eligible')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('round_id', '=', roundId)
            .where('team_id', '=', teamId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    isEligible: async (roundId: number, teamId: number, userId: number): Promise<boolean> =>
      (await db
        .selectFrom('pulse_eligible')
        .select('user_id')
        .where('round_id', '=', roundId)
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .executeTakeFirst()) !== undefined,
    distribution: async (
      roundId: number,
      teamId: number,
    ): Promise<{ statementId: number; score: number; n: number }[]> =>
      (
        await db
          .selectFrom('pulse_answers')
          .select((eb) => ['statement_id as statementId', 'score', eb.fn.countAll<number>().as('n')])
          .where('round_id', '=', roundId)
          .where('team_id', '=', teamId)
          .groupBy(['statement_id', 'score'])
          .execute()
      ).map((row) => ({ statementId: row.statementId, score: row.score, n: Number(row.n) })),
    // Sorted by text, never by storage, so even the order of comments says nothing about who wrote them.
    comments: async (roundId: number, teamId: number): Promise<{ statementId: number; text: string }[]> =>
      (
        await db
          .selectFrom('pulse_answers')
          .select(['statement_id as statementId', 'comment'])
          .where('round_id', '=', roundId)
          .where('team_id', '=', teamId)
          .where('comment', 'is not', null)
          .where('comment', '<>', '')
          .orderBy('statement_id')
          .orderBy('comment')
          .execute()
      ).map((row) => ({ statementId: row.statementId, text: row.comment ?? '' })),
    /** A workspace setting's value (the anonymity thresholds). */
    setting: async (key: string): Promise<string | undefined> =>
      (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value,
    async writeSetting(key: string, value: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}
export type PulseRepo = ReturnType<typeof createPulseRepo>;
