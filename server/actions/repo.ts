import type { Language } from '../../shared/language.ts';
import type { Database } from 'better-sqlite3';
import type { ActionStatus } from '../../shared/actions.ts';

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
  /** For an action decided in a live review: the review's start (UTC ISO), kept in its history. */
  decidedIn?: string;
  origins?: { kind: 'comment' | 'feedback' | 'theme'; ref: string }[];
}

export interface ActionRow {
  id: number;
  team_id: number;
  team_slug: string;
  team_name: string;
  team_timezone: string;
  team_language: Language;
  title: string;
  description: string;
  owner_id: number | null;
  owner_name: string | null;
  owner_email: string | null;
  due_date: string | null;
  status: ActionStatus;
  drop_reason: string | null;
  effect_metric: 'nps' | 'csat' | 'ces' | 'rating' | null;
  theme_id: number | null;
  meeting_id: number | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface HistoryRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  kind: string;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
}

export type HistoryKind = 'created' | 'decided' | 'status' | 'owner' | 'due' | 'edited' | 'note';

const SELECT = `SELECT a.*, t.slug AS team_slug, t.name AS team_name, t.timezone AS team_timezone, t.language AS team_language,
  u.name AS owner_name, u.email AS owner_email
  FROM actions a JOIN teams t ON t.id = a.team_id LEFT JOIN users u ON u.id = a.owner_id`;

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/** SQL for actions. Every write runs inside the caller's transaction (a meeting event or an API call). */
export function createActionsRepo(db: Database) {
  const insert = db.prepare(
    `INSERT INTO actions (team_id, title, description, owner_id, due_date, effect_metric, theme_id, meeting_id, created_by)
     VALUES (@teamId, @title, @description, @ownerId, @dueDate, @effectMetric, @themeId, @meetingId, @createdBy)`,
  );
  const insertOrigin = db.prepare('INSERT OR IGNORE INTO action_origins (action_id, kind, ref) VALUES (?, ?, ?)');
  const insertHistory = db.prepare(
    'INSERT INTO action_history (action_id, actor_id, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], ActionRow>(`${SELECT} WHERE a.id = ?`);
  const forTeams = db.prepare<[string], ActionRow>(
    `${SELECT} WHERE a.team_id IN (SELECT value FROM json_each(?)) ORDER BY a.due_date IS NULL, a.due_date, a.id`,
  );
  const origins = db.prepare<[number], { kind: string; ref: string }>(
    'SELECT kind, ref FROM action_origins WHERE action_id = ? ORDER BY kind, ref',
  );
  const history = db.prepare<[number], HistoryRow>(
    `SELECT h.id, h.at, h.actor_id, u.name AS actor_name, h.kind, h.from_value, h.to_value, h.note
     FROM action_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.action_id = ? ORDER BY h.id`,
  );
  const update = db.prepare(
    `UPDATE actions SET title = @title, description = @description, owner_id = @ownerId, due_date = @dueDate,
     effect_metric = @effectMetric, theme_id = @themeId, updated_at = ${NOW} WHERE id = @id`,
  );
  const setStatus = db.prepare(
    `UPDATE actions SET status = @status, drop_reason = @dropReason, updated_at = ${NOW},
     done_at = CASE WHEN @status = 'done' THEN ${NOW} WHEN @status = 'open' THEN NULL ELSE done_at END WHERE id = @id`,
  );
  const touch = db.prepare(`UPDATE actions SET updated_at = ${NOW} WHERE id = ?`);
  const remove = db.prepare('DELETE FROM actions WHERE id = ?');
  const nextMeeting = db.prepare<[number, string], { starts_at: string }>(
    "SELECT starts_at FROM meetings WHERE team_id = ? AND status = 'planned' AND starts_at > ? ORDER BY starts_at LIMIT 1",
  );
  const feedbackInTeam = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM visible_feedback WHERE team_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const themeInTeam = db.prepare<[number, number], { id: number }>(
    'SELECT id FROM themes WHERE id = ? AND team_id = ?',
  );
  const meetingOf = db.prepare<[number, number], { startsAt: string; timezone: string }>(
    'SELECT m.starts_at AS startsAt, t.timezone FROM meetings m JOIN teams t ON t.id = m.team_id WHERE m.id = ? AND m.team_id = ?',
  );
  const linked = db.prepare<[{ teamId: number; metric: string | null; themeId: number | null }], ActionRow>(
    `${SELECT} WHERE a.team_id = @teamId AND ((@metric IS NOT NULL AND a.effect_metric = @metric) OR (@themeId IS NOT NULL AND a.theme_id = @themeId)) ORDER BY a.created_at`,
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
      if (input.decidedIn === undefined) insertHistory.run(id, input.createdBy, 'created', null, 'open', null);
      else insertHistory.run(id, input.createdBy, 'decided', null, input.decidedIn, null);
      return id;
    },
    byId: (id: number) => byId.get(id),
    forTeams: (teamIds: number[]) => forTeams.all(JSON.stringify(teamIds)),
    origins: (id: number) => origins.all(id),
    history: (id: number) => history.all(id),
    addHistory(
      id: number,
      actorId: number | null,
      kind: HistoryKind,
      from: string | null,
      to: string | null,
      note: string | null,
    ): void {
      insertHistory.run(id, actorId, kind, from, to, note);
      if (kind === 'note') touch.run(id);
    },
    update(row: ActionRow): void {
      update.run({
        id: row.id,
        title: row.title,
        description: row.description,
        ownerId: row.owner_id,
        dueDate: row.due_date,
        effectMetric: row.effect_metric,
        themeId: row.theme_id,
      });
    },
    setStatus: (id: number, status: ActionStatus, dropReason: string | null) =>
      setStatus.run({ id, status, dropReason }),
    remove: (id: number) => remove.run(id).changes,
    /** The review an action is decided in: its planned start and the team's time zone. */
    meetingOf: (meetingId: number, teamId: number) => meetingOf.get(meetingId, teamId),
    nextMeetingStart: (teamId: number, after: string) => nextMeeting.get(teamId, after)?.starts_at,
    feedbackInTeam: (teamId: number, ids: number[]) =>
      feedbackInTeam.all(teamId, JSON.stringify(ids)).map((row) => row.id),
    /** Actions of a team aimed at the same KPI or theme: their decisions and completions are the chart's markers. */
    linked: (teamId: number, metric: string | null, themeId: number | null) => linked.all({ teamId, metric, themeId }),
    themeInTeam: (teamId: number, themeId: number) => themeInTeam.get(themeId, teamId) !== undefined,
  };
}
export type ActionsRepo = ReturnType<typeof createActionsRepo>;
