import { describe, expect, it } from 'vitest';
import { kpiDifference } from '../../../shared/stats/kpi-difference.ts';
import { npsDifferenceTest, twoProportionTest, welchTest } from '../../../shared/stats/tests.ts';

const counts = (entries: Record<number, number>) =>
  new Map(Object.entries(entries).map(([score, count]) => [Number(score), count]));

describe('the before/after tests against hand-computed values', () => {
  it('NPS difference with its standard error and z', () => {
    // Before: 10 answers, 2 promoters, 3 detractors → p₊ = 0.2, p₋ = 0.3, NPS = −0.1;
    //   σ² = 0.2 + 0.3 − (−0.1)² = 0.49.
    // After: 20 answers, 12 promoters, 2 detractors → p₊ = 0.6, p₋ = 0.1, NPS = 0.5; σ² = 0.7 − 0.25 = 0.45.
    // SE = √(0.49/10 + 0.45/20) = √0.0715 = 0.267395 → 26.74 points; difference 60 points;
    // z = 0.6/0.267395 = 2.2439; p = 2·(1 − Φ(2.2439)) = 0.0248.
    const test = npsDifferenceTest({ promoters: 2, detractors: 3, n: 10 }, { promoters: 12, detractors: 2, n: 20 });
    expect(test.difference).toBeCloseTo(60, 10);
    expect(test.se).toBeCloseTo(26.7395, 3);
    expect(test.statistic).toBeCloseTo(2.2439, 3);
    expect(test.df).toBeNull();
    expect(test.p).toBeCloseTo(0.0248, 3);
  });
  it('two-proportion z-test of CSAT top-two-box', () => {
    // 30 of 50 → 60 %, then 40 of 50 → 80 %. Pooled p̂ = 70/100 = 0.7;
    // SE = √(0.7 · 0.3 · (1/50 + 1/50)) = √0.0084 = 0.091652 → 9.165 points;
    // z = 0.2/0.091652 = 2.1822; p = 2·(1 − Φ(2.1822)) = 0.0291.
    const test = twoProportionTest({ successes: 30, n: 50 }, { successes: 40, n: 50 });
    expect(test.difference).toBeCloseTo(20, 10);
    expect(test.se).toBeCloseTo(9.1652, 3);
    expect(test.statistic).toBeCloseTo(2.1822, 3);
    expect(test.p).toBeCloseTo(0.0291, 3);
  });
  it("Welch's t where the Welch–Satterthwaite df comes out at 10: the table's t = 2.0 → p = 0.0734", () => {
    // n = 6 each, s² = 3 each → vᵢ = 3/6 = 0.5, SE = √(0.5 + 0.5) = 1; means 3 and 5 → t = 2/1 = 2.
    // df = (0.5 + 0.5)² / (0.5²/5 + 0.5²/5) = 1/0.1 = 10. Table: t = 2.0, 10 df → p = 0.0734.
    const test = welchTest({ mean: 3, variance: 3, n: 6 }, { mean: 5, variance: 3, n: 6 });
    expect(test.statistic).toBeCloseTo(2, 12);
    expect(test.df).toBeCloseTo(10, 12);
    expect(test.p).toBeCloseTo(0.0734, 4);
  });
  it("Welch's t with unequal variances and a fractional df", () => {
    // v₁ = 1/10 = 0.1, v₂ = 4/10 = 0.4; SE = √0.5 = 0.70711; t = 1/0.70711 = 1.41421;
    // df = 0.5² / (0.1²/9 + 0.4²/9) = 0.25/(0.17/9) = 13.2353; p = 0.1804 (t density integrated numerically).
    const test = welchTest({ mean: 4, variance: 1, n: 10 }, { mean: 5, variance: 4, n: 10 });
    expect(test.se).toBeCloseTo(0.70711, 4);
    expect(test.df).toBeCloseTo(13.2353, 3);
    expect(test.p).toBeCloseTo(0.1804, 3);
  });
  it('no spread on either side: equal means are p = 1, different ones p = 0 with no finite statistic', () => {
    expect(welchTest({ mean: 4, variance: 0, n: 6 }, { mean: 4, variance: 0, n: 6 })).toMatchObject({
      p: 1,
      statistic: 0,
    });
    expect(welchTest({ mean: 4, variance: 0, n: 6 }, { mean: 5, variance: 0, n: 6 })).toMatchObject({
      p: 0,
      statistic: null,
      df: null,
    });
  });
});

describe('kpiDifference picks the test per KPI and says what it means', () => {
  it('NPS from score counts: the hand case above is a likely improvement', () => {
    // Same samples as the NPS case: before 2 promoters (9, 10), 5 passives, 3 detractors; after 12 / 6 / 2.
    const result = kpiDifference('nps', counts({ 10: 1, 9: 1, 8: 3, 7: 2, 3: 3 }), counts({ 10: 6, 9: 6, 7: 6, 0: 2 }));
    expect(result).toMatchObject({ method: 'nps_z', nBefore: 10, nAfter: 20, alpha: 0.05, verdict: 'improved' });
    expect(result.p).toBeCloseTo(0.0248, 3);
  });
  it('the same samples the other way round are a likely decline', () => {
    const result = kpiDifference('nps', counts({ 10: 6, 9: 6, 7: 6, 0: 2 }), counts({ 10: 1, 9: 1, 8: 3, 7: 2, 3: 3 }));
    expect(result.verdict).toBe('worse');
    expect(result.difference).toBeCloseTo(-60, 10);
  });
  it('CSAT uses the two-proportion test', () => {
    // 30/50 satisfied (4–5) then 40/50, as above: p = 0.0291 → improved.
    const result = kpiDifference('csat', counts({ 5: 10, 4: 20, 3: 10, 1: 10 }), counts({ 5: 25, 4: 15, 2: 10 }));
    expect(result).toMatchObject({ method: 'two_proportion_z', verdict: 'improved' });
    expect(result.p).toBeCloseTo(0.0291, 3);
  });
  it('rating means by Welch: a rise of 1⅓ stars on six answers each is within the noise', () => {
    // Before 1,1,3,3,5,5: mean 3, s² = 16/5 = 3.2. After 3,3,5,5,5,5: mean 4.3333, s² = 5.3333/5 = 1.06667.
    // v₁ = 0.53333, v₂ = 0.17778; SE = √0.71111 = 0.84327; t = 1.33333/0.84327 = 1.58114;
    // df = 0.71111² / (0.53333²/5 + 0.17778²/5) = 0.50568/0.063210 = 8.000; p = 0.1525.
    const result = kpiDifference('rating', counts({ 1: 2, 3: 2, 5: 2 }), counts({ 3: 2, 5: 4 }));
    expect(result).toMatchObject({ method: 'welch_t', verdict: 'within_noise' });
    expect(result.statistic).toBeCloseTo(1.58114, 4);
    expect(result.df).toBeCloseTo(8, 6);
    expect(result.p).toBeCloseTo(0.1525, 3);
  });
  it('CES uses Welch too', () => {
    expect(kpiDifference('ces', counts({ 2: 5, 3: 5 }), counts({ 6: 5, 7: 5 }))).toMatchObject({
      method: 'welch_t',
      verdict: 'improved',
    });
  });
  it('below 5 answers on either side there is not enough data, and no numbers but the counts', () => {
    expect(kpiDifference('nps', counts({ 10: 4 }), counts({ 0: 30 }))).toEqual({
      method: 'nps_z',
      nBefore: 4,
      nAfter: 30,
      alpha: 0.05,
      difference: null,
      se: null,
      statistic: null,
      df: null,
      p: null,
      verdict: 'too_few',
    });
    expect(kpiDifference('ces', counts({ 4: 5 }), counts({ 4: 4 })).verdict).toBe('too_few');
    // Exactly 5 is enough.
    expect(kpiDifference('ces', counts({ 4: 5 }), counts({ 4: 5 })).verdict).toBe('within_noise');
  });
});
