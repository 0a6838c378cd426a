import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionStatus, checkTransition, dueState } from '../../../shared/actions.ts';

const allowed: [ActionStatus, ActionStatus][] = [
  ['open', 'in_progress'],
  ['open', 'done'],
  ['open', 'dropped'],
  ['in_progress', 'open'],
  ['in_progress', 'done'],
  ['in_progress', 'dropped'],
  ['done', 'open'],
  ['dropped', 'open'],
];

describe('action status machine', () => {
  for (const from of ACTION_STATUSES) {
    for (const to of ACTION_STATUSES) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        const result = checkTransition(from, to, 'no longer relevant');
        expect(result.ok).toBe(ok);
        if (!result.ok) expect(result.message).toMatch(/already|cannot become/);
      });
    }
  }

  it('refuses dropping without a reason, with a clear message', () => {
    expect(checkTransition('open', 'dropped')).toEqual({ ok: false, message: 'Dropping an action needs a reason' });
    expect(checkTransition('in_progress', 'dropped', '   ')).toEqual({
      ok: false,
      message: 'Dropping an action needs a reason',
    });
  });

  it('tells to reopen a finished action first', () => {
    expect(checkTransition('done', 'in_progress')).toMatchObject({
      ok: false,
      message: expect.stringContaining('reopen it first'),
    });
    expect(checkTransition('dropped', 'done')).toMatchObject({
      ok: false,
      message: expect.stringContaining('reopen it first'),
    });
  });

  it('marks overdue and due-soon only for unfinished actions', () => {
    expect(dueState('open', '2026-03-01', '2026-03-02')).toBe('overdue');
    expect(dueState('in_progress', '2026-03-04', '2026-03-02')).toBe('due_soon');
    expect(dueState('open', '2026-03-20', '2026-03-02')).toBe('later');
    expect(dueState('done', '2026-03-01', '2026-03-02')).toBe('none');
    expect(dueState('open', null, '2026-03-02')).toBe('none');
  });
});
