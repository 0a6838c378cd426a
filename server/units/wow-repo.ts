import { type RawBuilder, sql } from 'kysely';
import { scoreBandRange } from '../../shared/kpi.ts';
import { METRICS } from '../../shared/schemas/imports.ts';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';

export interface WowRow {
  id: number;
  team_id: number;
  source: string;
  received_at: string;
  metric: string | null;
  score: number | null;
  title: string | null;
  comment: string;
  language: string | null;
  promoter: number;
  kept_off: number;
}

export interface WowCursor {
  at: string;
  id: number;
}

/** The promoter band of every metric, in SQL: the same bands the inbox's band filter and the board use. */
const promoterSql = sql.join(
  METRICS.map((metric) => {
    const [low, high] = scoreBandRange(metric, 'promoter');
    return sql`(f.metric = ${metric} AND f.score BETWEEN ${low} AND ${high})`;
  }),
  sql` OR `,
);

/**
 * SQL for the WOW wall: the ⭐ reactions in the teams' meeting logs, the praise itself (promoters and
 * starred cards with words to quote, through visible_feedback) and the items a team keeps off.
 */
export function createWowRepo(db: Executor, dialect: StoreDialect) {
  const idIn = (column: RawBuilder<unknown>, ids: readonly number[]) =>
    dialect === 'postgres'
      ? sql`${column} = ANY(${[...ids]}::bigint[])`
      : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

  return {
    /**
     * Every ⭐ toggle on the teams' boards, oldest first per meeting, for the caller to fold as the
     * board's reducer does (a person's last toggle counts). The payload is read in JS, so the same
     * code serves both stores.
     */
    async starEvents(teamIds: readonly number[]): Promise<{ meeting_id: number; actor: string; payload: string }[]> {
      if (teamIds.length === 0) return [];
      const result = await sql<{ meeting_id: number; actor: string; payload: string }>`
        SELECT e.meeting_id, e.actor, e.payload FROM meeting_events e
        JOIN meetings m ON m.id = e.meeting_id
        WHERE ${idIn(sql.raw('m.team_id'), teamIds)} AND e.type = 'card.react'
        ORDER BY e.meeting_id, e.seq`.execute(db);
      return result.rows;
    },

    /**
     * One page of praise, newest first by (received time, id). Items without words are left out: the
     * wall shows quotes. `withKeptOff` is the team's own view, which also lists what it keeps off.
     * Each team's newest come through its own time index, one small query per team, and the page is
     * the newest of those. One query over the unit sorted every team's praise to keep twenty: on 200
     * teams × 5,000 answers that took 420 ms on SQLite against 95 ms this way (measured on a loaded
     * two-core machine).
     */
    async page(input: {
      teamIds: readonly number[];
      starred: readonly number[];
      cursor: WowCursor | null;
      limit: number;
      withKeptOff: boolean;
    }): Promise<WowRow[]> {
      if (input.teamIds.length === 0) return [];
      const praise =
        input.starred.length > 0
          ? sql`(${promoterSql} OR ${idIn(sql.raw('f.id'), input.starred)})`
          : sql`(${promoterSql})`;
      const after = input.cursor
        ? sql` AND (f.received_at < ${input.cursor.at} OR (f.received_at = ${input.cursor.at} AND f.id < ${input.cursor.id}))`
        : sql``;
      const keptOff = input.withKeptOff ? sql`` : sql` AND k.feedback_id IS NULL`;
      const newest = async (teamId: number) =>
        (
          await sql<WowRow>`
          SELECT f.id, f.team_id, f.source, f.received_at, f.metric, f.score, f.title, f.comment, f.language,
                 CASE WHEN ${promoterSql} THEN 1 ELSE 0 END AS promoter,
                 CASE WHEN k.feedback_id IS NULL THEN 0 ELSE 1 END AS kept_off
          FROM visible_feedback f
          LEFT JOIN wow_kept_off k ON k.feedback_id = f.id
          WHERE f.team_id = ${teamId} AND f.comment IS NOT NULL AND trim(f.comment) <> ''
            AND ${praise}${keptOff}${after}
          ORDER BY f.received_at DESC, f.id DESC LIMIT ${input.limit}`.execute(db)
        ).rows;
      const rows: WowRow[] = [];
      for (const teamId of input.teamIds) rows.push(...(await newest(teamId)));
      return rows.sort((a, b) => b.received_at.localeCompare(a.received_at) || b.id - a.id).slice(0, input.limit);
    },

    /** Whether the item is one of the team's (and still shown anywhere). */
    async isTeamItem(teamId: number, id: number): Promise<boolean> {
      const result = await sql<{ id: number }>`
        SELECT f.id FROM visible_feedback f WHERE f.team_id = ${teamId} AND f.id = ${id}`.execute(db);
      return result.rows.length > 0;
    },

    async keepOff(teamId: number, id: number, userId: number): Promise<void> {
      await db
        .insertInto('wow_kept_off')
        .values({ feedback_id: id, team_id: teamId, kept_off_by: userId })
        .onConflict((conflict) => conflict.column('feedback_id').doNothing())
        .execute();
    },

    async putBack(teamId: number, id: number): Promise<void> {
      await db.deleteFrom('wow_kept_off').where('team_id', '=', teamId).where('feedback_id', '=', id).execute();
    },
  };
}
export type WowRepo = ReturnType<typeof createWowRepo>;
