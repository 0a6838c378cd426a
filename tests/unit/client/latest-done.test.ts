import { describe, expect, it } from 'vitest';
import { CHECKIN_EFFECTS, latestDone } from '../../../client/lib/latest-done.ts';

const action = (
  id: number,
  doneAt: string | null,
  extra: Partial<{ status: string; effectMetric: string | null; themeId: number | null }> = {},
) => ({
  id,
  status: 'done',
  doneAt,
  effectMetric: 'nps',
  themeId: null,
  ...extra,
});

describe('the effects check-in shows', () => {
  it('are the most recently completed done actions first, capped', () => {
    // As the follow-up list gives them: oldest first.
    const actions = [
      action(1, '2026-01-10T09:00:00Z'),
      action(2, '2026-03-02T09:00:00Z'),
      action(3, '2026-05-20T09:00:00Z'),
      action(4, '2026-07-01T09:00:00Z'),
      action(5, '2026-11-28T09:00:00Z'),
    ];
    expect(latestDone(actions).map((a) => a.id)).toEqual([5, 4, 3]);
    expect(CHECKIN_EFFECTS).toBe(3);
    expect(latestDone(actions, 2).map((a) => a.id)).toEqual([5, 4]);
  });

  it('leave out actions not done or with nothing to measure, and put an unknown completion time last', () => {
    const actions = [
      action(1, null),
      action(2, '2026-02-01T09:00:00Z', { status: 'open' }),
      action(3, '2026-03-01T09:00:00Z', { effectMetric: null, themeId: null }),
      action(4, '2026-04-01T09:00:00Z', { effectMetric: null, themeId: 7 }),
      action(5, '2026-01-01T09:00:00Z'),
    ];
    expect(latestDone(actions).map((a) => a.id)).toEqual([4, 5, 1]);
  });
});
