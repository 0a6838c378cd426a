import { createHash, randomBytes } from 'node:crypto';
import { type AgendaStep, agendaMinutes, defaultAgenda } from '../../shared/agenda.ts';
import { ErrorCode } from '../../shared/errors.ts';
import {
  type CadenceRule,
  type Occurrence,
  RecurrenceError,
  expand,
  parseLocalDate,
  parseRule,
  parseTime,
} from '../../shared/recurrence.ts';
import { ZonedClock, localDate, toLocal } from '../../shared/zoned-clock.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Language } from '../../shared/language.ts';
import { type FeedEvent, calendar, calendarText } from './ics.ts';
import { bandOf, proposeCards } from './proposal.ts';
import { toArchiveEntry } from './archive.ts';
import type { Store } from '../db/kysely/store.ts';
import { type CadenceRow, type MeetingRow, type MeetingsRepo, createMeetingsRepo } from './repo.ts';

interface Team {
  id: number;
  name: string;
  timezone: string;
  language: Language;
}

const UPCOMING = 2;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const toRule = (row: CadenceRow): CadenceRule => ({
  rrule: row.rrule,
  startTime: row.start_time,
  timezone: row.timezone,
  durationMinutes: row.duration_minutes,
  validFrom: row.valid_from,
});
const check = <T>(work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if (error instanceof RecurrenceError) throw invalid(error.message);
    throw error;
  }
};

type MeetingActionRow = { meetingId: number; status: string; doneAt: string | null };

/**
 * Whether a team keeps its rhythm, from its meetings (in order of their start), the actions decided
 * at each meeting and each meeting's attendance: held vs planned, the streak, attendance and the
 * actions done by the next meeting. A review counts from the moment it is held (live or ended), also
 * when it was held before its planned time; one never held counts as planned once its planned hour
 * is over.
 */
function cadenceHealth(
  rows: readonly MeetingRow[],
  actionsOf: ReadonlyMap<number, readonly MeetingActionRow[]>,
  attendanceOf: ReadonlyMap<number, number>,
  now: Date,
) {
  const nowIso = now.toISOString();
  const isHeld = (row: MeetingRow) => row.status === 'live' || row.status === 'ended';
  const due = rows.filter((row) => isHeld(row) || row.ends_at <= nowIso);
  const held = due.filter(isHeld);
  let streak = 0;
  for (const row of [...due].reverse()) {
    if (!isHeld(row)) break;
    streak++;
  }
  const perMeeting = due.map((row) => {
    const nextStart =
      rows.find((later) => later.starts_at > row.starts_at && later.status !== 'skipped')?.starts_at ?? nowIso;
    const actions = actionsOf.get(row.id) ?? [];
    const doneInTime = actions.filter((action) => action.doneAt !== null && action.doneAt <= nextStart).length;
    return {
      id: row.id,
      startsAt: row.starts_at,
      status: row.status,
      /** Held by the one rule above, so readers elsewhere (the unit dashboard) need not repeat it. */
      held: isHeld(row),
      // Attendance is what the live board recorded; a meeting never held live has none.
      attendance: isHeld(row) ? (attendanceOf.get(row.id) ?? 0) : null,
      actions: actions.length,
      actionsDoneByNext: doneInTime,
    };
  });
  const withActions = perMeeting.filter((entry) => entry.actions > 0);
  const completion =
    withActions.length === 0
      ? null
      : Math.round(
          (withActions.reduce((sum, entry) => sum + entry.actionsDoneByNext, 0) /
            withActions.reduce((sum, entry) => sum + entry.actions, 0)) *
            100,
        );
  return { planned: due.length, held: held.length, streak, actionCompletionPct: completion, meetings: perMeeting };
}

export type CadenceHealth = ReturnType<typeof cadenceHealth>;
/** The health of a team without meetings: nothing planned, nothing held. */
export const NO_MEETINGS_HEALTH: CadenceHealth = cadenceHealth([], new Map(), new Map(), new Date(0));

export function createMeetingsService(deps: { store: Store }) {
  const { store } = deps;
  // Plain reads and single writes run on the store; each transaction builds its own over `trx`.
  const repo = createMeetingsRepo(store.db);
  const today = (team: Team, now = new Date()) => localDate(toLocal(now, team.timezone));

  /** The team's own agenda, or the method's default with step names in the team's language. */
  async function templateOf(on: MeetingsRepo, team: Pick<Team, 'id' | 'language'>): Promise<AgendaStep[]> {
    const row = await on.template(team.id);
    return row ? (JSON.parse(row.steps) as AgendaStep[]) : defaultAgenda(team.language);
  }

  /** Every occurrence of the team's rules, each rule from its first day until the next rule's, up to `until`. */
  async function occurrences(
    on: MeetingsRepo,
    team: Team,
    until: string,
  ): Promise<(Occurrence & { rule: CadenceRow })[]> {
    const rules = await on.cadences(team.id);
    return rules.flatMap((rule, index) => {
      const end = rules[index + 1]?.valid_from ?? until;
      return expand(toRule(rule), rule.valid_from, end < until ? end : until).map((occurrence) => ({
        ...occurrence,
        rule,
      }));
    });
  }

  /**
   * Makes the meetings match the cadence: one per occurrence up to the next two, moved and skipped
   * ones applied, vanished future ones removed; then every feedback window runs from the previous
   * held-or-planned meeting's start to this one's, so each item belongs to exactly one review.
   * Runs when the cadence changes and from the schedule job, never from a read; it writes only the
   * rows that differ, so a run with nothing new to do changes nothing. Runs in the caller's
   * transaction (`on` is built over it), so the cadence and its meetings change together.
   */
  async function sync(on: MeetingsRepo, team: Team, now: Date): Promise<void> {
    const horizon = `${Number(today(team, now).slice(0, 4)) + 2}${today(team, now).slice(4)}`;
    const all = await occurrences(on, team, horizon);
    const nowIso = now.toISOString();
    const wanted = [
      ...all.filter((occurrence) => occurrence.start.toISOString() <= nowIso),
      ...all.filter((occurrence) => occurrence.start.toISOString() > nowIso).slice(0, UPCOMING),
    ];
    const exceptions = new Map((await on.exceptions(team.id)).map((row) => [row.occurrence_local, row]));
    const existing = new Map((await on.meetings(team.id)).map((row) => [row.occurrence_local, row]));
    const clock = new ZonedClock(team.timezone);
    const agenda = JSON.stringify(await templateOf(on, team));
    for (const occurrence of wanted) {
      const exception = exceptions.get(occurrence.key);
      let start = occurrence.start;
      if (exception?.kind === 'moved' && exception.moved_to_local) {
        const [date, time] = exception.moved_to_local.split('T') as [string, string];
        const { year, month, day } = parseLocalDate(date);
        const { hour, minute } = parseTime(time);
        start = clock.toUtc(year, month, day, hour, minute, 0) ?? start;
      }
      const end = new Date(start.getTime() + occurrence.rule.duration_minutes * 60_000);
      const status = exception?.kind === 'skipped' ? 'skipped' : 'planned';
      const skipReason = exception?.kind === 'skipped' ? (exception.reason ?? null) : null;
      const found = existing.get(occurrence.key);
      existing.delete(occurrence.key);
      if (!found) {
        await on.insertMeeting({
          teamId: team.id,
          occurrence: occurrence.key,
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          status,
          skipReason,
          agenda,
        });
      } else if (found.status === 'planned' || found.status === 'skipped') {
        const same =
          found.starts_at === start.toISOString() &&
          found.ends_at === end.toISOString() &&
          found.status === status &&
          found.skip_reason === skipReason;
        if (!same) await on.updatePlanned(start.toISOString(), end.toISOString(), status, skipReason, found.id);
      }
    }
    // Planned meetings the cadence no longer produces (the rule changed from a date on) disappear.
    for (const row of existing.values()) {
      if (row.occurrence_local !== null && row.status === 'planned' && row.starts_at > nowIso)
        await on.deleteMeeting(row.id);
    }
    let previousEnd: string | null = null;
    const setWindow = async (row: MeetingRow, start: string | null, end: string) => {
      if (row.window_start !== start || row.window_end !== end) await on.setWindow(start, end, row.id);
    };
    for (const row of await on.meetings(team.id)) {
      if (row.status === 'skipped') {
        await setWindow(row, previousEnd, previousEnd ?? row.starts_at);
        continue;
      }
      if (row.status === 'planned') await setWindow(row, previousEnd, row.starts_at);
      previousEnd = row.status === 'planned' ? row.starts_at : row.window_end;
    }
  }
  const schedule = (team: Team, now: Date) => store.transaction((trx) => sync(createMeetingsRepo(trx), team, now));

  /** The team's meetings as stored: a read, so it never schedules (see `schedule`). */
  /** Cadence health of each team, keyed by team id: held vs planned, streak, attendance, done by the next. */
  async function healthOfTeams(teams: readonly Pick<Team, 'id'>[], now = new Date()) {
    const ids = teams.map((team) => team.id);
    const [rows, actions, attendance] = await Promise.all([
      repo.meetingsOfTeams(ids),
      repo.actionsOfTeamsMeetings(ids),
      repo.attendanceOfTeams(ids),
    ]);
    const byTeam = new Map<number, MeetingRow[]>(ids.map((id) => [id, []]));
    for (const row of rows) byTeam.get(row.team_id)?.push(row);
    const byMeeting = new Map<number, MeetingActionRow[]>();
    for (const action of actions) byMeeting.set(action.meetingId, [...(byMeeting.get(action.meetingId) ?? []), action]);
    return new Map<number, CadenceHealth>(
      ids.map((id) => [id, cadenceHealth(byTeam.get(id) ?? [], byMeeting, attendance, now)]),
    );
  }

  function meetings(team: Team): Promise<MeetingRow[]> {
    return repo.meetings(team.id);
  }

  async function meetingOf(on: MeetingsRepo, team: Team, id: number): Promise<MeetingRow> {
    const row = await on.meeting(id, team.id);
    if (!row) throw notFound('Meeting');
    return row;
  }
  const meeting = (team: Team, id: number) => meetingOf(repo, team, id);
  const windowItems = (team: Team, row: MeetingRow) =>
    repo.windowItems({ teamId: team.id, start: row.window_start, end: row.window_end });
  const planned = (row: MeetingRow) => {
    if (row.status !== 'planned') throw new AppError(ErrorCode.CONFLICT, 'only a planned meeting can be prepared');
    return row;
  };

  return {
    template: (team: Pick<Team, 'id' | 'language'>) => templateOf(repo, team),
    async saveTemplate(team: Team, steps: AgendaStep[]): Promise<AgendaStep[]> {
      const clean = steps.map((step) => ({
        key: step.key.trim() || 'step',
        name: step.name.trim(),
        minutes: step.minutes,
      }));
      if (clean.some((step) => !step.name || step.minutes < 1 || step.minutes > 240))
        throw invalid('every step needs a name and 1–240 minutes');
      await store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        const at = new Date().toISOString();
        await on.saveTemplate(team.id, JSON.stringify(clean), at);
        // Meetings still to come follow the new agenda; held ones keep the agenda they were held with.
        await on.refreshAgendas(JSON.stringify(clean), team.id, at);
      });
      return clean;
    },

    async cadence(team: Team): Promise<CadenceRule | null> {
      const rules = await repo.cadences(team.id);
      const last = rules.at(-1);
      return last ? toRule(last) : null;
    },

    /** Sets the rule from a date on (default: today); meetings before that date keep their times. */
    async setCadence(
      team: Team,
      input: { rrule: string; time: string; durationMinutes: number; from?: string | undefined },
      userId: number | null,
      now = new Date(),
    ): Promise<CadenceRule> {
      const from = input.from ?? today(team, now);
      const rule = check(() => {
        const value = parseRule(input.rrule);
        parseTime(input.time);
        parseLocalDate(from);
        return {
          rrule: value,
          startTime: input.time,
          timezone: team.timezone,
          durationMinutes: input.durationMinutes,
          validFrom: from,
        };
      });
      if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes < 5 || rule.durationMinutes > 480)
        throw invalid('the duration is 5–480 minutes');
      const nextYear = `${Number(from.slice(0, 4)) + 2}${from.slice(4)}`;
      if (check(() => expand(rule, from, nextYear)).length === 0)
        throw invalid(`${rule.rrule} never occurs in the next two years`);
      await store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        await on.dropLaterCadences(team.id, from);
        await on.upsertCadence(team.id, rule.rrule, rule.startTime, rule.timezone, rule.durationMinutes, from, userId);
        await sync(on, team, now);
      });
      return rule;
    },

    /** Moves or skips one occurrence, identified by its original local start. */
    async setException(
      team: Team,
      input: {
        occurrence: string;
        skip?: boolean | undefined;
        moveTo?: string | undefined;
        reason?: string | undefined;
      },
      userId: number | null,
      now = new Date(),
    ): Promise<void> {
      if (input.skip) {
        if (!input.reason?.trim()) throw invalid('say why the meeting is skipped');
      } else {
        const moveTo = input.moveTo ?? '';
        check(() => {
          parseLocalDate(moveTo.slice(0, 10));
          parseTime(moveTo.slice(11));
        });
      }
      await store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        // Checked in the transaction that writes, so a meeting started meanwhile is not moved.
        const meetingRow = (await on.meetings(team.id)).find((row) => row.occurrence_local === input.occurrence);
        if (!meetingRow) throw notFound('Occurrence');
        if (meetingRow.status === 'live' || meetingRow.status === 'ended')
          throw new AppError(ErrorCode.CONFLICT, 'a meeting that has started cannot be moved or skipped');
        if (input.skip)
          await on.upsertException(team.id, input.occurrence, 'skipped', null, input.reason?.trim() ?? null, userId);
        else
          await on.upsertException(
            team.id,
            input.occurrence,
            'moved',
            input.moveTo ?? '',
            input.reason?.trim() || null,
            userId,
          );
        await sync(on, team, now);
      });
    },

    /** The scheduled step for one team: brings its meetings up to date with the cadence at `now`. */
    schedule: (team: Team, now = new Date()): Promise<void> => schedule(team, now),
    /** The scheduled step for every team with a cadence (the schedule job runs it), one transaction per team. */
    async scheduleAll(now = new Date()): Promise<number> {
      const teams = await repo.teamsWithCadence();
      for (const team of teams) await schedule(team, now);
      return teams.length;
    },

    meetings,
    meeting,
    /** The team's held reviews, newest first: a read of what each ended meeting kept. */
    archive: async (team: Team) => (await repo.archive(team.id)).map(toArchiveEntry),
    async next(team: Team, now = new Date()): Promise<MeetingRow | null> {
      return (await meetings(team)).find((row) => row.status === 'planned' && row.ends_at > now.toISOString()) ?? null;
    },

    /** The team's calendar: one VEVENT per rule (with UNTIL when a later rule takes over), EXDATEs and moved instances. */
    async feed(team: Team, now = new Date()): Promise<string> {
      const rules = await repo.cadences(team.id);
      const exceptions = await repo.exceptions(team.id);
      const clock = new ZonedClock(team.timezone);
      const at = (key: string) => {
        const { year, month, day } = parseLocalDate(key.slice(0, 10));
        const { hour, minute } = parseTime(key.slice(11, 16));
        return clock.toUtc(year, month, day, hour, minute, 0) ?? new Date(0);
      };
      const events: FeedEvent[] = [];
      rules.forEach((rule, index) => {
        const nextFrom = rules[index + 1]?.valid_from;
        const first = expand(
          toRule(rule),
          rule.valid_from,
          `${Number(rule.valid_from.slice(0, 4)) + 3}${rule.valid_from.slice(4)}`,
        )[0];
        if (!first || (nextFrom && first.key.slice(0, 10) >= nextFrom)) return;
        const until = nextFrom
          ? `;UNTIL=${new Date(at(`${nextFrom}T00:00`).getTime() - 1000)
              .toISOString()
              .replace(/[-:]/g, '')
              .replace(/\.\d{3}/, '')}`
          : '';
        const mine = exceptions.filter(
          (exception) =>
            exception.occurrence_local >= rule.valid_from && (!nextFrom || exception.occurrence_local < nextFrom),
        );
        const uid = `cadence-${rule.id}-team-${team.id}@kadence`;
        const { summary, description } = calendarText(team.name, team.language);
        events.push({
          uid,
          summary,
          description,
          start: first.start,
          end: first.end,
          rrule: `${rule.rrule}${until}`,
          exdates: mine
            .filter((exception) => exception.kind === 'skipped')
            .map((exception) => at(exception.occurrence_local)),
        });
        for (const moved of mine.filter((exception) => exception.kind === 'moved' && exception.moved_to_local)) {
          const start = at(moved.moved_to_local ?? '');
          events.push({
            uid,
            summary,
            description,
            recurrenceId: at(moved.occurrence_local),
            start,
            end: new Date(start.getTime() + rule.duration_minutes * 60_000),
          });
        }
      });
      return calendar(calendarText(team.name, team.language).calendar, team.timezone, events, now);
    },

    async meetingIcs(team: Team, id: number, now = new Date()): Promise<string> {
      const row = await meeting(team, id);
      const text = calendarText(team.name, team.language);
      return calendar(
        text.calendar,
        team.timezone,
        [
          {
            uid: `meeting-${row.id}@kadence`,
            summary: text.summary,
            description: text.description,
            start: new Date(row.starts_at),
            end: new Date(row.ends_at),
            ...(row.status === 'skipped' ? { status: 'CANCELLED' as const } : {}),
          },
        ],
        now,
      );
    },

    async createFeedToken(team: Team): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        await on.revokeTokens(team.id);
        await on.insertToken(team.id, hash(token));
      });
      return token;
    },
    revokeFeedTokens: (team: Team): Promise<void> => repo.revokeTokens(team.id),
    hasFeedToken: async (team: Team) => (await repo.tokens(team.id)).length > 0,
    teamForFeedToken: async (token: string) => (await repo.tokenTeam(hash(token)))?.teamId ?? null,

    /** What arrived for a meeting and which cards are on its board. */
    async board(team: Team, id: number) {
      const row = await meeting(team, id);
      const items = await windowItems(team, row);
      const bands: Record<string, number> = {};
      for (const item of items) bands[bandOf(item)] = (bands[bandOf(item)] ?? 0) + 1;
      return {
        meeting: row,
        arrived: items.length,
        flagged: items.filter((item) => item.flagged === 1).length,
        bands,
        cards: await repo.cards(row.id),
      };
    },

    /**
     * What the live board's frame shows around a meeting: its team and date, how many cards its board
     * holds (a facilitator is warned before starting an empty one) and when the review after it is
     * (decided actions are due the day before).
     */
    async frame(team: Team & { name: string }, id: number) {
      const row = await meeting(team, id);
      const cards = (await repo.cards(row.id)).length;
      const later = (await meetings(team)).find(
        (other) => other.starts_at > row.starts_at && other.status !== 'skipped',
      );
      return {
        teamName: team.name,
        startsAt: row.starts_at,
        windowStart: row.window_start,
        windowEnd: row.window_end,
        preparedAt: row.prepared_at,
        cards,
        nextStartsAt: later?.starts_at ?? null,
      };
    },

    /** Ids of everything that arrived in a meeting's window, newest first. */
    async windowIds(team: Team, id: number): Promise<number[]> {
      const row = await meeting(team, id);
      return (await windowItems(team, row)).map((item) => item.id).reverse();
    },

    /** Replaces the proposed cards (not the lead's own picks) with a fresh, deterministic proposal. */
    async propose(team: Team, id: number): Promise<number[]> {
      return store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        const row = planned(await meetingOf(on, team, id));
        const items = await on.windowItems({ teamId: team.id, start: row.window_start, end: row.window_end });
        const reading = (JSON.parse(row.agenda) as AgendaStep[]).find((step) => step.key === 'read')?.minutes ?? 15;
        const size = Math.min(40, Math.max(20, reading * 2));
        const chosen = proposeCards(items, size, `meeting-${row.id}`);
        await on.clearProposal(row.id);
        for (const feedbackId of chosen) await on.addCard(row.id, feedbackId, 'proposal');
        await on.setPrepared(row.id);
        return chosen;
      });
    },

    async pick(team: Team, id: number, feedbackId: number, picked: boolean): Promise<void> {
      await store.transaction(async (trx) => {
        const on = createMeetingsRepo(trx);
        const row = planned(await meetingOf(on, team, id));
        if (!picked) {
          await on.removeCard(row.id, feedbackId);
          return;
        }
        const inWindow = (await on.windowItems({ teamId: team.id, start: row.window_start, end: row.window_end })).some(
          (item) => item.id === feedbackId,
        );
        if (!inWindow) throw invalid('that feedback item did not arrive in this meeting’s window');
        await on.addCard(row.id, feedbackId, 'lead');
        await on.setPrepared(row.id);
      });
    },

    /**
     * Whether the team keeps its rhythm: held vs planned, the streak, attendance and actions done by
     * the next meeting. A review counts from the moment it is held (live or ended), also when it was
     * held before its planned time; one never held counts as planned once its planned hour is over.
     */
    async health(team: Team, now = new Date()) {
      const [figures, template] = await Promise.all([
        healthOfTeams([team], now).then((all) => all.get(team.id) ?? NO_MEETINGS_HEALTH),
        templateOf(repo, team),
      ]);
      return { ...figures, templateMinutes: agendaMinutes(template) };
    },

    /**
     * The same health for many teams at once (the unit dashboard, the leader digest): three reads
     * for all the teams together, not three per team and two per meeting.
     */
    healthOfTeams,

    /** In-app reminders: a meeting today, an unprepared board the day before, skipped months. */
    async reminders(team: Team, now = new Date()) {
      const rows = await meetings(team);
      const day = today(team, now);
      const tomorrow = today(team, new Date(now.getTime() + 86_400_000));
      const reminders: {
        kind: 'today' | 'unprepared' | 'skipped';
        meetingId: number;
        startsAt: string;
        reason?: string | null;
      }[] = [];
      for (const row of rows) {
        const date = localDate(toLocal(new Date(row.starts_at), team.timezone));
        if (row.status === 'planned' && date === day && row.ends_at > now.toISOString())
          reminders.push({ kind: 'today', meetingId: row.id, startsAt: row.starts_at });
        if (row.status === 'planned' && date === tomorrow && !row.prepared_at)
          reminders.push({ kind: 'unprepared', meetingId: row.id, startsAt: row.starts_at });
        if (
          row.status === 'skipped' &&
          row.starts_at > new Date(now.getTime() - 92 * 86_400_000).toISOString() &&
          row.starts_at <= now.toISOString()
        )
          reminders.push({ kind: 'skipped', meetingId: row.id, startsAt: row.starts_at, reason: row.skip_reason });
      }
      return reminders;
    },
  };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;
