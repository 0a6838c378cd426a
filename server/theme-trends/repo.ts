import { sql } from 'kysely';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';

export interface ThemeRow {
  id: number;
  name: string;
  merged_into: number | null;
}

/** SQL for themes month by month: the team's themes (with merges) and when the grouped items arrived. */
export function createThemeTrendsRepo(db: Executor, dialect: StoreDialect) {
  return {
    themes: (teamId: number): Promise<ThemeRow[]> =>
      db.selectFrom('themes').select(['id', 'name', 'merged_into']).where('team_id', '=', teamId).execute(),
    async receivedAt(teamId: number, ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      // The ids as one parameter, so a board's many items make neither long SQL nor many texts of it.
      const wanted =
        dialect === 'postgres'
          ? sql<boolean>`id = ANY(${[...ids]}::bigint[])`
          : sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
      // visible_feedback: an erased or hidden item is no mention.
      const rows = await db
        .selectFrom('visible_feedback')
        .select(['id', 'received_at'])
        .where('team_id', '=', teamId)
        .where(wanted)
        .execute();
      return new Map(rows.map((row) => [row.id, row.received_at]));
    },
  };
}
export type ThemeTrendsRepo = ReturnType<typeof createThemeTrendsRepo>;
