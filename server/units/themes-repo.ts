import type { Executor } from '../db/kysely/store.ts';

/** One held review with the summary it kept when it ended (JSON, the reducer's MeetingSummary). */
export interface HeldReviewRow {
  id: number;
  team_id: number;
  starts_at: string;
  summary: string;
}

/** An action as the themes across teams show it: what, whose, how far, by when, and where decided. */
export interface ThemeActionRow {
  id: number;
  team_id: number;
  title: string;
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  due_date: string | null;
  owner_name: string | null;
  meeting_id: number | null;
  theme_id: number | null;
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
    /**
     * The actions decided in the given reviews or named by their summaries, in one query: the few
     * columns the section shows, without the tracker's origins and history.
     */
    actionsOf: async (
      teamIds: readonly number[],
      meetingIds: readonly number[],
      actionIds: readonly number[],
    ): Promise<ThemeActionRow[]> => {
      if (teamIds.length === 0 || (meetingIds.length === 0 && actionIds.length === 0)) return [];
      return db
        .selectFrom('actions as a')
        .leftJoin('users as u', 'u.id', 'a.owner_id')
        .select([
          'a.id',
          'a.team_id',
          'a.title',
          'a.status',
          'a.due_date',
          'u.name as owner_name',
          'a.meeting_id',
          'a.theme_id',
        ])
        .where('a.team_id', 'in', [...teamIds])
        .where((eb) =>
          eb.or([
            ...(meetingIds.length > 0 ? [eb('a.meeting_id', 'in', [...meetingIds])] : []),
            ...(actionIds.length > 0 ? [eb('a.id', 'in', [...actionIds])] : []),
          ]),
        )
        .orderBy('a.id')
        .execute();
    },
  };
}
export type UnitThemesRepo = ReturnType<typeof createUnitThemesRepo>;
