import { type KpiValue, type ScoreCounts, computeKpi } from './kpi.ts';
import type { Metric } from './schemas/imports.ts';

/** One team's answers per score in one of its months for one metric (over all its sources). */
export interface TeamMonthCounts {
  teamId: number;
  metric: Metric;
  /** YYYY-MM, the team's own calendar month. */
  month: string;
  counts: ScoreCounts;
}

export interface PooledMonth extends KpiValue {
  month: string;
  /** How many of the teams had answers for this metric in this month. */
  teams: number;
}

export interface TeamMetricMonths {
  teamId: number;
  metric: Metric;
  months: (KpiValue & { month: string })[];
}

export interface MetricPool {
  metric: Metric;
  /** The teams with answers for this metric in any of the months, in the order given. */
  teamIds: number[];
  /** The metric's KPI over the teams' answers pooled, month by month. */
  months: PooledMonth[];
}

export interface UnitKpis {
  months: string[];
  /** Each team's KPI per metric it has answers for, month by month. */
  teams: TeamMetricMonths[];
  /** Per metric, the answers of all teams pooled: metrics side by side, never mixed into one number. */
  pooled: MetricPool[];
}

const METRIC_ORDER: readonly Metric[] = ['nps', 'csat', 'ces', 'rating'];

/** Answers per score, per month. */
type Months = Map<string, Map<number, number>>;

function addTo(months: Months, month: string, score: number, answers: number): void {
  let counts = months.get(month);
  if (!counts) months.set(month, (counts = new Map()));
  counts.set(score, (counts.get(score) ?? 0) + answers);
}

/**
 * A unit's customer KPIs from its teams' monthly answer counts: each team's own KPI, and per metric
 * the answers of every team pooled (one answer weighs the same whichever team it came from, so the
 * unit's n is the sum of the teams' n and its 95 % interval is that of the pooled answers; the
 * minimum of answers applies to the pool). A team only enters a metric it has answers for, and
 * NPS and CSAT are never combined. Pure: the numbers come from computeKpi alone.
 */
export function poolUnitKpis(
  counts: readonly TeamMonthCounts[],
  months: readonly string[],
  teamIds: readonly number[],
): UnitKpis {
  const wanted = new Set(months);
  const perTeam = new Map<number, Map<Metric, Months>>(teamIds.map((teamId) => [teamId, new Map()]));
  const pooled = new Map<Metric, { counts: Months; teams: Map<string, Set<number>> }>();
  for (const row of counts) {
    const team = perTeam.get(row.teamId);
    const answered = [...row.counts].filter(([, answers]) => answers > 0);
    if (!team || !wanted.has(row.month) || answered.length === 0) continue;
    let teamMonths = team.get(row.metric);
    if (!teamMonths) team.set(row.metric, (teamMonths = new Map()));
    let pool = pooled.get(row.metric);
    if (!pool) pooled.set(row.metric, (pool = { counts: new Map(), teams: new Map() }));
    for (const [score, answers] of answered) {
      addTo(teamMonths, row.month, score, answers);
      addTo(pool.counts, row.month, score, answers);
    }
    let teams = pool.teams.get(row.month);
    if (!teams) pool.teams.set(row.month, (teams = new Set()));
    teams.add(row.teamId);
  }
  const empty: ScoreCounts = new Map();
  const metrics = METRIC_ORDER.filter((metric) => pooled.has(metric));
  return {
    months: [...months],
    teams: teamIds.flatMap((teamId) =>
      metrics.flatMap((metric) => {
        const teamMonths = perTeam.get(teamId)?.get(metric);
        if (!teamMonths) return [];
        return [
          {
            teamId,
            metric,
            months: months.map((month) => ({ month, ...computeKpi(metric, teamMonths.get(month) ?? empty) })),
          },
        ];
      }),
    ),
    pooled: metrics.map((metric) => {
      const pool = pooled.get(metric);
      return {
        metric,
        teamIds: teamIds.filter((teamId) => perTeam.get(teamId)?.has(metric)),
        months: months.map((month) => ({
          month,
          teams: pool?.teams.get(month)?.size ?? 0,
          ...computeKpi(metric, pool?.counts.get(month) ?? empty),
        })),
      };
    }),
  };
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The months (YYYY-MM) from `from` to `to`, both included, oldest first; empty when `to` is earlier. */
export function monthsBetween(from: string, to: string): string[] {
  const first = monthIndex(from);
  return Array.from({ length: Math.max(0, monthIndex(to) - first + 1) }, (_, offset) => {
    const at = first + offset;
    return `${String(Math.floor(at / 12)).padStart(4, '0')}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}

/** The `count` months (YYYY-MM) up to and including `to`, oldest first. */
export function monthsUpTo(to: string, count: number): string[] {
  const last = monthIndex(to);
  const first = last - Math.max(1, count) + 1;
  const from = `${String(Math.floor(first / 12)).padStart(4, '0')}-${String((first % 12) + 1).padStart(2, '0')}`;
  return monthsBetween(from, to);
}
