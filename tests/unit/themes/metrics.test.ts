import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, purity } from '../../../server/themes/metrics.ts';

describe('adjusted Rand index and purity', () => {
  it('match hand-computed values', () => {
    // Contingency [[2,1,0],[0,1,2]]: Σ C(nij,2) = 2, rows Σ C = 6, columns Σ C = 3, C(6,2) = 15.
    // Expected 6·3/15 = 1.2, maximum (6+3)/2 = 4.5, ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3.
    const predicted = ['a', 'a', 'a', 'b', 'b', 'b'];
    const gold = ['x', 'x', 'y', 'y', 'z', 'z'];
    expect(adjustedRandIndex(predicted, gold)).toBeCloseTo(0.8 / 3.3, 10);
    expect(purity(predicted, gold)).toBeCloseTo(4 / 6, 10);
  });

  it('is 1 for the same partition under other names, 0 for one cluster, negative below chance', () => {
    expect(adjustedRandIndex(['1', '1', '2', '2', '3'], ['p', 'p', 'q', 'q', 'r'])).toBe(1);
    expect(adjustedRandIndex(['all', 'all', 'all', 'all'], ['p', 'p', 'q', 'q'])).toBe(0);
    expect(purity(['all', 'all', 'all', 'all'], ['p', 'p', 'p', 'q'])).toBe(0.75);
    // Pairs split exactly against the gold: Σ C(nij,2) = 0, expected 2·2/6, ARI = −(2/3)/(2 − 2/3) = −0.5.
    expect(adjustedRandIndex(['a', 'b', 'a', 'b'], ['p', 'p', 'q', 'q'])).toBeCloseTo(-0.5, 10);
    expect(purity(['s1', 's2', 's3'], ['p', 'q', 'q'])).toBe(1);
  });

  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow();
  });
});
