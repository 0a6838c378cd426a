import { sql } from 'kysely';
import type { Language } from '../../shared/language.ts';
import type { ActionStatus } from '../../shared/actions.ts';
import type { Executor } from '../db/kysely/store.ts';

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

/** A reminder the digest has sent: which action, in which state, on which local day of its team. */
export type ReminderMark = [actionId: number, kind: 'overdue' | 'due_soon', sentOn: string];

/** The time a write is stamped with, from JS, so both stores store the same form (ISO with ms and Z). */
const now = () => new Date().toISOString();

/**
 * SQL for actions, their origins, history and the digest's reminder rows, on either store. Build it
 * over `store.db` for plain reads and over the caller's `trx` for writes inside a transaction.
 */
export function createActionsRepo(db: Executor) {
  const select = () =>
    db
      .selectFrom('actions as a')
      .innerJoin('teams as t', 't.id', 'a.team_id')
      .leftJoin('users as u', 'u.id', 'a.owner_id')
      .select([
        'a.id',
        'a.team_id',
        't.slug as team_slug',
        't.name as team_name',
        't.timezone as team_timezone',
        't.language as team_language',
        'a.title',
        'a.description',
        'a.owner_id',
        'u.name as owner_name',
        'u.email as owner_email',
        'a.due_date',
        'a.status',
        'a.drop_reason',
        'a.effect_metric',
        'a.theme_id',
        'a.meeting_id',
        'a.created_at',
        'a.updated_at',
        'a.done_at',
      ]);

  const addHistory = async (
    id: number,
    actorId: number | null,
    kind: HistoryKind,
    from: string | null,
    to: string | null,
    note: string | null,
  ): Promise<void> => {
    await db
      .insertInto('action_history')
      .values({ action_id: id, actor_id: actorId, kind, from_value: from, to_value: to, note, at: now() })
      .execute();
    if (kind === 'note') await db.updateTable('actions').set({ updated_at: now() }).where('id', '=', id).execute();
  };

  return {
    async create(input: NewAction): Promise<number> {
      const { id } = await db
        .insertInto('actions')
        .values({
          team_id: input.teamId,
          title: input.title,
          description: input.description ?? '',
          owner_id: input.ownerId,
          due_date: input.dueDate,
          effect_metric: input.effectMetric ?? null,
          theme_id: input.themeId ?? null,
          meeting_id: input.meetingId ?? null,
          created_by: input.createdBy,
          created_at: now(),
          updated_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const origins = input.origins ?? [];
      if (origins.length > 0)
        await db
          .insertInto('action_origins')
          .values(origins.map((origin) => ({ action_id: id, kind: origin.kind, ref: origin.ref })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      if (input.decidedIn === undefined) await addHistory(id, input.createdBy, 'created', null, 'open', null);
      else await addHistory(id, input.createdBy, 'decided', null, input.decidedIn, null);
      return id;
    },
    byId: (id: number): Promise<ActionRow | undefined> => select().where('a.id', '=', id).executeTakeFirst(),
    forTeams: async (teamIds: number[]): Promise<ActionRow[]> =>
      teamIds.length === 0
        ? []
        : select()
            .where('a.team_id', 'in', teamIds)
            .orderBy(sql`a.due_date is null`)
            .orderBy('a.due_date')
            .orderBy('a.id')
            .execute(),
    origins: (id: number): Promise<{ kind: string; ref: string }[]> =>
      db
        .selectFrom('action_origins')
        .select(['kind', 'ref'])
        .where('action_id', '=', id)
        .orderBy('kind')
        .orderBy('ref')
        .execute(),
    history: (id: number): Promise<HistoryRow[]> =>
      db
        .selectFrom('action_history as h')
        .leftJoin('users as u', 'u.id', 'h.actor_id')
        .select([
          'h.id',
          'h.at',
          'h.actor_id',
          'u.name as actor_name',
          'h.kind',
          'h.from_value',
          'h.to_value',
          'h.note',
        ])
        .where('h.action_id', '=', id)
        .orderBy('h.id')
        .execute(),
    addHistory,
    async update(row: ActionRow): Promise<void> {
      await db
        .updateTable('actions')
        .set({
          title: row.title,
          description: row.description,
          owner_id: row.owner_id,
          due_date: row.due_date,
          effect_metric: row.effect_metric,
          theme_id: row.theme_id,
          updated_at: now(),
        })
        .where('id', '=', row.id)
        .execute();
    },
    /** Done stamps done_at, reopening clears it; the other states keep it. */
    async setStatus(id: number, status: ActionStatus, dropReason: string | null): Promise<void> {
      const at = now();
      await db
        .updateTable('actions')
        .set({
          status,
          drop_reason: dropReason,
          updated_at: at,
          ...(status === 'done' ? { done_at: at } : status === 'open' ? { done_at: null } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    remove: async (id: number): Promise<number> =>
      Number((await db.deleteFrom('actions').where('id', '=', id).executeTakeFirst()).numDeletedRows),
    /** The review an action is decided in: its planned start and the team's time zone. */
    meetingOf: (meetingId: number, teamId: number): Promise<{ startsAt: string; timezone: string } | undefined> =>
      db
        .selectFrom('meetings as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['m.starts_at as startsAt', 't.timezone'])
        .where('m.id', '=', meetingId)
        .where('m.team_id', '=', teamId)
        .executeTakeFirst(),
    nextMeetingStart: async (teamId: number, after: string): Promise<string | undefined> =>
      (
        await db
          .selectFrom('meetings')
          .select('starts_at')
          .where('team_id', '=', teamId)
          .where('status', '=', 'planned')
          .where('starts_at', '>', after)
          .orderBy('starts_at')
          .limit(1)
          .executeTakeFirst()
      )?.starts_at,
    feedbackInTeam: async (teamId: number, ids: number[]): Promise<number[]> =>
      ids.length === 0
        ? []
        : (
            await db
              .selectFrom('visible_feedback')
              .select('id')
              .where('team_id', '=', teamId)
              .where('id', 'in', ids)
              .execute()
          ).map((row) => row.id),
    /** Done actions aimed at a KPI, completed since `since` (UTC ISO): a unit dashboard's chart markers. */
    doneWithMetric: (
      teamIds: number[],
      since: string,
    ): Promise<
      { id: number; team_id: number; title: string; effect_metric: string | null; done_at: string | null }[]
    > =>
      teamIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('actions')
            .select(['id', 'team_id', 'title', 'effect_metric', 'done_at'])
            .where('team_id', 'in', teamIds)
            .where('status', '=', 'done')
            .where('effect_metric', 'is not', null)
            .where('done_at', '>=', since)
            .orderBy('done_at')
            .orderBy('id')
            .execute(),
    /** Actions of a team aimed at the same KPI or theme: their decisions and completions are the chart's markers. */
    linked: async (teamId: number, metric: string | null, themeId: number | null): Promise<ActionRow[]> => {
      if (metric === null && themeId === null) return [];
      return select()
        .where('a.team_id', '=', teamId)
        .where((eb) =>
          eb.or([
            ...(metric === null ? [] : [sql<boolean>`a.effect_metric = ${metric}`]),
            ...(themeId === null ? [] : [eb('a.theme_id', '=', themeId)]),
          ]),
        )
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute();
    },
    themeInTeam: async (teamId: number, themeId: number): Promise<boolean> =>
      (await db
        .selectFrom('themes')
        .select('id')
        .where('id', '=', themeId)
        .where('team_id', '=', teamId)
        .executeTakeFirst()) !== undefined,
    /**
     * Feedback items received in [from, to) that are the feedback origin of one of the team's actions
     * on the theme: the effect chart's "mentions" of a theme.
     */
    themeMentions: async (teamId: number, themeId: number, from: string, to: string): Promise<number> =>
      (
        await db
          .selectFrom('visible_feedback as f')
          .innerJoin('action_origins as o', (join) =>
            join.on('o.kind', '=', 'feedback').on('o.ref', '=', sql<string>`cast(f.id as text)`),
          )
          .innerJoin('actions as a', 'a.id', 'o.action_id')
          .select((eb) => eb.fn.count<number>('f.id').distinct().as('n'))
          .where('f.team_id', '=', teamId)
          .where('a.theme_id', '=', themeId)
          .where('f.received_at', '>=', from)
          .where('f.received_at', '<', to)
          .executeTakeFirstOrThrow()
      ).n,
    /** The digest's candidates: unfinished actions with a due date and an owner, by owner e-mail. */
    digestCandidates: (): Promise<ActionRow[]> =>
      select()
        .where('a.owner_id', 'is not', null)
        .where('a.status', 'in', ['open', 'in_progress'])
        .where('a.due_date', 'is not', null)
        .orderBy('u.email')
        .orderBy('a.due_date')
        .orderBy('a.id')
        .execute(),
    /** True when the digest already mentioned the action in that state on that local day. */
    reminded: async (actionId: number, kind: 'overdue' | 'due_soon', sentOn: string): Promise<boolean> =>
      (await db
        .selectFrom('action_reminders')
        .select('action_id')
        .where('action_id', '=', actionId)
        .where('kind', '=', kind)
        .where('sent_on', '=', sentOn)
        .executeTakeFirst()) !== undefined,
    /** Records reminders sent; one already recorded is left as it is. */
    async remember(marks: readonly ReminderMark[]): Promise<void> {
      if (marks.length === 0) return;
      await db
        .insertInto('action_reminders')
        .values(marks.map(([actionId, kind, sentOn]) => ({ action_id: actionId, kind, sent_on: sentOn })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
export type ActionsRepo = ReturnType<typeof createActionsRepo>;
