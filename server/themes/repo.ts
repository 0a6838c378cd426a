import type { Executor } from '../db/kysely/store.ts';

/** SQL for theme suggestions: the team's earlier themes (kept per team across meetings, migrations/0007). */
export function createThemesRepo(db: Executor) {
  return {
    /** The team's current theme names (merged-away names left out), newest first. */
    earlierThemeNames: async (teamId: number): Promise<string[]> =>
      (
        await db
          .selectFrom('themes')
          .select('name')
          .where('team_id', '=', teamId)
          .where('merged_into', 'is', null)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map((row) => row.name),
  };
}
export type ThemesRepo = ReturnType<typeof createThemesRepo>;
