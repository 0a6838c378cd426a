import { describe, expect, it } from 'vitest';
import { computeKpi, wilson } from '../../shared/kpi.ts';

const counts = (entries: Record<number, number>) =>
  new Map(Object.entries(entries).map(([score, count]) => [Number(score), count]));

describe('KPI maths against hand-computed values', () => {
  it('NPS: 5 promoters, 3 passives, 2 detractors of 10', () => {
    // p+ = 0.5, p- = 0.2, NPS = 0.3 → 30. SE = √((0.5 + 0.2 − 0.09)/10) = √0.061 = 0.24698.
    // 1.96 × 0.24698 = 0.48407 → interval 30 ± 48.4 = [−18.4, 78.4].
    expect(computeKpi('nps', counts({ 10: 3, 9: 2, 8: 2, 7: 1, 6: 1, 0: 1 }))).toEqual({
      metric: 'nps',
      n: 10,
      value: 30,
      ci95: [-18.4, 78.4],
      topBoxPct: null,
      enough: true,
    });
  });
  it('NPS of all promoters is 100 with no spread', () => {
    expect(computeKpi('nps', counts({ 10: 8 }))).toMatchObject({ value: 100, ci95: [100, 100] });
  });
  it('CSAT: 8 of 10 answer 4–5 → 80 % with a Wilson interval', () => {
    // Wilson for 8/10: centre = (0.8 + 1.92/10)/1.384 = 0.71678; half = 1.96·√(0.016 + 0.0096)/1.384 = 0.22657.
    const result = computeKpi('csat', counts({ 5: 5, 4: 3, 2: 1, 1: 1 }));
    expect(result).toMatchObject({ n: 10, value: 80 });
    expect(result.ci95?.[0]).toBeCloseTo(49, 0);
    expect(result.ci95?.[1]).toBeCloseTo(94.3, 0);
    const [low, high] = wilson(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
  });
  it('CES: mean 5 and 60 % answering 5–7', () => {
    // Scores 7,7,6,5,5,3,2 ... use 5 answers: 7, 6, 5, 4, 3 → mean 5, s = √(10/4) = 1.5811, half = 1.96·1.5811/√5 = 1.3859.
    expect(computeKpi('ces', counts({ 7: 1, 6: 1, 5: 1, 4: 1, 3: 1 }))).toEqual({
      metric: 'ces',
      n: 5,
      value: 5,
      ci95: [3.6, 6.4],
      topBoxPct: 60,
      enough: true,
    });
  });
  it('rating: mean stars and % giving 4–5', () => {
    // 5,5,4,2,1 → mean 3.4; s² = (2.56+2.56+0.36+1.96+5.76)/4 = 3.3 → s = 1.8166; half = 1.96·1.8166/√5 = 1.5924.
    expect(computeKpi('rating', counts({ 5: 2, 4: 1, 2: 1, 1: 1 }))).toEqual({
      metric: 'rating',
      n: 5,
      value: 3.4,
      ci95: [1.8, 5],
      topBoxPct: 60,
      enough: true,
    });
  });
  it('rounds only at the end, to the decimals asked for: CES of 1, 2, 2, 6, 6, 6 is 3.83 to two, 3.8 to one', () => {
    // Mean 23/6 = 3.8333; s² = (8.0278 + 2·3.3611 + 3·4.6944)/5 = 5.7667, s = 2.4014; 1.96·s/√6 = 1.9215.
    const ces = counts({ 1: 1, 2: 2, 6: 3 });
    expect(computeKpi('ces', ces, 2)).toMatchObject({ value: 3.83, ci95: [1.91, 5.75], topBoxPct: 50 });
    expect(computeKpi('ces', ces)).toMatchObject({ value: 3.8, ci95: [1.9, 5.8] });
  });
  it('says "not enough data" below five answers, with the count', () => {
    expect(computeKpi('nps', counts({ 10: 4 }))).toEqual({
      metric: 'nps',
      n: 4,
      value: null,
      ci95: null,
      topBoxPct: null,
      enough: false,
    });
    expect(computeKpi('csat', new Map())).toMatchObject({ n: 0, enough: false });
  });
});
