import { sql } from 'kysely';
import type { Actor, AgendaStep, MeetingEvent, MeetingState } from '../../shared/meeting/index.ts';
import type { Executor, StoreDialect } from '../db/kysely/store.ts';

export interface MeetingRow {
  id: number;
  team_id: number;
  status: 'planned' | 'live' | 'ended' | 'skipped';
  agenda: string;
  slug: string;
  team_name: string;
  /** How many times an erasure rewrote the stored log: a state folded under another count is stale. */
  log_rewrites: number;
}
export interface EventRow {
  seq: number;
  op_id: string;
  actor: string;
  type: string;
  payload: string;
  at: number;
}
export interface CardRow {
  id: number;
  position: number;
  title: string | null;
  comment: string | null;
  metric: string | null;
  score: number | null;
  source: string;
  received_at: string;
  language: string | null;
}
export interface GuestRow {
  id: number;
  name: string;
  meeting_id: number;
  role: 'participant' | 'observer';
  revoked_at: string | null;
}

export const toEvent = (row: EventRow): MeetingEvent =>
  ({
    seq: row.seq,
    opId: row.op_id,
    actor: JSON.parse(row.actor) as Actor,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    at: row.at,
  }) as MeetingEvent;

/** The scope of opIds the server makes (presence), apart from every person's own. */
export const SERVER_SCOPE = 'server';

/** The card ids a meeting.start payload carried, read in JS so the same code serves both stores. */
export function startCardIds(payload: string): string[] {
  const parsed = JSON.parse(payload) as { cards?: { id?: unknown }[] };
  return (parsed.cards ?? []).flatMap((card) => (typeof card.id === 'string' ? [card.id] : []));
}

/**
 * SQL for the live meeting around its log: snapshots, cards, themes, attendance and the meeting row.
 * The event log itself is store-repo.ts, which carries the ordering contract. Built over the store
 * for reads, or over a transaction (the engine's) for what a command writes.
 */
export function createLiveRepo(db: Executor, dialect: StoreDialect) {
  /** Case-insensitive theme names: SQLite's NOCASE, PostgreSQL's kadence_nocase (as the unique index has it). */
  const nocase = dialect === 'postgres' ? sql`kadence_nocase` : sql`NOCASE`;
  const now = () => new Date().toISOString();

  const insertTheme = async (teamId: number, name: string, meetingId: number): Promise<number> => {
    const row = await db
      .insertInto('themes')
      .values({ team_id: teamId, name, created_in: meetingId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  return {
    meeting: (id: number): Promise<MeetingRow | undefined> =>
      db
        .selectFrom('meetings as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['m.id', 'm.team_id', 'm.status', 'm.agenda', 't.slug', 't.name as team_name', 'm.log_rewrites'])
        .where('m.id', '=', id)
        .executeTakeFirst() as Promise<MeetingRow | undefined>,
    liveMeetingIds: async (): Promise<number[]> =>
      (await db.selectFrom('meetings').select('id').where('status', '=', 'live').execute()).map((row) => row.id),
    /** A team's meetings that have (or had) a board: held now or ended. */
    boardMeetingIds: async (teamId: number): Promise<number[]> =>
      (
        await db
          .selectFrom('meetings')
          .select('id')
          .where('team_id', '=', teamId)
          .where('status', 'in', ['live', 'ended'])
          .orderBy('id')
          .execute()
      ).map((row) => row.id),
    async latestSnapshot(meetingId: number): Promise<MeetingState | undefined> {
      const row = await db
        .selectFrom('meeting_snapshots')
        .select(['seq', 'state'])
        .where('meeting_id', '=', meetingId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? (JSON.parse(row.state) as MeetingState) : undefined;
    },
    saveSnapshot: async (state: MeetingState): Promise<void> => {
      const json = JSON.stringify(state);
      await db
        .insertInto('meeting_snapshots')
        .values({ meeting_id: state.meetingId, seq: state.seq, state: json })
        .onConflict((oc) => oc.columns(['meeting_id', 'seq']).doUpdateSet({ state: json }))
        .execute();
    },
    cards: (meetingId: number): Promise<CardRow[]> =>
      db
        .selectFrom('meeting_cards as c')
        .innerJoin('visible_feedback as f', 'f.id', 'c.feedback_id')
        .select([
          'f.id',
          'c.position',
          'f.title',
          'f.comment',
          'f.metric',
          'f.score',
          'f.source',
          'f.received_at',
          'f.language',
        ])
        .where('c.meeting_id', '=', meetingId)
        .orderBy('c.position')
        .execute() as Promise<CardRow[]>,
    steps: (row: MeetingRow) => JSON.parse(row.agenda) as AgendaStep[],
    /** Reuses the team's theme of the same name, so a theme is recognised across meetings. */
    async themeFor(teamId: number, name: string, meetingId: number): Promise<number> {
      const found = await db
        .selectFrom('themes')
        .select('id')
        .where('team_id', '=', teamId)
        .where(sql<boolean>`name = ${name} COLLATE ${nocase}`)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      return found?.id ?? insertTheme(teamId, name, meetingId);
    },
    newTheme: insertTheme,
    renameTheme: async (teamId: number, id: number, name: string): Promise<void> => {
      await db.updateTable('themes').set({ name }).where('id', '=', id).where('team_id', '=', teamId).execute();
    },
    mergeTheme: async (teamId: number, from: number, into: number): Promise<void> => {
      await db
        .updateTable('themes')
        .set({ merged_into: into })
        .where('id', '=', from)
        .where('team_id', '=', teamId)
        .execute();
    },
    start: async (meetingId: number): Promise<void> => {
      await db.updateTable('meetings').set({ status: 'live', started_at: now() }).where('id', '=', meetingId).execute();
    },
    end: async (meetingId: number, summary: string): Promise<void> => {
      await db
        .updateTable('meetings')
        .set({ status: 'ended', ended_at: now(), summary })
        .where('id', '=', meetingId)
        .execute();
    },
    memberName: async (teamId: number, userId: number): Promise<string | undefined> =>
      (
        await db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('u.name')
          .where('m.team_id', '=', teamId)
          .where('m.user_id', '=', userId)
          .executeTakeFirst()
      )?.name,
    attend: async (meetingId: number, actor: Actor): Promise<void> => {
      await db
        .insertInto('meeting_attendance')
        .values({ meeting_id: meetingId, participant: actor.key, name: actor.name, role: actor.role })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    attendance: (meetingId: number): Promise<{ name: string; role: string }[]> =>
      db
        .selectFrom('meeting_attendance')
        .select(['name', 'role'])
        .where('meeting_id', '=', meetingId)
        .orderBy('joined_at')
        .orderBy('name')
        .execute(),
    teamThemes: async (teamId: number): Promise<string[]> =>
      (
        await db
          .selectFrom('themes')
          .select('name')
          .where('team_id', '=', teamId)
          .where('merged_into', 'is', null)
          .orderBy(sql`name COLLATE ${nocase}`)
          .execute()
      ).map((row) => row.name),
    /**
     * Erasure: rewrites every stored JSON of the meetings whose board held one of `cardIds` (event
     * payloads, snapshots, the kept summary) through `scrub`, which returns the new JSON or null when
     * nothing changed. Runs in the caller's transaction (build the repo over it); returns the meetings
     * it looked at.
     */
    async scrubMeetings(teamId: number, cardIds: string[], scrub: (json: string) => string | null): Promise<number[]> {
      const wanted = new Set(cardIds);
      const starts = await db
        .selectFrom('meeting_events as e')
        .innerJoin('meetings as m', 'm.id', 'e.meeting_id')
        .select(['e.meeting_id', 'e.payload'])
        .where('m.team_id', '=', teamId)
        .where('e.type', '=', 'meeting.start')
        .execute();
      const ids = [
        ...new Set(
          starts.filter((row) => startCardIds(row.payload).some((id) => wanted.has(id))).map((row) => row.meeting_id),
        ),
      ];
      for (const meetingId of ids) {
        const events = await db
          .selectFrom('meeting_events')
          .select(['seq', 'payload'])
          .where('meeting_id', '=', meetingId)
          .execute();
        for (const row of events) {
          const next = scrub(row.payload);
          if (next !== null)
            await db
              .updateTable('meeting_events')
              .set({ payload: next })
              .where('meeting_id', '=', meetingId)
              .where('seq', '=', row.seq)
              .execute();
        }
        const snapshots = await db
          .selectFrom('meeting_snapshots')
          .select(['seq', 'state'])
          .where('meeting_id', '=', meetingId)
          .execute();
        for (const row of snapshots) {
          const next = scrub(row.state);
          if (next !== null)
            await db
              .updateTable('meeting_snapshots')
              .set({ state: next })
              .where('meeting_id', '=', meetingId)
              .where('seq', '=', row.seq)
              .execute();
        }
        const summary = (
          await db.selectFrom('meetings').select('summary').where('id', '=', meetingId).executeTakeFirst()
        )?.summary;
        const next = summary ? scrub(summary) : null;
        await db
          .updateTable('meetings')
          .set((eb) => ({ log_rewrites: eb('log_rewrites', '+', 1), ...(next !== null ? { summary: next } : {}) }))
          .where('id', '=', meetingId)
          .execute();
      }
      return ids;
    },
  };
}
export type LiveRepo = ReturnType<typeof createLiveRepo>;
