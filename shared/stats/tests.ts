import { normalTwoSidedP, studentTwoSidedP } from './distributions.ts';

/** The significance level of every test Kadence shows: 0.05, two-sided for before/after, one-sided for trends. */
export const ALPHA = 0.05;

export interface DifferenceTest {
  /** after − before, in the KPI's own unit (NPS and CSAT in points, CES and rating on their scale). */
  difference: number;
  /** Standard error of the difference; 0 when neither side varies. */
  se: number;
  /** z or t; null when the standard error is 0 and the means differ (the statistic is infinite). */
  statistic: number | null;
  /** Welch–Satterthwaite degrees of freedom; null for the z tests. */
  df: number | null;
  /** Two-sided p-value. */
  p: number;
}

function fromStatistic(difference: number, se: number, df: number | null): DifferenceTest {
  if (se === 0) return { difference, se, statistic: difference === 0 ? 0 : null, df, p: difference === 0 ? 1 : 0 };
  const statistic = difference / se;
  return {
    difference,
    se,
    statistic,
    df,
    p: df === null ? normalTwoSidedP(statistic) : studentTwoSidedP(statistic, df),
  };
}

export interface NpsSample {
  promoters: number;
  detractors: number;
  n: number;
}

/**
 * NPS after − before in points. Each answer scores +1 (promoter), 0 or −1 (detractor), so its variance
 * is σ² = p₊ + p₋ − (p₊ − p₋)²; the NPS of n answers has variance σ²/n and the difference of two
 * independent samples SE = √(σ₁²/n₁ + σ₂²/n₂); z = difference / SE against the normal distribution.
 */
export function npsDifferenceTest(before: NpsSample, after: NpsSample): DifferenceTest {
  const spread = ({ promoters, detractors, n }: NpsSample) => {
    const p = promoters / n;
    const d = detractors / n;
    return { nps: p - d, variance: Math.max(0, p + d - (p - d) ** 2) };
  };
  const b = spread(before);
  const a = spread(after);
  const se = Math.sqrt(b.variance / before.n + a.variance / after.n);
  return scaled(fromStatistic(a.nps - b.nps, se, null), 100);
}

/**
 * Two-proportion z-test (CSAT's share answering 4–5): the pooled share p̂ = (x₁ + x₂)/(n₁ + n₂) under
 * "no change" gives SE = √(p̂(1 − p̂)(1/n₁ + 1/n₂)); difference and SE in percentage points.
 */
export function twoProportionTest(
  before: { successes: number; n: number },
  after: { successes: number; n: number },
): DifferenceTest {
  const pooled = (before.successes + after.successes) / (before.n + after.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / before.n + 1 / after.n));
  return scaled(fromStatistic(after.successes / after.n - before.successes / before.n, se, null), 100);
}

export interface MeanSample {
  mean: number;
  /** Sample variance (n − 1 in the denominator). */
  variance: number;
  n: number;
}

/**
 * Welch's t-test for two means with unequal variances: t = (x̄₂ − x̄₁)/√(s₁²/n₁ + s₂²/n₂) and the
 * Welch–Satterthwaite df = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1)) with vᵢ = sᵢ²/nᵢ.
 */
export function welchTest(before: MeanSample, after: MeanSample): DifferenceTest {
  const vb = before.variance / before.n;
  const va = after.variance / after.n;
  const se = Math.sqrt(vb + va);
  const df = se === 0 ? null : (vb + va) ** 2 / (vb ** 2 / (before.n - 1) + va ** 2 / (after.n - 1));
  return fromStatistic(after.mean - before.mean, se, df);
}

function scaled(test: DifferenceTest, factor: number): DifferenceTest {
  return { ...test, difference: test.difference * factor, se: test.se * factor };
}
