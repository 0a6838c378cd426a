import type { Database } from 'better-sqlite3';

export interface NewAction {
  teamId: number;
  title: string;
  description?: string;
  ownerId: number | null;
  dueDate: string | null;
  effectMetric?: 'nps' | 'csat' | 'ces' | 'rating' | null;
  themeId?: number | null;
  meetingId?: number | null;
  createdBy: number | null;
  origins?: { kind: 'comment' | 'feedback' | 'theme'; ref: string }[];
}

/** SQL for actions. `create` runs inside the caller's transaction (a meeting event or an API call). */
export function createActionsRepo(db: Database) {
  const insert = db.prepare(
    `INSERT INTO actions (team_id, title, description, owner_id, due_date, effect_metric, theme_id, meeting_id, created_by)
     VALUES (@teamId, @title, @description, @ownerId, @dueDate, @effectMetric, @themeId, @meetingId, @createdBy)`,
  );
  const insertOrigin = db.prepare('INSERT OR IGNORE INTO action_origins (action_id, kind, ref) VALUES (?, ?, ?)');
  const insertHistory = db.prepare(
    'INSERT INTO action_history (action_id, actor_id, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return {
    create(input: NewAction): number {
      const id = Number(
        insert.run({
          teamId: input.teamId,
          title: input.title,
          description: input.description ?? '',
          ownerId: input.ownerId,
          dueDate: input.dueDate,
          effectMetric: input.effectMetric ?? null,
          themeId: input.themeId ?? null,
          meetingId: input.meetingId ?? null,
          createdBy: input.createdBy,
        }).lastInsertRowid,
      );
      for (const origin of input.origins ?? []) insertOrigin.run(id, origin.kind, origin.ref);
      insertHistory.run(id, input.createdBy, 'created', null, 'open', null);
      return id;
    },
  };
}
export type ActionsRepo = ReturnType<typeof createActionsRepo>;
