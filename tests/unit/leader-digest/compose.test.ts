import { describe, expect, it } from 'vitest';
import { poolUnitKpis, type TeamMonthCounts } from '../../../shared/kpi-pool.ts';
import { composeDigest, type DigestTeamSource } from '../../../server/leader-digest/compose.ts';
import { endOfMonth, isFirstWorkingDay, previousMonth, unitLocale } from '../../../server/leader-digest/calendar.ts';

const counts = (teamId: number, metric: TeamMonthCounts['metric'], month: string, scores: [number, number][]) => ({
  teamId,
  metric,
  month,
  counts: new Map(scores),
});

// Kundeservice (Copenhagen) keeps the rhythm; Levering (London) missed its two November reviews.
const kundeservice: DigestTeamSource = {
  teamId: 1,
  team: { slug: 'kundeservice', name: 'Kundeservice', timezone: 'Europe/Copenhagen' },
  meetings: [
    { startsAt: '2026-10-27T09:00:00.000Z', held: true, actions: 5 }, // October: not this digest's
    { startsAt: '2026-11-10T09:00:00.000Z', held: true, actions: 3 },
    { startsAt: '2026-11-24T09:00:00.000Z', held: false, actions: 0 },
    { startsAt: '2026-11-30T23:30:00.000Z', held: true, actions: 2 }, // 1 Dec 00:30 in Copenhagen
  ],
  actions: [
    { status: 'done', doneAt: '2026-11-15T12:00:00.000Z' },
    { status: 'done', doneAt: '2026-10-31T23:30:00.000Z' }, // 1 Nov 00:30 in Copenhagen: November
    { status: 'done', doneAt: '2026-12-01T08:00:00.000Z' },
    { status: 'open', doneAt: null },
    { status: 'dropped', doneAt: null },
  ],
  lost: null,
  lastHeldAt: '2026-11-10T09:00:00.000Z',
};
const levering: DigestTeamSource = {
  teamId: 2,
  team: { slug: 'levering', name: 'Levering', timezone: 'Europe/London' },
  meetings: [
    { startsAt: '2026-09-15T09:00:00.000Z', held: true, actions: 1 },
    { startsAt: '2026-11-05T09:00:00.000Z', held: false, actions: 0 },
    { startsAt: '2026-11-19T09:00:00.000Z', held: false, actions: 0 },
  ],
  actions: [{ status: 'done', doneAt: '2026-11-30T23:30:00.000Z' }], // still 30 Nov in London
  lost: 'missed_two',
  lastHeldAt: '2026-09-15T09:00:00.000Z',
};

const kpis = poolUnitKpis(
  [
    // NPS: November 6 promoters, 2 passives, 2 detractors of 10 (+40); October 3, 3, 4 (−10).
    counts(1, 'nps', '2026-11', [
      [10, 6],
      [8, 2],
    ]),
    counts(2, 'nps', '2026-11', [[3, 2]]),
    counts(1, 'nps', '2026-10', [
      [10, 3],
      [8, 3],
      [3, 4],
    ]),
    // CSAT: 90 of 100 satisfied in November, 50 of 100 in October.
    counts(2, 'csat', '2026-11', [
      [5, 90],
      [2, 10],
    ]),
    counts(2, 'csat', '2026-10', [
      [5, 50],
      [2, 50],
    ]),
    // Rating: enough answers in November only.
    counts(1, 'rating', '2026-11', [[4, 5]]),
    counts(1, 'rating', '2026-10', [[4, 2]]),
  ],
  ['2026-10', '2026-11'],
  [1, 2],
);

const digest = composeDigest({
  unit: { id: 7, name: 'Kunderejsen' },
  lead: { id: 3, name: 'Dorte' },
  month: '2026-11',
  timezone: 'Europe/Copenhagen',
  language: 'da',
  teams: [kundeservice, levering],
  kpis,
});

describe('composing a leader digest', () => {
  it('counts per team what was held, decided and completed in the month, in the team’s own zone', () => {
    expect(digest.teams).toEqual([
      // Lost the rhythm: first.
      {
        team: { slug: 'levering', name: 'Levering' },
        planned: 2,
        held: 0,
        decided: 0,
        completed: 1,
        lost: 'missed_two',
        lastHeldAt: '2026-09-15T09:00:00.000Z',
      },
      {
        team: { slug: 'kundeservice', name: 'Kundeservice' },
        planned: 2,
        held: 1,
        decided: 3,
        completed: 2,
        lost: null,
        lastHeldAt: '2026-11-10T09:00:00.000Z',
      },
    ]);
    expect(digest.totals).toEqual({ teams: 2, planned: 4, held: 1, decided: 3, completed: 3, lost: 1 });
  });

  it('gives each metric’s pooled KPI beside the month before, with the change and its interval', () => {
    const nps = digest.kpis.find((kpi) => kpi.metric === 'nps');
    // November: p+ .6, p− .2, NPS 40, SE √((.6 + .2 − .16)/10) = .253, ± 49.6.
    // October: p+ .3, p− .4, NPS −10, SE √((.3 + .4 − .01)/10) = .263, ± 51.5.
    // Change +50 ± √(49.6² + 51.5²) = ± 71.5: within the noise of 10 answers a month.
    expect(nps).toEqual({
      metric: 'nps',
      teams: 2,
      current: { month: '2026-11', n: 10, value: 40, ci95: [-9.6, 89.6] },
      previous: { month: '2026-10', n: 10, value: -10, ci95: [-61.5, 41.5] },
      change: 50,
      changeCi95: [-21.5, 121.5],
      clear: false,
    });
    const csat = digest.kpis.find((kpi) => kpi.metric === 'csat');
    // Wilson: 90 of 100 → [82.6, 94.5] (± 5.95), 50 of 100 → [40.4, 59.6] (± 9.6); ± √(5.95² + 9.6²) = 11.3.
    expect(csat).toMatchObject({
      teams: 1,
      current: { n: 100, value: 90, ci95: [82.6, 94.5] },
      previous: { n: 100, value: 50, ci95: [40.4, 59.6] },
      change: 40,
      changeCi95: [28.7, 51.3],
      clear: true,
    });
    // Two answers in October are below the minimum: no change to speak of.
    expect(digest.kpis.find((kpi) => kpi.metric === 'rating')).toMatchObject({
      current: { n: 5, value: 4 },
      previous: { n: 2, value: null, ci95: null },
      change: null,
      changeCi95: null,
      clear: false,
    });
    // Metrics side by side in the pool's order, never one number.
    expect(digest.kpis.map((kpi) => kpi.metric)).toEqual(['nps', 'csat', 'rating']);
  });

  it('says who it is for and which month, and an empty unit gives zeros, not errors', () => {
    expect(digest).toMatchObject({
      unit: { id: 7, name: 'Kunderejsen' },
      lead: { id: 3, name: 'Dorte' },
      month: '2026-11',
      language: 'da',
    });
    const empty = composeDigest({
      unit: { id: 1, name: 'Tom' },
      lead: { id: 1, name: 'A' },
      month: '2026-01',
      timezone: 'Europe/Copenhagen',
      language: 'en',
      teams: [],
      kpis: poolUnitKpis([], ['2025-12', '2026-01'], []),
    });
    expect(empty.totals).toEqual({ teams: 0, planned: 0, held: 0, decided: 0, completed: 0, lost: 0 });
    expect(empty.kpis).toEqual([]);
  });
});

describe('the digest’s calendar', () => {
  it('knows the first working day: the 1st on a weekday, else the Monday after', () => {
    expect(isFirstWorkingDay('2026-12-01')).toBe(true); // Tuesday
    expect(isFirstWorkingDay('2026-12-02')).toBe(false);
    expect(isFirstWorkingDay('2026-11-01')).toBe(false); // Sunday
    expect(isFirstWorkingDay('2026-11-02')).toBe(true); // Monday
    expect(isFirstWorkingDay('2026-08-01')).toBe(false); // Saturday
    expect(isFirstWorkingDay('2026-08-02')).toBe(false); // Sunday
    expect(isFirstWorkingDay('2026-08-03')).toBe(true); // Monday
    expect(isFirstWorkingDay('2026-06-08')).toBe(false); // a Monday, but not the first
  });

  it('steps back a month across the year and ends a month at the next one’s local midnight', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(endOfMonth('2026-11', 'Europe/Copenhagen').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(endOfMonth('2026-12', 'Europe/Copenhagen').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(endOfMonth('2026-06', 'Europe/Copenhagen').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('writes a unit’s digest in the language and zone most of its teams use, Danish in Copenhagen without teams', () => {
    expect(unitLocale([])).toEqual({ timezone: 'Europe/Copenhagen', language: 'da' });
    expect(
      unitLocale([
        { name: 'B', timezone: 'Europe/London', language: 'en' },
        { name: 'C', timezone: 'Europe/London', language: 'da' },
        { name: 'A', timezone: 'Europe/Copenhagen', language: 'en' },
      ]),
    ).toEqual({ timezone: 'Europe/London', language: 'en' });
    // A tie goes to the first team by name.
    expect(
      unitLocale([
        { name: 'Beta', timezone: 'Europe/London', language: 'en' },
        { name: 'Alfa', timezone: 'Europe/Oslo', language: 'da' },
      ]),
    ).toEqual({ timezone: 'Europe/Oslo', language: 'da' });
  });
});
