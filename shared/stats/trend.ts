import { poissonTest } from './poisson.ts';
import { ALPHA } from './tests.ts';

export type TrendFlag = 'new' | 'rising' | 'falling';
/** How many months before a month make its "usual" level. */
export const TREND_BASE_MONTHS = 3;

/**
 * A theme's flag for one month from its mentions that month and in the three months before:
 * new — mentioned now, not once in the three months before;
 * rising — at least double the three-month mean, and a one-sided Poisson test with that mean as the
 *   expected rate puts the count above chance (p < 0.05);
 * falling — at most half the mean, and the same test the other way (p < 0.05);
 * otherwise none. Doubling alone is not enough: 2 mentions after a mean of 1 happens by chance.
 */
export function trendFlag(
  count: number,
  previous: readonly number[],
): { flag: TrendFlag | null; usual: number; p: number | null } {
  const usual = previous.reduce((sum, n) => sum + n, 0) / TREND_BASE_MONTHS;
  if (usual === 0) return { flag: count > 0 ? 'new' : null, usual, p: null };
  const { above, below } = poissonTest(count, usual);
  if (count >= 2 * usual) return { flag: above < ALPHA ? 'rising' : null, usual, p: above };
  if (count <= usual / 2) return { flag: below < ALPHA ? 'falling' : null, usual, p: below };
  return { flag: null, usual, p: null };
}
