import type { Executor } from '../db/kysely/store.ts';

/** One held review with the summary it kept when it ended (JSON, the reducer's MeetingSummary). */
export interface HeldReviewRow {
  id: number;
  team_id: number;
  starts_at: string;
  summary: string;
}

/**
 * SQL for the themes across a unit's teams: the held reviews of the teams that began in a span of
 * UTC instants. The caller widens the span by a day either side and keeps the reviews whose local
 * day, in the team's own time zone, falls in the quarter.
 */
export function createUnitThemesRepo(db: Executor) {
  return {
    heldReviews: async (teamIds: readonly number[], fromUtc: string, toUtc: string): Promise<HeldReviewRow[]> => {
      if (teamIds.length === 0) return [];
      const rows = await db
        .selectFrom('meetings')
        .select(['id', 'team_id', 'starts_at', 'summary'])
        .where('team_id', 'in', [...teamIds])
        .where('status', '=', 'ended')
        .where('summary', 'is not', null)
        .where('starts_at', '>=', fromUtc)
        .where('starts_at', '<', toUtc)
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.flatMap((row) => (row.summary === null ? [] : [{ ...row, summary: row.summary }]));
    },
  };
}
export type UnitThemesRepo = ReturnType<typeof createUnitThemesRepo>;
