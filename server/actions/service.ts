import type { Store, StoreTransaction } from '../db/kysely/store.ts';
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
import { createTeamsRepo, type TeamsRepo } from '../teams/repo.ts';
import type { TeamsService } from '../teams/service.ts';
import { createActionsRepo, type ActionRow, type ActionsRepo, type HistoryRow } from './repo.ts';
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
export function dayBefore(instant: string, timezone: string): string {
  const date = new Date(`${localDate(new Date(instant), timezone)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** An action with its origins and history, as the tracker shows it. */
export function toDetail(
  row: ActionRow,
  origins: { kind: string; ref: string }[],
  history: HistoryRow[],
): ActionDetail {
  return {
    ...toAction(row, origins),
    history: history.map((entry) => ({
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

/** One unit of work: the repository over its transaction and the changes it made, announced after the commit. */
interface Unit {
  trx: StoreTransaction;
  actions: ActionsRepo;
  /** Memberships, read in the same transaction as the write they allow. */
  teams: TeamsRepo;
  changes: ActionChange[];
}

export function createActionsService(deps: { store: Store; teamsService: TeamsService; webhooks: WebhooksService }) {
  const { store, teamsService, webhooks } = deps;
  const root = createActionsRepo(store.db);
  const rootTeams = createTeamsRepo(store.db);
  const listeners = new Set<(change: ActionChange) => void>();

  async function roleOf(teams: TeamsRepo, user: User, teamId: number): Promise<TeamRole | null> {
    const role = (await teams.role(teamId, user.id)) ?? null;
    return user.isAdmin && role !== 'lead' ? 'lead' : role;
  }

  /** Outsiders get 404, never 403, so an action's existence does not leak. */
  async function gate(
    { actions, teams }: Pick<Unit, 'actions' | 'teams'>,
    user: User,
    actionId: number,
  ): Promise<Gate> {
    const row = await actions.byId(actionId);
    const role = row ? await roleOf(teams, user, row.team_id) : null;
    if (!row || !role) throw notFound('Action');
    return { row, steers: roleAtLeast(role, 'facilitator'), owns: row.owner_id === user.id };
  }

  async function requireMember(teams: TeamsRepo, teamId: number, userId: number | null | undefined): Promise<void> {
    if (userId !== null && userId !== undefined && !(await teams.role(teamId, userId)))
      throw invalid('The owner must be a member of the team');
  }

  /** A due date must be a real day and a theme one of the team's own (ids are not trusted). */
  async function requireValidFields(
    actions: ActionsRepo,
    teamId: number,
    body: { dueDate?: string | null | undefined; themeId?: number | null | undefined },
  ): Promise<void> {
    if (body.dueDate !== undefined && body.dueDate !== null && !isCalendarDate(body.dueDate))
      throw invalid(`"${body.dueDate}" is not a date in the calendar`);
    if (body.themeId !== undefined && body.themeId !== null && !(await actions.themeInTeam(teamId, body.themeId)))
      throw invalid('The theme must be one of the team’s themes');
  }

  async function detail(actions: ActionsRepo, id: number): Promise<ActionDetail> {
    const row = await actions.byId(id);
    if (!row) throw notFound('Action');
    return toDetail(row, await actions.origins(id), await actions.history(id));
  }

  function announce(changes: readonly ActionChange[]): void {
    for (const change of changes) for (const listener of listeners) listener(change);
  }

  /**
   * Webhook deliveries are queued in the same transaction as the change, so they roll back with it
   * and the worker sends them only after the commit. Listeners (the tracker's live update) hear of
   * the change once the unit of work has committed.
   */
  async function changed(unit: Unit, row: ActionRow, event: WebhookEvent): Promise<void> {
    const now = await unit.actions.byId(row.id);
    if (!now) throw notFound('Action');
    await webhooks.enqueue(row.team_id, event, toAction(now, await unit.actions.origins(row.id)), unit.trx);
    unit.changes.push({ teamId: row.team_id, teamSlug: row.team_slug, actionId: row.id, event });
  }

  /** Runs `work` in the caller's transaction, or in one of its own, and returns the changes it made. */
  async function gather<T>(
    work: (unit: Unit) => Promise<T>,
    trx?: StoreTransaction,
  ): Promise<{ value: T; changes: ActionChange[] }> {
    const run = async (within: StoreTransaction) => {
      const unit: Unit = {
        trx: within,
        actions: createActionsRepo(within),
        teams: createTeamsRepo(within),
        changes: [],
      };
      return { value: await work(unit), changes: unit.changes };
    };
    return trx ? run(trx) : store.transaction(run);
  }

  /** One operation of this service in a transaction of its own: its changes are announced after the commit. */
  async function unit<T>(work: (unit: Unit) => Promise<T>): Promise<T> {
    const { value, changes } = await gather(work);
    announce(changes);
    return value;
  }

  /** The default due date: the day before the team's next planned meeting, or none when none is planned. */
  async function dueDefault(actions: ActionsRepo, teamId: number, timezone: string, now = new Date()) {
    const next = await actions.nextMeetingStart(teamId, now.toISOString());
    return next ? dayBefore(next, timezone) : null;
  }

  async function decideIn(u: Unit, input: MeetingDecision): Promise<ActionDetail> {
    await requireMember(u.teams, input.teamId, input.ownerId);
    const review = await u.actions.meetingOf(input.meetingId, input.teamId);
    if (!review) throw notFound('Meeting');
    const id = await u.actions.create({
      teamId: input.teamId,
      title: input.title.trim(),
      ownerId: input.ownerId,
      dueDate: input.dueDate ?? (await dueDefault(u.actions, input.teamId, review.timezone)),
      effectMetric: input.effectMetric ?? null,
      themeId: input.themeId,
      meetingId: input.meetingId,
      createdBy: input.decidedBy,
      decidedIn: review.startsAt,
      origins: input.origins,
    });
    const row = await u.actions.byId(id);
    if (!row) throw notFound('Action');
    await changed(u, row, 'action.created');
    return detail(u.actions, id);
  }

  async function changeStatusIn(
    u: Unit,
    actor: User,
    actionId: number,
    to: ActionStatus,
    options: { reason?: string | undefined; note?: string | undefined },
  ): Promise<ActionDetail> {
    const { row, steers, owns } = await gate(u, actor, actionId);
    if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator can change the status');
    const check = checkTransition(row.status, to, options.reason);
    if (!check.ok) throw new AppError(ErrorCode.CONFLICT, check.message);
    const reason = to === 'dropped' ? (options.reason?.trim() ?? null) : null;
    await u.actions.setStatus(row.id, to, reason);
    await u.actions.addHistory(row.id, actor.id, 'status', row.status, to, reason ?? (options.note?.trim() || null));
    await changed(u, row, to === 'done' ? 'action.done' : 'action.updated');
    return detail(u.actions, row.id);
  }

  const withOrigins = (actions: ActionsRepo, rows: ActionRow[], now?: Date) =>
    Promise.all(rows.map(async (row) => toAction(row, await actions.origins(row.id), now)));

  return {
    onChange(listener: (change: ActionChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    defaultDueDate: (teamId: number, timezone: string, now = new Date()): Promise<string | null> =>
      dueDefault(root, teamId, timezone, now),

    /**
     * For a caller that holds its own store transaction (the meeting engine's event): the operations
     * run in `trx` and hand back, instead of announcing them, the changes they made; the caller calls
     * `announce` once its transaction has committed, and drops it if it rolled back.
     */
    within(trx: StoreTransaction) {
      const collected = async <T>(work: (u: Unit) => Promise<T>) => {
        const { value, changes } = await gather(work, trx);
        return { value, announce: () => announce(changes) };
      };
      return {
        decide: (input: MeetingDecision) => collected((u) => decideIn(u, input)),
        changeStatus: (
          actor: User,
          actionId: number,
          to: ActionStatus,
          options: { reason?: string | undefined; note?: string | undefined } = {},
        ) => collected((u) => changeStatusIn(u, actor, actionId, to, options)),
      };
    },

    /**
     * An action decided in a live review: the tracker's rules (the owner is a member, the default due
     * date is the day before the next review), its history says in which review it was decided, and
     * the webhook and live update follow as for any other action.
     */
    decide: (input: MeetingDecision): Promise<ActionDetail> => unit((u) => decideIn(u, input)),

    /** All actions of the caller's teams (admins: all teams), filtered; `ledTeams` are the teams they steer. */
    async list(
      user: User,
      query: ActionListQuery,
      now = new Date(),
    ): Promise<{ actions: Action[]; ledTeams: string[] }> {
      const mine = user.isAdmin
        ? await Promise.all(
            (await rootTeams.all()).map(async (team) => ({
              ...team,
              role: (await roleOf(rootTeams, user, team.id)) as TeamRole,
            })),
          )
        : await rootTeams.forUser(user.id);
      const scope = query.team ? mine.filter((team) => team.slug === query.team) : mine;
      if (query.team && scope.length === 0) throw notFound('Team');
      const ownerId = query.owner === 'me' ? user.id : query.owner;
      const rows = (await root.forTeams(scope.map((team) => team.id)))
        .filter((row) => ownerId === undefined || row.owner_id === ownerId)
        .filter((row) => !query.status || row.status === query.status);
      const list = (await withOrigins(root, rows, now)).filter((action) => !query.due || action.dueState === query.due);
      return {
        actions: list,
        ledTeams: mine.filter((team) => roleAtLeast(team.role, 'facilitator')).map((team) => team.slug),
      };
    },

    /** Done actions aimed at a KPI since `since`, of teams the caller already let the reader see (the unit dashboard). */
    doneWithMetric: (teamIds: number[], since: string) => root.doneWithMetric(teamIds, since),

    /**
     * The actions of teams the caller was already let into by another gate (the unit dashboard's
     * leader check); no role is looked at here, so only callers that checked access use it.
     */
    async ofTeams(teamIds: number[], now = new Date()): Promise<Action[]> {
      return withOrigins(root, await root.forTeams(teamIds), now);
    },

    async get(user: User, actionId: number): Promise<ActionDetail> {
      return detail(root, (await gate({ actions: root, teams: rootTeams }, user, actionId)).row.id);
    },

    async create(user: User, slug: string, body: CreateActionBody): Promise<ActionDetail> {
      const { team, role } = await teamsService.access(user, slug);
      const steers = user.isAdmin || (role !== null && roleAtLeast(role, 'facilitator'));
      const ownerId = body.ownerId === undefined ? user.id : body.ownerId;
      if (!steers && ownerId !== user.id)
        throw forbidden('Only leads and facilitators create actions for someone else');
      const feedbackIds = [...new Set(body.feedbackIds ?? [])];
      return unit(async (u) => {
        await requireMember(u.teams, team.id, ownerId);
        await requireValidFields(u.actions, team.id, body);
        const found = new Set(await u.actions.feedbackInTeam(team.id, feedbackIds));
        const missing = feedbackIds.filter((id) => !found.has(id));
        if (missing.length > 0) throw invalid(`Feedback ${missing.join(', ')} is not in this team`);
        const id = await u.actions.create({
          teamId: team.id,
          title: body.title.trim(),
          description: body.description?.trim() ?? '',
          ownerId,
          dueDate: body.dueDate === undefined ? await dueDefault(u.actions, team.id, team.timezone) : body.dueDate,
          effectMetric: body.effectMetric ?? null,
          themeId: body.themeId ?? null,
          createdBy: user.id,
          origins: feedbackIds.map((feedbackId) => ({ kind: 'feedback' as const, ref: String(feedbackId) })),
        });
        const row = await u.actions.byId(id);
        if (!row) throw notFound('Action');
        await changed(u, row, 'action.created');
        return detail(u.actions, id);
      });
    },

    update(user: User, actionId: number, body: UpdateActionBody): Promise<ActionDetail> {
      return unit(async (u) => {
        const { row, steers, owns } = await gate(u, user, actionId);
        if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator can change this action');
        await requireValidFields(u.actions, row.team_id, body);
        const next: ActionRow = { ...row };
        if (body.ownerId !== undefined && body.ownerId !== row.owner_id) {
          if (!steers) throw forbidden('Only leads and facilitators reassign an action');
          await requireMember(u.teams, row.team_id, body.ownerId);
          next.owner_id = body.ownerId;
          await u.actions.addHistory(
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
          await u.actions.addHistory(row.id, user.id, 'due', row.due_date, body.dueDate, null);
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
        if (edited.length > 0) await u.actions.addHistory(row.id, user.id, 'edited', null, edited.join(','), null);
        await u.actions.update(next);
        await changed(u, row, 'action.updated');
        return detail(u.actions, row.id);
      });
    },

    /** Moves an action through the shared state machine, in a transaction of its own (see `within` for a caller's). */
    changeStatus(
      actor: User,
      actionId: number,
      to: ActionStatus,
      options: { reason?: string | undefined; note?: string | undefined } = {},
    ): Promise<ActionDetail> {
      return unit((u) => changeStatusIn(u, actor, actionId, to, options));
    },

    addNote(user: User, actionId: number, text: string): Promise<ActionDetail> {
      return unit(async (u) => {
        const { row, steers, owns } = await gate(u, user, actionId);
        if (!steers && !owns) throw forbidden('Only the owner, a lead or a facilitator adds progress notes');
        const trimmed = text.trim();
        if (!trimmed) throw invalid('A progress note cannot be empty');
        await u.actions.addHistory(row.id, user.id, 'note', null, null, trimmed);
        await changed(u, row, 'action.updated');
        return detail(u.actions, row.id);
      });
    },

    async remove(user: User, actionId: number): Promise<void> {
      await unit(async (u) => {
        const { row, steers, owns } = await gate(u, user, actionId);
        if (!steers && !owns) throw forbidden('Only leads and facilitators delete someone else’s action');
        await u.actions.remove(row.id);
        u.changes.push({ teamId: row.team_id, teamSlug: row.team_slug, actionId: row.id, event: 'action.deleted' });
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
      const rows = (await root.forTeams([team.id])).filter(
        (row) =>
          row.status === 'open' ||
          row.status === 'in_progress' ||
          sinceDate === null ||
          (row.due_date !== null && row.due_date >= sinceDate) ||
          (since !== null && row.updated_at >= since),
      );
      return Promise.all(
        rows.map(async (row) => ({
          ...toAction(row, await root.origins(row.id)),
          notes: (await root.history(row.id)).flatMap((entry) =>
            entry.note === null ? [] : [{ at: entry.at, by: entry.actor_name, note: entry.note }],
          ),
        })),
      );
    },

    /** In-app reminders: the caller's own unfinished actions that are overdue or due soon. */
    async reminders(user: User, now = new Date()): Promise<Action[]> {
      const rows = (await root.forTeams((await rootTeams.forUser(user.id)).map((team) => team.id))).filter(
        (row) => row.owner_id === user.id,
      );
      return (await withOrigins(root, rows, now)).filter(
        (action) => action.dueState === 'overdue' || action.dueState === 'due_soon',
      );
    },

    /** Visibility check for other areas (effect view, exports): the row when the user may see it. */
    async visible(user: User, actionId: number): Promise<ActionRow> {
      return (await gate({ actions: root, teams: rootTeams }, user, actionId)).row;
    },
  };
}
export type ActionsService = ReturnType<typeof createActionsService>;
