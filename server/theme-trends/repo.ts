import type { Database } from 'better-sqlite3';

export interface ThemeRow {
  id: number;
  name: string;
  merged_into: number | null;
}

/** SQL for themes month by month: the team's themes (with merges) and when the grouped items arrived. */
export function createThemeTrendsRepo(db: Database) {
  const themes = db.prepare<[number], ThemeRow>('SELECT id, name, merged_into FROM themes WHERE team_id = ?');
  // visible_feedback: an erased or hidden item is no mention.
  const received = db.prepare<[number, string], { id: number; received_at: string }>(
    'SELECT id, received_at FROM visible_feedback WHERE team_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  return {
    themes: (teamId: number) => themes.all(teamId),
    receivedAt: (teamId: number, ids: readonly number[]) =>
      new Map(received.all(teamId, JSON.stringify(ids)).map((row) => [row.id, row.received_at])),
  };
}
export type ThemeTrendsRepo = ReturnType<typeof createThemeTrendsRepo>;
