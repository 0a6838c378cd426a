import type { Metric } from './schemas/imports.ts';

/** Below this many answers a KPI is not shown: the interval would be wider than the scale. */
export const MIN_ANSWERS = 5;
const Z = 1.959964;

export interface KpiValue {
  metric: Metric;
  n: number;
  /** NPS −100…100; CSAT % satisfied; CES mean 1–7; rating mean stars 1–5. Null below MIN_ANSWERS. */
  value: number | null;
  ci95: [number, number] | null;
  /** CES: % answering 5–7; rating: % giving 4–5 stars. */
  topBoxPct: number | null;
  enough: boolean;
}

/** Answers per score, e.g. { 9: 12, 10: 30, 3: 4 }. */
export type ScoreCounts = ReadonlyMap<number, number>;

/** Decimals the API and the UI use; the command line's `kpi --json` asks for KPI_JSON_DECIMALS. */
export const KPI_DECIMALS = 1;
export const KPI_JSON_DECIMALS = 2;
const rounder = (decimals: number) => {
  const factor = 10 ** decimals;
  return (value: number) => Math.round(value * factor) / factor;
};
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Wilson score interval for a proportion: honest near 0 % and 100 % where the normal one is not. */
export function wilson(successes: number, n: number): [number, number] {
  const p = successes / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function sum(counts: ScoreCounts, test: (score: number) => boolean): number {
  let total = 0;
  for (const [score, count] of counts) if (test(score)) total += count;
  return total;
}

/** Mean with a normal-approximation interval from the sample standard deviation. */
function mean(
  counts: ScoreCounts,
  n: number,
  low: number,
  high: number,
  round: (value: number) => number,
): { value: number; ci95: [number, number] } {
  const average =
    sum(counts, () => true) === 0 ? 0 : [...counts].reduce((total, [score, count]) => total + score * count, 0) / n;
  const variance =
    n > 1 ? [...counts].reduce((total, [score, count]) => total + count * (score - average) ** 2, 0) / (n - 1) : 0;
  const half = Z * Math.sqrt(variance / n);
  return {
    value: round(average),
    ci95: [round(clamp(average - half, low, high)), round(clamp(average + half, low, high))],
  };
}

/**
 * The four customer KPIs, each with n and a 95 % interval:
 * NPS = %(9–10) − %(0–6); answers count +1/0/−1, SE = √((p₊ + p₋ − NPS²)/n), NPS ± 1.96·SE.
 * CSAT = % answering 4–5 on 1–5, with a Wilson interval.
 * CES = mean on 1–7 (± 1.96·s/√n) and % answering 5–7.
 * Rating = mean stars (± 1.96·s/√n) and % giving 4–5 stars.
 * Values, intervals and percentages are rounded to `decimals` places, only at the end.
 */
export function computeKpi(metric: Metric, counts: ScoreCounts, decimals = KPI_DECIMALS): KpiValue {
  const round = rounder(decimals);
  const n = sum(counts, () => true);
  if (n < MIN_ANSWERS) return { metric, n, value: null, ci95: null, topBoxPct: null, enough: false };
  if (metric === 'nps') {
    const promoters = sum(counts, (score) => score >= 9) / n;
    const detractors = sum(counts, (score) => score <= 6) / n;
    const nps = promoters - detractors;
    const se = Math.sqrt(Math.max(0, promoters + detractors - nps * nps) / n);
    return {
      metric,
      n,
      value: round(nps * 100),
      ci95: [round(clamp((nps - Z * se) * 100, -100, 100)), round(clamp((nps + Z * se) * 100, -100, 100))],
      topBoxPct: null,
      enough: true,
    };
  }
  if (metric === 'csat') {
    const satisfied = sum(counts, (score) => score >= 4);
    const [low, high] = wilson(satisfied, n);
    return {
      metric,
      n,
      value: round((satisfied / n) * 100),
      ci95: [round(low * 100), round(high * 100)],
      topBoxPct: null,
      enough: true,
    };
  }
  const [low, high, top] = metric === 'ces' ? [1, 7, 5] : [1, 5, 4];
  const { value, ci95 } = mean(counts, n, low, high, round);
  return { metric, n, value, ci95, topBoxPct: round((sum(counts, (score) => score >= top) / n) * 100), enough: true };
}

/** Score bands the inbox filters on: NPS promoter/passive/detractor, and the same idea for the others. */
export type ScoreBand = 'promoter' | 'passive' | 'detractor';
export function scoreBandRange(metric: Metric, band: ScoreBand): [number, number] {
  const bands: Record<Metric, Record<ScoreBand, [number, number]>> = {
    nps: { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] },
    csat: { promoter: [4, 5], passive: [3, 3], detractor: [1, 2] },
    ces: { promoter: [5, 7], passive: [4, 4], detractor: [1, 3] },
    rating: { promoter: [4, 5], passive: [3, 3], detractor: [1, 2] },
  };
  return bands[metric][band];
}
