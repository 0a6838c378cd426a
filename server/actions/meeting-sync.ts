// Transitional: the live engine still appends a meeting event in a synchronous better-sqlite3
// `db.transaction`, and an action decided or moved in a meeting must be written in that event's
// transaction. This module keeps that one path synchronous, with the service's rules, until the engine
// runs on the store; then the engine calls `actions.within(trx)` and this file is deleted.
import type { Database } from 'better-sqlite3';
import { checkTransition, type ActionStatus } from '../../shared/actions.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { roleAtLeast } from '../../shared/roles.ts';
import type { ActionDetail } from '../../shared/schemas/actions.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import type { TeamsSyncRepo as TeamsRepo } from '../teams/sync-repo.ts';
import type { ActionRow, HistoryRow } from './repo.ts';
import { dayBefore, toAction, toDetail, type ActionChange, type MeetingDecision } from './service.ts';
import type { WebhookEvent } from './webhooks-repo.ts';

const SELECT = `SELECT a.id, a.team_id, t.slug AS team_slug, t.name AS team_name, t.timezone AS team_timezone,
  t.language AS team_language, a.title, a.description, a.owner_id, u.name AS owner_name, u.email AS owner_email,
  a.due_date, a.status, a.drop_reason, a.effect_metric, a.theme_id, a.meeting_id, a.created_at, a.updated_at, a.done_at
  FROM actions a JOIN teams t ON t.id = a.team_id LEFT JOIN users u ON u.id = a.owner_id`;

/** The synchronous twin of the actions service's `decide` and `changeStatus`, for the live engine's transaction. */
export function createMeetingSyncActions(deps: {
  db: Database;
  teams: TeamsRepo;
  announce: (changes: readonly ActionChange[]) => void;
}) {
  const { db, teams } = deps;
  const byId = db.prepare<[number], ActionRow>(`${SELECT} WHERE a.id = ?`);
  const origins = db.prepare<[number], { kind: string; ref: string }>(
    'SELECT kind, ref FROM action_origins WHERE action_id = ? ORDER BY kind, ref',
  );
  const history = db.prepare<[number], HistoryRow>(
    `SELECT h.id, h.at, h.actor_id, u.name AS actor_name, h.kind, h.from_value, h.to_value, h.note
     FROM action_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.action_id = ? ORDER BY h.id`,
  );
  const insert = db.prepare(
    `INSERT INTO actions (team_id, title, description, owner_id, due_date, effect_metric, theme_id, meeting_id, created_by, created_at, updated_at)
     VALUES (@teamId, @title, '', @ownerId, @dueDate, @effectMetric, @themeId, @meetingId, @createdBy, @at, @at)`,
  );
  const insertOrigin = db.prepare('INSERT OR IGNORE INTO action_origins (action_id, kind, ref) VALUES (?, ?, ?)');
  const insertHistory = db.prepare(
    'INSERT INTO action_history (action_id, actor_id, kind, from_value, to_value, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const setStatus = db.prepare(
    `UPDATE actions SET status = @status, drop_reason = @dropReason, updated_at = @at,
     done_at = CASE WHEN @status = 'done' THEN @at WHEN @status = 'open' THEN NULL ELSE done_at END WHERE id = @id`,
  );
  const meetingOf = db.prepare<[number, number], { startsAt: string; timezone: string }>(
    'SELECT m.starts_at AS startsAt, t.timezone FROM meetings m JOIN teams t ON t.id = m.team_id WHERE m.id = ? AND m.team_id = ?',
  );
  const nextMeeting = db.prepare<[number, string], { starts_at: string }>(
    "SELECT starts_at FROM meetings WHERE team_id = ? AND status = 'planned' AND starts_at > ? ORDER BY starts_at LIMIT 1",
  );
  const activeHooks = db.prepare<[number], { id: number }>(
    'SELECT id FROM action_webhooks WHERE team_id = ? AND active = 1 ORDER BY id',
  );
  const insertDelivery = db.prepare(
    'INSERT INTO action_webhook_deliveries (webhook_id, event, body, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
  );

  let pending: ActionChange[] | null = null;

  const read = (id: number): ActionRow => {
    const row = byId.get(id);
    if (!row) throw notFound('Action');
    return row;
  };
  const detail = (id: number): ActionDetail => toDetail(read(id), origins.all(id), history.all(id));

  /** As the service's `changed`: the delivery is queued in the transaction, the change held for after it. */
  function changed(row: ActionRow, event: WebhookEvent): void {
    const action = toAction(read(row.id), origins.all(row.id));
    const at = new Date().toISOString();
    for (const hook of activeHooks.all(row.team_id))
      insertDelivery.run(hook.id, event, JSON.stringify({ event, sentAt: at, action }), at, at);
    const change: ActionChange = { teamId: row.team_id, teamSlug: row.team_slug, actionId: row.id, event };
    if (pending) pending.push(change);
    else deps.announce([change]);
  }

  return {
    byId: (id: number): ActionRow | undefined => byId.get(id),

    /**
     * Runs `work` inside the caller's better-sqlite3 transaction (a savepoint) and returns, instead of
     * announcing them, the changes it made; the caller calls `announce` once its transaction committed.
     */
    collect<T>(work: () => T): { value: T; announce: () => void } {
      const outer = pending;
      const changes: ActionChange[] = [];
      pending = changes;
      try {
        const value = db.transaction(work)();
        return { value, announce: () => deps.announce(changes) };
      } finally {
        pending = outer;
      }
    },

    decide(input: MeetingDecision): ActionDetail {
      if (input.ownerId !== null && !teams.role(input.teamId, input.ownerId))
        throw invalid('The owner must be a member of the team');
      const review = meetingOf.get(input.meetingId, input.teamId);
      if (!review) throw notFound('Meeting');
      const at = new Date().toISOString();
      const next = nextMeeting.get(input.teamId, at)?.starts_at;
      const id = Number(
        insert.run({
          teamId: input.teamId,
          title: input.title.trim(),
          ownerId: input.ownerId,
          dueDate: input.dueDate ?? (next ? dayBefore(next, review.timezone) : null),
          effectMetric: input.effectMetric ?? null,
          themeId: input.themeId,
          meetingId: input.meetingId,
          createdBy: input.decidedBy,
          at,
        }).lastInsertRowid,
      );
      for (const origin of input.origins) insertOrigin.run(id, origin.kind, origin.ref);
      insertHistory.run(id, input.decidedBy, 'decided', null, review.startsAt, null, at);
      changed(read(id), 'action.created');
      return detail(id);
    },

    changeStatus(
      actor: User,
      actionId: number,
      to: ActionStatus,
      options: { reason?: string | undefined; note?: string | undefined } = {},
    ): ActionDetail {
      const row = byId.get(actionId);
      const member = row ? (teams.role(row.team_id, actor.id) ?? null) : null;
      const role = actor.isAdmin && member !== 'lead' ? 'lead' : member;
      if (!row || !role) throw notFound('Action');
      if (!roleAtLeast(role, 'facilitator') && row.owner_id !== actor.id)
        throw forbidden('Only the owner, a lead or a facilitator can change the status');
      const check = checkTransition(row.status, to, options.reason);
      if (!check.ok) throw new AppError(ErrorCode.CONFLICT, check.message);
      const reason = to === 'dropped' ? (options.reason?.trim() ?? null) : null;
      const at = new Date().toISOString();
      setStatus.run({ id: row.id, status: to, dropReason: reason, at });
      insertHistory.run(row.id, actor.id, 'status', row.status, to, reason ?? (options.note?.trim() || null), at);
      changed(row, to === 'done' ? 'action.done' : 'action.updated');
      return detail(row.id);
    },
  };
}
