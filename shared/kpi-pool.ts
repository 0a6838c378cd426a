import { type KpiValue, type ScoreCounts, computeKpi } from './kpi.ts';
import type { Metric } from './schemas/imports.ts';

/** Answers with one score in one team's month for one metric (over all its sources). */
export interface TeamScoreCount {
  teamId: number;
  metric: Metric;
  /** YYYY-MM, the team's own calendar month. */
  month: string;
  score: number;
  answers: number;
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

function add(counts: Map<number, number>, score: number, answers: number): void {
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
  counts: readonly TeamScoreCount[],
  months: readonly string[],
  teamIds: readonly number[],
): UnitKpis {
  const wanted = new Set(months);
  const members = new Set(teamIds);
  const perTeam = new Map<string, Map<string, Map<number, number>>>();
  const perMetric = new Map<Metric, Map<string, { counts: Map<number, number>; teams: Set<number> }>>();
  const teamsOf = new Map<Metric, Set<number>>();
  for (const row of counts) {
    if (!wanted.has(row.month) || !members.has(row.teamId) || row.answers <= 0) continue;
    const teamKey = `${row.teamId}\u0000${row.metric}`;
    let teamMonths = perTeam.get(teamKey);
    if (!teamMonths) perTeam.set(teamKey, (teamMonths = new Map()));
    let teamCounts = teamMonths.get(row.month);
    if (!teamCounts) teamMonths.set(row.month, (teamCounts = new Map()));
    add(teamCounts, row.score, row.answers);

    let metricMonths = perMetric.get(row.metric);
    if (!metricMonths) perMetric.set(row.metric, (metricMonths = new Map()));
    let pool = metricMonths.get(row.month);
    if (!pool) metricMonths.set(row.month, (pool = { counts: new Map(), teams: new Set() }));
    add(pool.counts, row.score, row.answers);
    pool.teams.add(row.teamId);
    let teams = teamsOf.get(row.metric);
    if (!teams) teamsOf.set(row.metric, (teams = new Set()));
    teams.add(row.teamId);
  }
  const empty: ScoreCounts = new Map();
  const metrics = METRIC_ORDER.filter((metric) => perMetric.has(metric));
  return {
    months: [...months],
    teams: teamIds.flatMap((teamId) =>
      metrics
        .filter((metric) => perTeam.has(`${teamId}\u0000${metric}`))
        .map((metric) => ({
          teamId,
          metric,
          months: months.map((month) => ({
            month,
            ...computeKpi(metric, perTeam.get(`${teamId}\u0000${metric}`)?.get(month) ?? empty),
          })),
        })),
    ),
    pooled: metrics.map((metric) => ({
      metric,
      teamIds: teamIds.filter((teamId) => teamsOf.get(metric)?.has(teamId)),
      months: months.map((month) => {
        const pool = perMetric.get(metric)?.get(month);
        return { month, teams: pool?.teams.size ?? 0, ...computeKpi(metric, pool?.counts ?? empty) };
      }),
    })),
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
