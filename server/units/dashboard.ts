import { localDate, toLocal } from '../../shared/zoned-clock.ts';
import { lostRhythm, periodStarts } from '../../shared/rhythm.ts';
import type { Action } from '../../shared/schemas/actions.ts';
import type { ActionsRow, Culture, Customers, Dashboard, OldestAction, RhythmRow } from '../../shared/schemas/units.ts';
import type { UnitThemes } from '../../shared/schemas/unit-themes.ts';
import type { ActionsService } from '../actions/service.ts';
import type { FeedbackService } from '../feedback/service.ts';
import type { PulseService } from '../pulse/service.ts';
import { type CadenceHealth, type MeetingsService, NO_MEETINGS_HEALTH } from '../meetings/service.ts';
import type { TeamRow, TeamsRepo } from '../teams/repo.ts';
import type { UnitRow } from './repo.ts';
import type { UnitsService } from './service.ts';
import { unitCulture } from './dashboard-culture.ts';
import { unitCustomers } from './dashboard-customers.ts';
import { unitThemes } from './dashboard-themes.ts';
import type { UnitThemesRepo } from './themes-repo.ts';

/** How many open actions the dashboard lists as the unit's oldest. */
const OLDEST = 10;

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100));
const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const isOpen = (action: Action) => action.status === 'open' || action.status === 'in_progress';

/**
 * A unit's dashboard: the rhythm and the actions of every team in it and below it. Each team's
 * figures come from the rules that own them: cadence health (held, planned, streak, attendance,
 * done by the next review) and the actions service (open, overdue); the quarter and the year are
 * counted in each team's own time zone. A read: it never schedules or writes.
 */
export function createUnitDashboard(deps: {
  units: UnitsService;
  meetings: Pick<MeetingsService, 'healthOfTeams'>;
  actions: Pick<ActionsService, 'ofTeams' | 'doneWithMetric'>;
  teams: Pick<TeamsRepo, 'memberCounts'>;
  feedback: Pick<FeedbackService, 'unitKpis'>;
  pulse: Pick<PulseService, 'rollup'>;
  themesRepo: UnitThemesRepo;
}) {
  const { units, meetings, actions, teams } = deps;
  const teamsOf = async (unit: UnitRow) => (await units.teamsBelow(unit.id)).map(({ team }) => team);

  function teamFigures(
    team: TeamRow,
    unitName: string,
    now: Date,
    teamActions: Action[],
    members: number,
    health: CadenceHealth,
  ) {
    const day = (instant: string | Date) =>
      localDate(toLocal(instant instanceof Date ? instant : new Date(instant), team.timezone));
    const { quarterStart, yearStart } = periodStarts(day(now));
    const inYear = health.meetings.filter((row) => day(row.startsAt) >= yearStart);
    const inQuarter = inYear.filter((row) => day(row.startsAt) >= quarterStart);
    const heldInYear = inYear.filter((row) => row.held);
    const attendance = heldInYear.flatMap((row) => (row.attendance === null ? [] : [row.attendance]));
    const ref = { slug: team.slug, name: team.name, timezone: team.timezone };
    const decided = inYear.reduce((sum, row) => sum + row.actions, 0);
    const doneByNext = inYear.reduce((sum, row) => sum + row.actionsDoneByNext, 0);
    const open = teamActions.filter(isOpen);
    const rhythm: RhythmRow = {
      team: ref,
      unitName,
      quarter: { planned: inQuarter.length, held: inQuarter.filter((row) => row.held).length },
      year: { planned: inYear.length, held: heldInYear.length },
      streak: health.streak,
      attendanceAvg:
        attendance.length === 0 ? null : oneDecimal(attendance.reduce((a, b) => a + b, 0) / attendance.length),
      members,
      lastHeldAt: health.meetings.filter((row) => row.held).at(-1)?.startsAt ?? null,
      lost: lostRhythm(health.meetings, now),
    };
    const actionsRow: ActionsRow = {
      team: ref,
      decided,
      doneByNext,
      doneByNextPct: pct(doneByNext, decided),
      open: open.length,
      overdue: open.filter((action) => action.dueState === 'overdue').length,
    };
    return { rhythm, actionsRow, attendance, quarterStart, yearStart, open, ref };
  }

  return {
    /**
     * The customers section, apart from the rest (GET …/dashboard/customers): it reads only the
     * monthly rollups and the done actions, and the page loads it beside the rhythm and actions.
     */
    customers: async (unit: UnitRow, now = new Date()): Promise<Customers> =>
      unitCustomers(deps, await teamsOf(unit), now),
    /** The culture section (GET …/dashboard/culture), by the pulse's anonymity rule. */
    culture: async (unit: UnitRow): Promise<Culture> => unitCulture(deps, await teamsOf(unit)),
    /** The themes across teams (GET …/dashboard/themes): a quarter's held reviews, matched by name. */
    themes: async (unit: UnitRow, quarter?: string, now = new Date()): Promise<UnitThemes> =>
      unitThemes({ repo: deps.themesRepo }, await teamsOf(unit), quarter, now),

    async forUnit(unit: UnitRow, now = new Date()): Promise<Dashboard> {
      const below = await units.teamsBelow(unit.id);
      const ids = below.map(({ team }) => team.id);
      // The unit's actions, member counts and cadence health in one read each, not one per team.
      const [all, members, healths] = await Promise.all([
        actions.ofTeams(ids, now),
        teams.memberCounts(ids),
        meetings.healthOfTeams(
          below.map(({ team }) => team),
          now,
        ),
      ]);
      const actionsOf = new Map<number, Action[]>(ids.map((id) => [id, []]));
      for (const action of all) actionsOf.get(action.team.id)?.push(action);
      const figures = below.map(({ team, unitName }) =>
        teamFigures(
          team,
          unitName,
          now,
          actionsOf.get(team.id) ?? [],
          members.get(team.id) ?? 0,
          healths.get(team.id) ?? NO_MEETINGS_HEALTH,
        ),
      );
      const byName = (a: { team: { name: string } }, b: { team: { name: string } }) =>
        a.team.name.localeCompare(b.team.name);
      const rhythm = figures.map((entry) => entry.rhythm).sort(byName);
      // Teams that lost the rhythm come first: they are what a leader should look at.
      rhythm.sort((a, b) => Number(b.lost !== null) - Number(a.lost !== null));
      const actionRows = figures.map((entry) => entry.actionsRow).sort(byName);
      const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const attendance = figures.flatMap((entry) => entry.attendance);
      const decided = sum(actionRows, (row) => row.decided);
      const doneByNext = sum(actionRows, (row) => row.doneByNext);
      const refs = new Map(figures.map((entry) => [entry.ref.slug, entry.ref]));
      const oldestOpen: OldestAction[] = figures
        .flatMap((entry) => entry.open)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
        .slice(0, OLDEST)
        .map((action) => ({
          id: action.id,
          title: action.title,
          team: refs.get(action.team.slug) ?? { slug: action.team.slug, name: action.team.name, timezone: '' },
          ownerName: action.ownerName,
          dueDate: action.dueDate,
          overdue: action.dueState === 'overdue',
          createdAt: action.createdAt,
        }));
      // The unit's own periods: the calendar's, as the first team (or UTC) counts them.
      const periods = figures[0] ?? periodStarts(now.toISOString().slice(0, 10));
      return {
        unit: { id: unit.id, name: unit.name, path: await units.pathTo(unit.id) },
        quarterStart: periods.quarterStart,
        yearStart: periods.yearStart,
        rhythm: {
          teams: rhythm,
          total: {
            teams: rhythm.length,
            lost: rhythm.filter((row) => row.lost !== null).length,
            quarter: {
              planned: sum(rhythm, (row) => row.quarter.planned),
              held: sum(rhythm, (row) => row.quarter.held),
            },
            year: { planned: sum(rhythm, (row) => row.year.planned), held: sum(rhythm, (row) => row.year.held) },
            attendanceAvg:
              attendance.length === 0 ? null : oneDecimal(attendance.reduce((a, b) => a + b, 0) / attendance.length),
          },
        },
        actions: {
          teams: actionRows,
          total: {
            decided,
            doneByNext,
            doneByNextPct: pct(doneByNext, decided),
            open: sum(actionRows, (row) => row.open),
            overdue: sum(actionRows, (row) => row.overdue),
          },
          oldestOpen,
        },
      };
    },
  };
}
export type UnitDashboard = ReturnType<typeof createUnitDashboard>;
