import { describe, expect, it } from 'vitest';
import { poissonTest } from '../../../shared/stats/poisson.ts';
import { trendFlag } from '../../../shared/stats/trend.ts';

describe('one-sided Poisson tests', () => {
  it('above and below against hand sums', () => {
    // λ = 2: P(X ≥ 6) = 1 − 0.98344 = 0.016564; P(X ≥ 5) = 1 − P(X ≤ 4) = 1 − 0.947347 = 0.052653.
    expect(poissonTest(6, 2).above).toBeCloseTo(0.016564, 5);
    expect(poissonTest(5, 2).above).toBeCloseTo(0.052653, 5);
    // P(X ≥ 0) is certain; P(X ≤ 0 | 3) = e⁻³.
    expect(poissonTest(0, 3)).toMatchObject({ above: 1 });
    expect(poissonTest(0, 3).below).toBeCloseTo(Math.exp(-3), 10);
  });
});

describe('trend flags per theme and month', () => {
  // [count this month, the three months before, flag, why]
  const table: [number, number[], 'new' | 'rising' | 'falling' | null, string][] = [
    [3, [0, 0, 0], 'new', 'mentioned now, not in the three months before'],
    [0, [0, 0, 0], null, 'never mentioned'],
    [1, [0, 0, 0], 'new', 'one mention is new too'],
    // mean 2: 6 ≥ 4 and P(X ≥ 6 | 2) = 0.0166 < 0.05
    [6, [2, 2, 2], 'rising', 'three times the usual, significant'],
    // mean 2: 5 ≥ 4 but P(X ≥ 5 | 2) = 0.0527 ≥ 0.05 — the Poisson edge
    [5, [1, 2, 3], null, 'two and a half times the usual, not significant'],
    // mean 1: 2 is double but P(X ≥ 2 | 1) = 0.264
    [2, [1, 1, 1], null, 'double a small count happens by chance'],
    // mean 7: 14 is exactly double; P(X ≥ 14 | 7) = 0.0128
    [14, [6, 7, 8], 'rising', 'exactly double, significant'],
    // mean 7: 13 is not double, however unlikely
    [13, [7, 7, 7], null, 'just under double'],
    // mean 3: 0 ≤ 1.5 and P(X ≤ 0 | 3) = e⁻³ = 0.0498 < 0.05 — the other edge
    [0, [3, 3, 3], 'falling', 'gone after three a month'],
    // mean 8/3 = 2.667: P(X ≤ 0) = e^−2.667 = 0.0695 ≥ 0.05
    [0, [3, 3, 2], null, 'gone after a little less'],
    // mean 8: 2 ≤ 4 and P(X ≤ 2 | 8) = 41·e⁻⁸ = 0.0138
    [2, [8, 8, 8], 'falling', 'a quarter of the usual'],
    // mean 6: 2 ≤ 3 but P(X ≤ 2 | 6) = 25·e⁻⁶ = 0.0620
    [2, [6, 6, 6], null, 'a third of a smaller usual, not significant'],
    [7, [6, 7, 8], null, 'as usual'],
  ];
  it.each(table)('%i after %j → %s (%s)', (count, previous, flag) => {
    expect(trendFlag(count, previous).flag).toBe(flag);
  });
  it('reports the usual level and the p-value behind a flag', () => {
    const result = trendFlag(14, [6, 7, 8]);
    expect(result.usual).toBe(7);
    expect(result.p).toBeCloseTo(0.012811, 5);
  });
});
