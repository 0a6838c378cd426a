import { sql, type RawBuilder } from 'kysely';
import type { Metric } from '../../shared/schemas/imports.ts';
import type { Executor } from '../db/kysely/store.ts';

/** Answers with one score in one team, metric and month (summed over sources unless a source is asked for). */
export interface RollupCount {
  team_id: number;
  metric: Metric;
  month: string;
  score: number;
  answers: number;
}

/** Every score any metric has (NPS 0–10; the others within it). */
const SCORE_RANGE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
type ScoreColumns = Record<`s${(typeof SCORE_RANGE)[number]}`, number | null>;

/** One team's answers per score in one month for one metric, over all sources. */
export interface TeamMonthRow {
  teamId: number;
  metric: Metric;
  month: string;
  counts: Map<number, number>;
}

export interface Span {
  timezone: string | null;
  from: string | null;
  to: string | null;
}

/** Month starts in the team's zone, oldest first: what a change's rows are bucketed by. */
export type MonthStarts = readonly { month: string; start: string }[];

/**
 * The month a time falls in: the latest month start at or before it, as a CASE that halves the
 * months at each step (a few comparisons per row, the same SQL on both stores, no table of months
 * to keep per connection). A time before the first start has none.
 */
function monthOf(time: RawBuilder<unknown>, months: MonthStarts): RawBuilder<unknown> {
  const pick = (low: number, high: number): RawBuilder<unknown> => {
    // months[low] is known to start at or before the time; find the last of low..high that does.
    if (low === high) return sql`${months[low]?.month}`;
    const middle = Math.ceil((low + high) / 2);
    return sql`CASE WHEN ${time} >= ${months[middle]?.start} THEN ${pick(middle, high)} ELSE ${pick(low, middle - 1)} END`;
  };
  if (months.length === 0) return sql`NULL`;
  return sql`CASE WHEN ${time} >= ${months[0]?.start} THEN ${pick(0, months.length - 1)} END`;
}

/** Adds the counted cells to the rollups (a negative count takes them out). */
const upsert = (select: RawBuilder<unknown>) =>
  sql`INSERT INTO feedback_rollups (team_id, metric, month, score, source, answers) ${select}
   ON CONFLICT (team_id, metric, month, score, source) DO UPDATE SET answers = feedback_rollups.answers + excluded.answers`;
/** Counts rows per cell; `values` is the alias whose metric, score and time are counted. */
const counted = (
  months: MonthStarts,
  sign: '' | '-',
  values: 'f' | 's' | 'h',
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
) =>
  sql`SELECT f.team_id, ${sql.raw(values)}.metric, ${monthOf(sql.raw(`${values}.received_at`), months)}, ${sql.raw(values)}.score, f.source, ${sql.raw(sign)}count(*)
   FROM ${from} WHERE ${where} AND ${sql.raw(values)}.metric IS NOT NULL GROUP BY 1, 2, 3, 4, 5`;

// An item changed by a later import is only counted while it is visible (its own import is done).
const VISIBLE = sql.raw(
  `(f.import_id IS NULL OR f.import_id IN (SELECT i.id FROM feedback_imports i WHERE i.status = 'done'))`,
);
// The history rows an undo puts back (the item's latest change; see changes-repo.ts).
const LAST_CHANGE = sql.raw(
  'NOT EXISTS (SELECT 1 FROM feedback_item_history n WHERE n.feedback_id = h.feedback_id AND n.id > h.id)',
);
const STAGED_FROM = sql.raw('feedback_staged_updates s JOIN feedback f ON f.id = s.feedback_id');
const HISTORY_FROM = sql.raw('feedback_item_history h JOIN feedback f ON f.id = h.feedback_id');

/**
 * SQL for the monthly rollups (migration 0019), the same on SQLite and PostgreSQL. Every change is
 * counted in bulk, one INSERT … SELECT … GROUP BY per kind of change, on the executor given (the
 * caller's transaction). The months come from the caller (`MonthStarts`, from the KPI periods'
 * midnights), since SQLite knows no time zones.
 */
export function createRollupsRepo(db: Executor) {
  const run = async (query: RawBuilder<unknown>) => void (await query.execute(db));

  return {
    teamOfImport: async (importId: number): Promise<number | null> =>
      (await db.selectFrom('feedback_imports').select('team_id').where('id', '=', importId).executeTakeFirst())
        ?.team_id ?? null,
    /** The team's zone and the earliest and latest time a change for it (and this import) can touch. */
    async span(teamId: number, importId: number | null): Promise<Span> {
      // Each min/max walks the team's time index or the import's own staged and history rows: no scan.
      const result =
        await sql<Span>`SELECT (SELECT timezone FROM teams WHERE id = ${teamId}) AS timezone, min(at) AS "from", max(at) AS "to" FROM (
         SELECT (SELECT min(received_at) FROM feedback WHERE team_id = ${teamId}) AS at
         UNION ALL SELECT (SELECT max(received_at) FROM feedback WHERE team_id = ${teamId})
         UNION ALL SELECT min(received_at) FROM feedback_staged_updates WHERE import_id = ${importId}
         UNION ALL SELECT max(received_at) FROM feedback_staged_updates WHERE import_id = ${importId}
         UNION ALL SELECT min(received_at) FROM feedback_item_history WHERE import_id = ${importId}
         UNION ALL SELECT max(received_at) FROM feedback_item_history WHERE import_id = ${importId}) spans`.execute(db);
      return result.rows[0] ?? { timezone: null, from: null, to: null };
    },
    addImportRows: (months: MonthStarts, importId: number) =>
      run(upsert(counted(months, '', 'f', sql.raw('feedback f'), sql`f.import_id = ${importId}`))),
    removeImportRows: (months: MonthStarts, importId: number) =>
      run(upsert(counted(months, '-', 'f', sql.raw('feedback f'), sql`f.import_id = ${importId}`))),
    /** Before the staged changes of an import are applied: the item's current values out, the staged ones in. */
    async applyStaged(months: MonthStarts, importId: number): Promise<void> {
      const where = sql`s.import_id = ${importId} AND ${VISIBLE}`;
      await run(upsert(counted(months, '-', 'f', STAGED_FROM, where)));
      await run(upsert(counted(months, '', 's', STAGED_FROM, where)));
    },
    /** Before an undone import's changes are put back: current values out, the kept earlier ones in. */
    async revertApplied(months: MonthStarts, importId: number): Promise<void> {
      const where = sql`h.import_id = ${importId} AND ${LAST_CHANGE} AND ${VISIBLE}`;
      await run(upsert(counted(months, '-', 'f', HISTORY_FROM, where)));
      await run(upsert(counted(months, '', 'h', HISTORY_FROM, where)));
    },
    /** Before rows are deleted (erasure): the visible ones among them leave the rollups. */
    async removeRows(months: MonthStarts, teamId: number, ids: number[]): Promise<void> {
      // In chunks, so no list of ids passes either store's limit on bound parameters.
      for (const chunk of chunks(ids, 5000)) {
        const where = sql`f.team_id = ${teamId} AND f.id IN (${sql.join(chunk)}) AND ${VISIBLE}`;
        await run(upsert(counted(months, '-', 'f', sql.raw('feedback f'), where)));
      }
    },
    /** The team's rollups counted again from its rows, in `timezone`'s months. */
    async rebuild(months: MonthStarts, teamId: number, timezone: string): Promise<void> {
      await db.deleteFrom('feedback_rollups').where('team_id', '=', teamId).execute();
      if (months.length > 0)
        await run(upsert(counted(months, '', 'f', sql.raw('feedback f'), sql`f.team_id = ${teamId} AND ${VISIBLE}`)));
      await db
        .insertInto('feedback_rollup_zones')
        .values({ team_id: teamId, timezone })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ timezone }))
        .execute();
    },
    dropEmpty: (teamId: number) => run(sql`DELETE FROM feedback_rollups WHERE team_id = ${teamId} AND answers = 0`),
    /** Teams whose rollups were never built, or were built in a zone the team no longer has. */
    async staleTeams(): Promise<number[]> {
      const rows = await db
        .selectFrom('teams as t')
        .leftJoin('feedback_rollup_zones as z', 'z.team_id', 't.id')
        .select('t.id')
        .where((eb) => eb.or([eb('z.timezone', 'is', null), eb('z.timezone', '<>', eb.ref('t.timezone'))]))
        .orderBy('t.id')
        .execute();
      return rows.map((row) => row.id);
    },
    /** One team's answers per month and score for a metric, from `from` to `to` (YYYY-MM, inclusive). */
    async teamCounts(
      teamId: number,
      metric: Metric,
      from: string,
      to: string,
      source?: string,
    ): Promise<RollupCount[]> {
      const query = db
        .selectFrom('feedback_rollups')
        .where('team_id', '=', teamId)
        .where('metric', '=', metric)
        .where('month', '>=', from)
        .where('month', '<=', to);
      if (source !== undefined)
        return query
          .select(['team_id', 'metric', 'month', 'score', 'answers'])
          .where('source', '=', source)
          .orderBy('month')
          .orderBy('score')
          .execute();
      const rows = await query
        .select((eb) => ['team_id', 'metric', 'month', 'score', eb.fn.sum<number>('answers').as('answers')])
        .groupBy(['team_id', 'metric', 'month', 'score'])
        .orderBy('month')
        .orderBy('score')
        .execute();
      return rows.map((row) => ({ ...row, answers: Number(row.answers) }));
    },
    /** Per team, metric and month over all sources, for several teams at once: answers per score. */
    async teamsCounts(teamIds: number[], from: string, to: string): Promise<TeamMonthRow[]> {
      // One row per team, metric and month with the answers per score in columns (scores run 0–10):
      // a tenth of the rows of one per score. The metric list lets each team's lookup use the key's
      // (team, metric, month) order, so the sum over sources and scores needs no sort.
      const scores = sql.raw(
        SCORE_RANGE.map((score) => `sum(answers) FILTER (WHERE score = ${score}) AS s${score}`).join(', '),
      );
      const result = await sql<
        ScoreColumns & { team_id: number; metric: Metric; month: string }
      >`SELECT team_id, metric, month, ${scores}
         FROM feedback_rollups
         WHERE team_id IN (${sql.join(teamIds)}) AND metric IN ('nps', 'csat', 'ces', 'rating')
           AND month >= ${from} AND month <= ${to}
         GROUP BY team_id, metric, month ORDER BY team_id, metric, month`.execute(db);
      return result.rows.map((row) => {
        const counts = new Map<number, number>();
        for (const score of SCORE_RANGE) {
          const answers = row[`s${score}`];
          if (answers !== null && Number(answers) > 0) counts.set(score, Number(answers));
        }
        return { teamId: row.team_id, metric: row.metric, month: row.month, counts };
      });
    },
  };
}
export type RollupsRepo = ReturnType<typeof createRollupsRepo>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
