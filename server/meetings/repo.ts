import { sql } from 'kysely';
import type { Executor } from '../db/kysely/store.ts';

export interface CadenceRow {
  id: number;
  rrule: string;
  start_time: string;
  timezone: string;
  duration_minutes: number;
  valid_from: string;
}
export interface ExceptionRow {
  occurrence_local: string;
  kind: 'moved' | 'skipped';
  moved_to_local: string | null;
  reason: string | null;
}
export interface MeetingRow {
  id: number;
  team_id: number;
  occurrence_local: string | null;
  starts_at: string;
  ends_at: string;
  status: 'planned' | 'live' | 'ended' | 'skipped';
  skip_reason: string | null;
  agenda: string;
  window_start: string | null;
  window_end: string;
  prepared_at: string | null;
}

export interface ArchiveRow {
  id: number;
  starts_at: string;
  summary: string | null;
  /** People who took part, each counted once however often they joined. */
  attendance: number;
}

export interface NewMeeting {
  teamId: number;
  occurrence: string;
  startsAt: string;
  endsAt: string;
  status: 'planned' | 'skipped';
  skipReason: string | null;
  agenda: string;
}

/** A feedback item as a meeting's window sees it (the proposal and the board's bands). */
export interface WindowItemRow {
  id: number;
  source: string;
  metric: 'nps' | 'csat' | 'ces' | 'rating' | null;
  score: number | null;
  flagged: 0 | 1;
}

const meetingColumns = [
  'id',
  'team_id',
  'occurrence_local',
  'starts_at',
  'ends_at',
  'status',
  'skip_reason',
  'agenda',
  'window_start',
  'window_end',
  'prepared_at',
] as const;

/**
 * SQL for cadences, their exceptions, agenda templates, calendar tokens, meetings and their cards,
 * the same on SQLite and PostgreSQL. Times written "now" come from JS, so both stores keep one form.
 */
export function createMeetingsRepo(db: Executor) {
  return {
    cadences: (teamId: number): Promise<CadenceRow[]> =>
      db
        .selectFrom('cadences')
        .select(['id', 'rrule', 'start_time', 'timezone', 'duration_minutes', 'valid_from'])
        .where('team_id', '=', teamId)
        .orderBy('valid_from')
        .execute(),
    upsertCadence: async (
      teamId: number,
      rrule: string,
      startTime: string,
      timezone: string,
      durationMinutes: number,
      validFrom: string,
      createdBy: number | null,
    ): Promise<void> => {
      await db
        .insertInto('cadences')
        .values({
          team_id: teamId,
          rrule,
          start_time: startTime,
          timezone,
          duration_minutes: durationMinutes,
          valid_from: validFrom,
          created_by: createdBy,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'valid_from']).doUpdateSet((eb) => ({
            rrule: eb.ref('excluded.rrule'),
            start_time: eb.ref('excluded.start_time'),
            timezone: eb.ref('excluded.timezone'),
            duration_minutes: eb.ref('excluded.duration_minutes'),
          })),
        )
        .execute();
    },
    dropLaterCadences: async (teamId: number, from: string): Promise<void> => {
      await db.deleteFrom('cadences').where('team_id', '=', teamId).where('valid_from', '>', from).execute();
    },
    exceptions: (teamId: number): Promise<ExceptionRow[]> =>
      db
        .selectFrom('cadence_exceptions')
        .select(['occurrence_local', 'kind', 'moved_to_local', 'reason'])
        .where('team_id', '=', teamId)
        .execute(),
    upsertException: async (
      teamId: number,
      occurrence: string,
      kind: 'moved' | 'skipped',
      movedTo: string | null,
      reason: string | null,
      createdBy: number | null,
    ): Promise<void> => {
      await db
        .insertInto('cadence_exceptions')
        .values({
          team_id: teamId,
          occurrence_local: occurrence,
          kind,
          moved_to_local: movedTo,
          reason,
          created_by: createdBy,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'occurrence_local']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            moved_to_local: eb.ref('excluded.moved_to_local'),
            reason: eb.ref('excluded.reason'),
          })),
        )
        .execute();
    },
    template: (teamId: number): Promise<{ steps: string } | undefined> =>
      db.selectFrom('agenda_templates').select('steps').where('team_id', '=', teamId).executeTakeFirst(),
    saveTemplate: async (teamId: number, steps: string, at = new Date().toISOString()): Promise<void> => {
      await db
        .insertInto('agenda_templates')
        .values({ team_id: teamId, steps, updated_at: at })
        .onConflict((oc) => oc.column('team_id').doUpdateSet({ steps, updated_at: at }))
        .execute();
    },
    /** A team's meetings in order of their start. */
    meetings: (teamId: number): Promise<MeetingRow[]> =>
      db.selectFrom('meetings').select(meetingColumns).where('team_id', '=', teamId).orderBy('starts_at').execute(),
    teamsWithCadence: (): Promise<{ id: number; name: string; timezone: string; language: 'da' | 'en' }[]> =>
      db
        .selectFrom('teams as t')
        .select(['t.id', 't.name', 't.timezone', 't.language'])
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('cadences as c').select('c.id').whereRef('c.team_id', '=', 't.id')),
        )
        .orderBy('t.id')
        .execute(),
    /** Meetings still to come (planned, starting after `after`) take the new agenda. */
    refreshAgendas: async (agenda: string, teamId: number, after: string): Promise<void> => {
      await db
        .updateTable('meetings')
        .set({ agenda })
        .where('team_id', '=', teamId)
        .where('status', '=', 'planned')
        .where('starts_at', '>', after)
        .execute();
    },
    meeting: (id: number, teamId: number): Promise<MeetingRow | undefined> =>
      db
        .selectFrom('meetings')
        .select(meetingColumns)
        .where('id', '=', id)
        .where('team_id', '=', teamId)
        .executeTakeFirst(),
    /** A meeting made from an occurrence; its window ends at its start until the schedule sets it. */
    insertMeeting: async (meeting: NewMeeting): Promise<number> => {
      const row = await db
        .insertInto('meetings')
        .values({
          team_id: meeting.teamId,
          occurrence_local: meeting.occurrence,
          starts_at: meeting.startsAt,
          ends_at: meeting.endsAt,
          status: meeting.status,
          skip_reason: meeting.skipReason,
          agenda: meeting.agenda,
          window_start: null,
          window_end: meeting.startsAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    updatePlanned: async (
      startsAt: string,
      endsAt: string,
      status: 'planned' | 'skipped',
      skipReason: string | null,
      id: number,
    ): Promise<void> => {
      await db
        .updateTable('meetings')
        .set({ starts_at: startsAt, ends_at: endsAt, status, skip_reason: skipReason })
        .where('id', '=', id)
        .execute();
    },
    deleteMeeting: async (id: number): Promise<void> => {
      await db.deleteFrom('meetings').where('id', '=', id).execute();
    },
    setWindow: async (start: string | null, end: string, id: number): Promise<void> => {
      await db.updateTable('meetings').set({ window_start: start, window_end: end }).where('id', '=', id).execute();
    },
    setPrepared: async (id: number, at = new Date().toISOString()): Promise<void> => {
      await db.updateTable('meetings').set({ prepared_at: at }).where('id', '=', id).execute();
    },
    /** The team's calendar tokens still in use. */
    tokens: (teamId: number): Promise<{ id: number; createdAt: string }[]> =>
      db
        .selectFrom('calendar_tokens')
        .select(['id', 'created_at as createdAt'])
        .where('team_id', '=', teamId)
        .where('revoked_at', 'is', null)
        .execute(),
    insertToken: async (teamId: number, tokenHash: string): Promise<void> => {
      await db.insertInto('calendar_tokens').values({ team_id: teamId, token_hash: tokenHash }).execute();
    },
    revokeTokens: async (teamId: number, at = new Date().toISOString()): Promise<void> => {
      await db
        .updateTable('calendar_tokens')
        .set({ revoked_at: at })
        .where('team_id', '=', teamId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    tokenTeam: (tokenHash: string): Promise<{ teamId: number } | undefined> =>
      db
        .selectFrom('calendar_tokens')
        .select('team_id as teamId')
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    cards: (meetingId: number): Promise<{ feedbackId: number; pickedBy: 'lead' | 'proposal' }[]> =>
      db
        .selectFrom('meeting_cards')
        .select(['feedback_id as feedbackId', 'picked_by as pickedBy'])
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute(),
    /** Puts a card last on the board; a card already there keeps its place and who picked it. */
    addCard: async (meetingId: number, feedbackId: number, pickedBy: 'lead' | 'proposal'): Promise<void> => {
      await db
        .insertInto('meeting_cards')
        .values((eb) => ({
          meeting_id: meetingId,
          feedback_id: feedbackId,
          position: eb
            .selectFrom('meeting_cards')
            .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
            .where('meeting_id', '=', meetingId),
          picked_by: pickedBy,
        }))
        .onConflict((oc) => oc.columns(['meeting_id', 'feedback_id']).doNothing())
        .execute();
    },
    removeCard: async (meetingId: number, feedbackId: number): Promise<void> => {
      await db
        .deleteFrom('meeting_cards')
        .where('meeting_id', '=', meetingId)
        .where('feedback_id', '=', feedbackId)
        .execute();
    },
    clearProposal: async (meetingId: number): Promise<void> => {
      await db
        .deleteFrom('meeting_cards')
        .where('meeting_id', '=', meetingId)
        .where('picked_by', '=', 'proposal')
        .execute();
    },
    /** What arrived in a window [start, end), oldest first; no start means from the beginning. */
    windowItems: (window: { teamId: number; start: string | null; end: string }): Promise<WindowItemRow[]> => {
      let query = db
        .selectFrom('visible_feedback')
        .select(['id', 'source', 'metric', 'score', 'flagged'])
        .where('team_id', '=', window.teamId)
        .where('received_at', '<', window.end);
      if (window.start !== null) query = query.where('received_at', '>=', window.start);
      return query.orderBy('received_at').orderBy('id').execute();
    },
    actionsOf: (meetingId: number): Promise<{ status: string; doneAt: string | null }[]> =>
      db.selectFrom('actions').select(['status', 'done_at as doneAt']).where('meeting_id', '=', meetingId).execute(),
    /** The meetings of several teams, each team's in order of their start: one query for them all. */
    meetingsOfTeams: (teamIds: readonly number[]): Promise<MeetingRow[]> =>
      teamIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('meetings')
            .select(meetingColumns)
            .where('team_id', 'in', [...teamIds])
            .orderBy('team_id')
            .orderBy('starts_at')
            .execute(),
    /** The actions decided at any meeting of the teams, with the meeting they came from. */
    actionsOfTeamsMeetings: (
      teamIds: readonly number[],
    ): Promise<{ meetingId: number; status: string; doneAt: string | null }[]> =>
      teamIds.length === 0
        ? Promise.resolve([])
        : (db
            .selectFrom('actions as a')
            .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
            .select(['a.meeting_id as meetingId', 'a.status', 'a.done_at as doneAt'])
            .where('m.team_id', 'in', [...teamIds])
            .orderBy('a.id')
            // The inner join leaves no action without its meeting.
            .execute() as Promise<{ meetingId: number; status: string; doneAt: string | null }[]>),
    /** How many people took part in each meeting of the teams, each counted once (meetings without any left out). */
    attendanceOfTeams: async (teamIds: readonly number[]): Promise<Map<number, number>> => {
      if (teamIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('meeting_attendance as a')
        .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
        .select(['a.meeting_id', (eb) => eb.fn.count('a.participant').distinct().as('n')])
        .where('m.team_id', 'in', [...teamIds])
        .groupBy('a.meeting_id')
        .execute();
      return new Map(rows.map((row) => [row.meeting_id, Number(row.n)]));
    },
    /** People who took part in a meeting, each counted once. */
    attendance: async (meetingId: number): Promise<{ n: number }> => {
      const row = await db
        .selectFrom('meeting_attendance')
        .select((eb) => eb.fn.count('participant').distinct().as('n'))
        .where('meeting_id', '=', meetingId)
        .executeTakeFirstOrThrow();
      return { n: Number(row.n) };
    },
    archive: async (teamId: number): Promise<ArchiveRow[]> => {
      const rows = await db
        .selectFrom('meetings as m')
        .select((eb) => [
          'm.id',
          'm.starts_at',
          'm.summary',
          eb
            .selectFrom('meeting_attendance as a')
            .select((inner) => inner.fn.count('a.participant').distinct().as('n'))
            .whereRef('a.meeting_id', '=', 'm.id')
            .as('attendance'),
        ])
        .where('m.team_id', '=', teamId)
        .where('m.status', '=', 'ended')
        .orderBy('m.starts_at', 'desc')
        .execute();
      return rows.map((row) => ({ ...row, attendance: Number(row.attendance ?? 0) }));
    },
  };
}
export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
