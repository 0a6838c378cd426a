import type { Database } from 'better-sqlite3';

/** SQL for theme suggestions: the team's earlier themes (kept per team across meetings, migrations/0007). */
export function createThemesRepo(db: Database) {
  const names = db.prepare<[number], { name: string }>(
    'SELECT name FROM themes WHERE team_id = ? AND merged_into IS NULL ORDER BY created_at DESC, id DESC',
  );
  return {
    /** The team's current theme names (merged-away names left out), newest first. */
    earlierThemeNames: (teamId: number): string[] => names.all(teamId).map((row) => row.name),
  };
}
export type ThemesRepo = ReturnType<typeof createThemesRepo>;
