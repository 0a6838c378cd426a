import { sql } from 'kysely';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';

/** A feedback item's text as the suggestion model reads it. */
export interface ItemTextRow {
  id: number;
  title: string | null;
  comment: string | null;
  language: 'da' | 'en' | null;
}

export interface ThemeRow {
  id: number;
  name: string;
  merged_into: number | null;
}

/**
 * SQL for themes month by month: the team's themes (with merges), when the grouped items arrived, and
 * the texts the suggestion model reads for the items no board grouped.
 */
export function createThemeTrendsRepo(db: Executor, dialect: StoreDialect) {
  const idIn = (ids: readonly number[]) =>
    dialect === 'postgres'
      ? sql<boolean>`id = ANY(${[...ids]}::bigint[])`
      : sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  return {
    teamLanguage: async (teamId: number): Promise<string | undefined> =>
      (await db.selectFrom('teams').select('language').where('id', '=', teamId).executeTakeFirst())?.language,
    /** The team's visible items received from `since` on that say something, newest first, at most `limit`. */
    windowItems: (teamId: number, since: string, limit: number): Promise<ItemTextRow[]> =>
      db
        .selectFrom('visible_feedback')
        .select(['id', 'title', 'comment', 'language'])
        .where('team_id', '=', teamId)
        .where('received_at', '>=', since)
        .where((eb) => eb.or([eb('comment', 'is not', null), eb('title', 'is not', null)]))
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    async textsOf(teamId: number, ids: readonly number[]): Promise<ItemTextRow[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('visible_feedback')
        .select(['id', 'title', 'comment', 'language'])
        .where('team_id', '=', teamId)
        .where(idIn(ids))
        .execute();
    },
    themes: (teamId: number): Promise<ThemeRow[]> =>
      db.selectFrom('themes').select(['id', 'name', 'merged_into']).where('team_id', '=', teamId).execute(),
    async receivedAt(teamId: number, ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      // The ids as one parameter, so a board's many items make neither long SQL nor many texts of it.
      const wanted = idIn(ids);
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
