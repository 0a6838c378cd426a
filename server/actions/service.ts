import type { Database } from 'better-sqlite3';
import { checkTransition, dueState, localDate, type ActionStatus } from '../../shared/actions.ts';
import { isCalendarDate } from '../../shared/calendar-date.ts';
import { roleAtLeast, type TeamRole } from '../../shared/roles.ts';
import type {
  Action,
  ActionDetail,
  ActionListQuery,
  CreateActionBody,
  UpdateActionBody,
} from '../../shared/schemas/actions.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { ErrorCode } from '../../shared/errors.ts';
import type { TeamsSyncRepo as TeamsRepo } from '../teams/sync-repo.ts';
import type { TeamsService } from '../teams/service.ts';
import type { ActionRow, ActionsRepo } from './repo.ts';
import type { WebhookEvent, WebhooksService } from './webhooks.ts';

/** What the live meeting decided: the action and where on the board it came from. */
export interface MeetingDecision {
  teamId: number;
  meetingId: number;
  title: string;
  ownerId: number | null;
  /** Null: the default, the day before the team's next review. */
  dueDate: string | null;
  /** The customer KPI the action should move (its effect view measures it); null for none. */
  effectMetric?: 'nps' | 'csat' | 'ces' | 'rating' | null;
  themeId: number | null;
  /** The signed-in person who decided it; null for a guest. */
  decidedBy: number | null;
  origins: { kind: 'comment' | 'feedback' | 'theme'; ref: string }[];
}

/** Who may do what to an action: enough to decide, carried from `gate` to each operation. */
interface Gate {
  row: ActionRow;
  /** Leads, facilitators and workspace admins steer: reassign, re-date, create and delete for others. */
  steers: boolean;
  owns: boolean;
}

export type ActionChange = {
  teamId: number;
  teamSlug: string;
  actionId: number;
  event: WebhookEvent | 'action.deleted';
};

export function toAction(row: ActionRow, origins: { kind: string; ref: string }[], now = new Date()): Action {
  return {
    id: row.id,
    team: { id: row.team_id, slug: row.team_slug, name: row.team_name },
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    dueState: dueState(row.status, row.due_date, localDate(now, row.team_timezone)),
    status: row.status,
    dropReason: row.drop_reason,
    effectMetric: row.effect_metric,
    themeId: row.theme_id,
    meetingId: row.meeting_id,
    origins,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}

/** The day before a UTC instant, as a local date in the zone. */
function dayBefore(instant: string, timezone: string): string {
  const date = new Date(`${localDate(new Date(instant), timezone)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function createActionsService(deps: {
  db: Database;
  actions: ActionsRepo;
  teams: TeamsRepo;
  teamsService: TeamsService;
  webhooks: WebhooksService;
}) {
  const { db, actions, teams, teamsService, webhooks } = deps;
  const listeners = new Set<(change: ActionChange) => void>();

  function roleOf(user: User, teamId: number): TeamRole | null {
    const role = teams.role(teamId, user.id) ?? null;
    return user.isAdmin && role !== 'lead' ? 'lead' : role;
  }

  /** Outsiders get 404, never 403, so an action's existence does not leak. */
  function gate(user: User, actionId: number): Gate {
    const row = actions.byId(actionId);
    const role = row ? roleOf(user, row.team_id) : null;
    if (!row || !role) throw notFound('Action');
    return { row, steers: roleAtLeast(role, 'facilitator'), owns: row.owner_id === user.id };
  }

  function requireMember(teamId: number, userId: number | null | undefined): void {
    if (userId !== null && userId !== undefined && !teams.role(teamId, userId))
      throw invalid('The owner must be a member of the team');
  }

  /** A due date must be a real day and a theme one of the team's own (ids are not trusted). */
  function requireValidFields(
    teamId: number,
    body: { dueDate?: string | null | undefined; themeId?: number | null | undefined },
  ): void {
    if (body.dueDate !== undefined && body.dueDate !== null && !isCalendarDate(body.dueDate))
      throw invalid(`"${body.dueDate}" is not a date in the calendar`);
    if (body.themeId !== undefined && body.themeId !== null && !actions.themeInTeam(teamId, body.themeId))
      throw invalid('The theme must be one of the team’s themes');
  }

  function detail(row: ActionRow): ActionDetail {
    return {
      ...toAction(row, actions.origins(row.id)),
      history: actions.history(row.id).map((entry) => ({
        id: entry.id,
        at: entry.at,
        actorId: entry.actor_id,
        actorName: entry.actor_name,
        kind: entry.kind,
        from: entry.from_value,
        to: entry.to_value,
        note: entry.note,
      })),
    };
  }

  /** Changes of the unit of work under way, announced to listeners only once it has committed. */
  let pending: ActionChange[] | null = null;

  function announce(changes: readonly ActionChange[]): void {
    for (const change of changes) for (const listener of listeners) listener(change);
  }

  /**
   * Webhook deliveries are queued in the same transaction as the change, so they roll back with it
   * and the worker sends them only after the commit. Listeners (the tracker's live update) hear of
   * the change once the unit of work has committed (see `unit` and `collect`).
   */
  function changed(row: ActionRow, event: WebhookEvent): void {
    webhooks.enqueue(row.team_id, event, toAction(actions.byId(row.id) as ActionRow, actions.origins(row.id)));
    note({ teamId: row.team_id, teamSlug: row.team_slug, actionId: row.id, event });
  }
  function note(change: ActionChange): void {
    if (pending) pending.push(change);
    else announce([change]);
  }

  /** Runs `work` in a transaction (a savepoint inside a caller's) and returns the changes it made. */
  function gather<T>(work: () => T): { value: T; changes: ActionChange[] } {
    const outer = pending;
    const changes: ActionChange[] = [];
    pending = changes;
    try {
      return { value: db.transaction(work)(), changes };
    } finally {
      pending = outer;
    }
  }

  /**
   * One operation of this service: its changes are announced after its commit, or handed to the
   * enclosing `collect` when a caller's transaction (the meeting engine's) holds it.
   */
  function unit<T>(work: () => T): T {
    const { value, changes } = gather(work);
    if (pending) pending.push(...changes);
    else announce(changes);
    return value;
  }

  /** The default due date: the day before the team's next planned meeting, or none when none is planned. */
  function defaultDueDate(teamId: number, timezone: string, now = new Date()): string | null {
    const next = actions.nextMeetingStart(teamId, now.toISOString());
    return next ? dayBefore(next, timezone) : null;
  }

  return {
    onChange(listener: (change: ActionChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    defaultDueDate,

    /**
     * For a caller that holds its own transaction (the meeting engine's event): runs `work` in it and
     * returns, instead of announcing them, the changes it made; the caller calls `announce` once its
     * transaction has committed, and drops it if it rolled back.
     */
    collect<T>(work: () => T): { value: T; announce: () => void } {
      const { value, changes } = gather(work);
      return { value, announce: () => announce(changes) };
    },

    /**
     * An action decided in a live review: the tracker's rules (the owner is a member, the default due
     * date is the day before the next review), its history says in which review it was decided, and
     * the webhook and live update follow as for any other action.
     */
    decide(input: MeetingDecision): ActionDetail {
      return unit(() => {
        requireMember(input.teamId, input.ownerId);
        const review = actions.meetingOf(input.meetingId, input.teamId);
        if (!review) throw notFound('Meeting');
        const id = actions.create({
          teamId: input.teamId,
          title: input.title.trim(),
          ownerId: input.ownerId,
          dueDate: input.dueDate ?? defaultDueDate(input.teamId, review.timezone),
          effectMetric: input.effectMetric ?? null,
          themeId: input.themeId,
          meetingId: input.meetingId,
          createdBy: input.decidedBy,
          decidedIn: review.startsAt,
          origins: input.origins,
        });
        const row = actions.byId(id) as ActionRow;
        changed(row, 'action.created');
        return detail(row);
      });
    },

    /** All actions of the caller's teams (admins: all teams), filtered; `ledTeams` are the teams they steer. */
    list(user: User, query: ActionListQuery, now = new Date()): { actions: Action[]; ledTeams: string[] } {
      const mine = user.isAdmin
        ? teams.all().map((team) => ({ ...team, role: roleOf(user, team.id) as TeamRole }))
        : teams.forUser(user.id);
      const scope = query.team ? mine.filter((team) => team.slug === query.team) : mine;
      if (query.team && scope.length === 0) throw notFound('Team');
      const ownerId = query.owner === 'me' ? user.id : query.owner;
      const list = actions
        .forTeams(scope.map((team) => team.id))
        .filter((row) => ownerId === undefined || row.owner_id === ownerId)
        .filter((row) => !query.status || row.status === query.status)
        .map((row) => toAction(row, actions.origins(row.id), now))
        .filter((action) => !query.due || action.dueState === query.due);
      return {
        actions: list,
        ledTeams: mine.filter((team) => roleAtLeast(team.role, 'facilitator')).map((team) => team.slug),
      };
    },

    /**
     * The actions of teams the caller was already let into by another gate (the unit dashboard's
     * leader check); no role is looked at here, so only callers that checked access use it.
     */
    ofTeams(teamIds: number[], now = new Date()): Action[] {
      return actions.forTeams(teamIds).map((row) => toAction(row, actions.origins(row.id), now));
    },

    get(user: User, actionId: number): ActionDetail {
      return detail(gate(user, actionId).row);
    },

    async create(user: User, slug: string, body: CreateActionBody): Promise<ActionDetail> {
      const { team, role } = await teamsService.access(user, slug);
      const steers = user.isAdmin || (role !== null && roleAtLeast(role, 'facilitator'));
      const ownerId = body.ownerId === undefined ? user.id : body.ownerId;
      if (!steers && ownerId !== user.id)
        throw forbidden('Only leads and facilitators create actions for someone else');
      requireMember(team.id, ownerId);
      requireValidFields(team.id, body);
      const feedbackIds = [...new Set(body.feedbackIds ?? [])];
      return unit(() => {
        const found = new Set(actions.feedbackInTeam(team.id, feedbackIds));
        const missing = feedbackIds.filter((id) => !found.has(id));
        if (missing.length > 0) throw invalid(`Feedback ${missing.join(', ')} is not in this team`);
        const id = actions.create({
          teamId: team.id,
          title: body.title.trim(),
          description: body.description?.trim() ?? '',
          ownerId,
          dueDate: body.dueDate === undefined ? defaultDueDate(team.id, team.timezone) : body.dueDate,
          effectMetric: body.effectMetric ?? null,
          themeId: body.themeId ?? null,
          createdBy: user.id,
          origins: feedbackIds.map((feedbackId) => ({ kind: 'feedback' as const, ref: String(feedbackId) })),
        });
        const row = actions.byId(id) as ActionRow;
        changed(row, 'action.created');
        return detail(row);
      });
    },

    update(user: User, actionId: number, body: UpdateActionBody): ActionDetail {
      return unit(() => {
        const { row, steers, owns } = gate(user, actionId);
        if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator can change this action');
        requireValidFields(row.team_id, body);
        const next: ActionRow = { ...row };
        if (body.ownerId !== undefined && body.ownerId !== row.owner_id) {
          if (!steers) throw forbidden('Only leads and facilitators reassign an action');
          requireMember(row.team_id, body.ownerId);
          next.owner_id = body.ownerId;
          actions.addHistory(
            row.id,
            user.id,
            'owner',
            row.owner_id?.toString() ?? null,
            body.ownerId?.toString() ?? null,
            null,
          );
        }
        if (body.dueDate !== undefined && body.dueDate !== row.due_date) {
          if (!steers) throw forbidden('Only leads and facilitators change the due date');
          next.due_date = body.dueDate;
          actions.addHistory(row.id, user.id, 'due', row.due_date, body.dueDate, null);
        }
        const edited: string[] = [];
        const edit = <K extends 'title' | 'description' | 'effect_metric' | 'theme_id'>(
          field: K,
          value: ActionRow[K] | undefined,
          name: string,
        ) => {
          if (value === undefined || value === row[field]) return;
          next[field] = value;
          edited.push(name);
        };
        edit('title', body.title?.trim(), 'title');
        edit('description', body.description?.trim(), 'description');
        edit('effect_metric', body.effectMetric, 'effectMetric');
        edit('theme_id', body.themeId, 'themeId');
        if (edited.length > 0) actions.addHistory(row.id, user.id, 'edited', null, edited.join(','), null);
        actions.update(next);
        changed(row, 'action.updated');
        return detail(actions.byId(row.id) as ActionRow);
      });
    },

    /**
     * Moves an action through the shared state machine. Safe inside a caller's transaction (the
     * meeting engine's follow-up step): better-sqlite3 nests it as a savepoint.
     */
    changeStatus(
      actor: User,
      actionId: number,
      to: ActionStatus,
      options: { reason?: string | undefined; note?: string | undefined } = {},
    ): ActionDetail {
      return unit(() => {
        const { row, steers, owns } = gate(actor, actionId);
        if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator can change the status');
        const check = checkTransition(row.status, to, options.reason);
        if (!check.ok) throw new AppError(ErrorCode.CONFLICT, check.message);
        const reason = to === 'dropped' ? (options.reason?.trim() ?? null) : null;
        actions.setStatus(row.id, to, reason);
        actions.addHistory(row.id, actor.id, 'status', row.status, to, reason ?? (options.note?.trim() || null));
        changed(row, to === 'done' ? 'action.done' : 'action.updated');
        return detail(actions.byId(row.id) as ActionRow);
      });
    },

    addNote(user: User, actionId: number, text: string): ActionDetail {
      return unit(() => {
        const { row, steers, owns } = gate(user, actionId);
        if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator adds progress notes');
        const trimmed = text.trim();
        if (!trimmed) throw invalid('A progress note cannot be empty');
        actions.addHistory(row.id, user.id, 'note', null, null, trimmed);
        changed(row, 'action.updated');
        return detail(actions.byId(row.id) as ActionRow);
      });
    },

    remove(user: User, actionId: number): void {
      unit(() => {
        const { row, steers, owns } = gate(user, actionId);
        if (!steers && !owns) throw forbidden('Only leads and facilitators delete someone else’s action');
        actions.remove(row.id);
        note({ teamId: row.team_id, teamSlug: row.team_slug, actionId: row.id, event: 'action.deleted' });
      });
    },

    /**
     * For a meeting's follow-up step: the team's unfinished actions, and those due or finished since
     * `since` (the previous meeting's start, UTC ISO), each with its progress notes.
     */
    async followUp(
      user: User,
      slug: string,
      since: string | null,
    ): Promise<(Action & { notes: { at: string; by: string | null; note: string }[] })[]> {
      const { team } = await teamsService.access(user, slug);
      const sinceDate = since ? localDate(new Date(since), team.timezone) : null;
      return actions
        .forTeams([team.id])
        .filter(
          (row) =>
            row.status === 'open' ||
            row.status === 'in_progress' ||
            sinceDate === null ||
            (row.due_date !== null && row.due_date >= sinceDate) ||
            (since !== null && row.updated_at >= since),
        )
        .map((row) => ({
          ...toAction(row, actions.origins(row.id)),
          notes: actions
            .history(row.id)
            .flatMap((entry) =>
              entry.note === null ? [] : [{ at: entry.at, by: entry.actor_name, note: entry.note }],
            ),
        }));
    },

    /** In-app reminders: the caller's own unfinished actions that are overdue or due soon. */
    reminders(user: User, now = new Date()): Action[] {
      return actions
        .forTeams(teams.forUser(user.id).map((team) => team.id))
        .filter((row) => row.owner_id === user.id)
        .map((row) => toAction(row, actions.origins(row.id), now))
        .filter((action) => action.dueState === 'overdue' || action.dueState === 'due_soon');
    },

    /** Visibility check for other areas (effect view, exports): the row when the user may see it. */
    visible(user: User, actionId: number): ActionRow {
      return gate(user, actionId).row;
    },
  };
}
export type ActionsService = ReturnType<typeof createActionsService>;
