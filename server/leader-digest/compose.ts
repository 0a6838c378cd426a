import type { UnitKpis } from '../../shared/kpi-pool.ts';
import type { Language } from '../../shared/language.ts';
import type { LostReason } from '../../shared/rhythm.ts';
import type { LeaderDigestContent } from '../../shared/schemas/leader-digests.ts';
import { localMonth, previousMonth } from './calendar.ts';

/** What the digest needs of one team, as cadence health, the actions service and the dashboard give it. */
export interface DigestTeamSource {
  teamId: number;
  team: { slug: string; name: string; timezone: string };
  /** The team's reviews that are due (held, or past their planned hour), as cadence health lists them. */
  meetings: readonly { startsAt: string; held: boolean; actions: number }[];
  /** The team's actions; those marked done during the month count as completed. */
  actions: readonly { status: string; doneAt: string | null }[];
  /** Whether the team had lost the rhythm at the month's end, as the unit dashboard says. */
  lost: LostReason | null;
  lastHeldAt: string | null;
}

export interface DigestSource {
  unit: { id: number; name: string };
  lead: { id: number; name: string };
  month: string;
  timezone: string;
  language: Language;
  teams: readonly DigestTeamSource[];
  /** The unit's KPIs over the month and the one before it (feedback service `unitKpis`). */
  kpis: UnitKpis;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The movement of a pooled KPI from one month to the next. The interval of the change treats the
 * two months' answers as independent samples: its half-width is the root of the sum of the squared
 * half-widths of the months' own 95 % intervals (exact for NPS and the means, close for CSAT's
 * Wilson interval away from 0 % and 100 %).
 */
function movement(
  current: { value: number | null; ci95: [number, number] | null },
  previous: { value: number | null; ci95: [number, number] | null },
): { change: number | null; changeCi95: [number, number] | null; clear: boolean } {
  if (current.value === null || previous.value === null || !current.ci95 || !previous.ci95)
    return { change: null, changeCi95: null, clear: false };
  const change = current.value - previous.value;
  const half = (ci: [number, number]) => (ci[1] - ci[0]) / 2;
  const spread = Math.sqrt(half(current.ci95) ** 2 + half(previous.ci95) ** 2);
  const low = oneDecimal(change - spread);
  const high = oneDecimal(change + spread);
  return { change: oneDecimal(change), changeCi95: [low, high], clear: low > 0 || high < 0 };
}

/**
 * One lead's digest of one month: per team and summed, the reviews planned and held in the month,
 * the actions decided at them and the actions completed in it, each counted in the team's own time
 * zone; per metric the unit's pooled KPI this month beside the month before, with the change and its
 * interval; and the teams that had lost the rhythm, first. Pure: everything comes from `source`.
 */
export function composeDigest(source: DigestSource): LeaderDigestContent {
  const { month } = source;
  const before = previousMonth(month);
  const teams = source.teams.map((entry) => {
    const inMonth = entry.meetings.filter((row) => localMonth(row.startsAt, entry.team.timezone) === month);
    const held = inMonth.filter((row) => row.held);
    return {
      team: { slug: entry.team.slug, name: entry.team.name },
      planned: inMonth.length,
      held: held.length,
      decided: held.reduce((sum, row) => sum + row.actions, 0),
      completed: entry.actions.filter(
        (action) =>
          action.status === 'done' &&
          action.doneAt !== null &&
          localMonth(action.doneAt, entry.team.timezone) === month,
      ).length,
      lost: entry.lost,
      lastHeldAt: entry.lastHeldAt,
    };
  });
  teams.sort((a, b) => Number(b.lost !== null) - Number(a.lost !== null) || a.team.name.localeCompare(b.team.name));
  const sum = (pick: (row: (typeof teams)[number]) => number) => teams.reduce((total, row) => total + pick(row), 0);
  const point = (months: UnitKpis['pooled'][number]['months'], wanted: string) => {
    const found = months.find((entry) => entry.month === wanted);
    return { month: wanted, n: found?.n ?? 0, value: found?.value ?? null, ci95: found?.ci95 ?? null };
  };
  return {
    unit: source.unit,
    lead: source.lead,
    month,
    timezone: source.timezone,
    language: source.language,
    totals: {
      teams: teams.length,
      planned: sum((row) => row.planned),
      held: sum((row) => row.held),
      decided: sum((row) => row.decided),
      completed: sum((row) => row.completed),
      lost: teams.filter((row) => row.lost !== null).length,
    },
    teams,
    kpis: source.kpis.pooled.map((pool) => {
      const current = point(pool.months, month);
      const previous = point(pool.months, before);
      return { metric: pool.metric, teams: pool.teamIds.length, current, previous, ...movement(current, previous) };
    }),
  };
}
