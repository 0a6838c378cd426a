import { describe, expect, it } from 'vitest';
import { MIN_RESPONDENTS, agreeMean, compareQuarters, quarterOf } from '../../shared/pulse.ts';

describe('pulse maths', () => {
  it('takes the mean of an agree-scale distribution to one decimal', () => {
    expect(agreeMean([0, 2, 2, 1, 0])).toBe(2.8);
    expect(agreeMean([1, 0, 0, 0, 4])).toBe(4.2);
    expect(agreeMean([0, 0, 0, 0, 0])).toBe(0);
  });

  it('names the quarter of a date and orders quarters', () => {
    expect(quarterOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2027-01-01T12:00:00Z'))).toBe('2027-Q1');
    expect(['2027-Q1', '2026-Q3', '2026-Q4'].sort(compareQuarters)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
  });

  it('never lets the threshold fall below five', () => {
    expect(MIN_RESPONDENTS).toBe(5);
  });
});
