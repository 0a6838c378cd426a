import { MIN_ANSWERS, type ScoreCounts } from '../kpi.ts';
import type { Metric } from '../schemas/imports.ts';
import { ALPHA, type DifferenceTest, npsDifferenceTest, twoProportionTest, welchTest } from './tests.ts';

export type TestMethod = 'nps_z' | 'two_proportion_z' | 'welch_t';
export type TestVerdict = 'improved' | 'worse' | 'within_noise' | 'too_few';

/** The test's numbers; below MIN_ANSWERS on either side only the counts, the rest null. */
export interface KpiDifference {
  method: TestMethod;
  nBefore: number;
  nAfter: number;
  alpha: number;
  difference: number | null;
  se: number | null;
  statistic: number | null;
  df: number | null;
  p: number | null;
  verdict: TestVerdict;
}

const total = (counts: ScoreCounts, test: (score: number) => boolean = () => true) => {
  let n = 0;
  for (const [score, count] of counts) if (test(score)) n += count;
  return n;
};

function meanSample(counts: ScoreCounts) {
  const n = total(counts);
  let sum = 0;
  for (const [score, count] of counts) sum += score * count;
  const mean = sum / n;
  let squares = 0;
  for (const [score, count] of counts) squares += count * (score - mean) ** 2;
  return { mean, variance: n > 1 ? squares / (n - 1) : 0, n };
}

/**
 * Tests a KPI's change between two windows of answers: NPS by the difference of two NPS with its
 * standard error (z), CSAT by a two-proportion z-test of the share answering 4–5, CES and rating by
 * Welch's t on the means. Two-sided at α = 0.05; higher is better for all four as Kadence scores
 * them (CES 7 = easiest). Below MIN_ANSWERS on either side there is nothing to test: only the counts
 * come back and the verdict says too_few.
 */
export function kpiDifference(metric: Metric, before: ScoreCounts, after: ScoreCounts): KpiDifference {
  const nBefore = total(before);
  const nAfter = total(after);
  const method: TestMethod = metric === 'nps' ? 'nps_z' : metric === 'csat' ? 'two_proportion_z' : 'welch_t';
  const base = { method, nBefore, nAfter, alpha: ALPHA };
  if (nBefore < MIN_ANSWERS || nAfter < MIN_ANSWERS)
    return { ...base, difference: null, se: null, statistic: null, df: null, p: null, verdict: 'too_few' };
  let test: DifferenceTest;
  if (metric === 'nps') {
    const sample = (counts: ScoreCounts, n: number) => ({
      promoters: total(counts, (s) => s >= 9),
      detractors: total(counts, (s) => s <= 6),
      n,
    });
    test = npsDifferenceTest(sample(before, nBefore), sample(after, nAfter));
  } else if (metric === 'csat') {
    test = twoProportionTest(
      { successes: total(before, (s) => s >= 4), n: nBefore },
      { successes: total(after, (s) => s >= 4), n: nAfter },
    );
  } else {
    test = welchTest(meanSample(before), meanSample(after));
  }
  const verdict: TestVerdict = test.p >= ALPHA ? 'within_noise' : test.difference > 0 ? 'improved' : 'worse';
  return { ...base, ...test, verdict };
}
