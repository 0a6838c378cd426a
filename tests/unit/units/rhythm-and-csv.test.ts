import { describe, expect, it } from 'vitest';
import { lostRhythm, periodStarts } from '../../../shared/rhythm.ts';
import type { Dashboard } from '../../../shared/schemas/units.ts';
import { dashboardCsv } from '../../../server/units/export.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const review = (startsAt: string, held: boolean) => ({ startsAt: `${startsAt}T09:00:00.000Z`, held });

describe('losing the rhythm', () => {
  it('is lost when the last two planned reviews were missed', () => {
    expect(
      lostRhythm([review('2026-09-08', true), review('2026-10-13', false), review('2026-11-10', false)], NOW),
    ).toBe('missed_two');
  });

  it('is kept with one miss between held reviews, or a miss after a recent one', () => {
    expect(lostRhythm([review('2026-09-08', true), review('2026-10-13', false), review('2026-11-10', true)], NOW)).toBe(
      null,
    );
    expect(lostRhythm([review('2026-10-13', false), review('2026-11-10', true)], NOW)).toBe(null);
  });

  it('is lost when none was held for 45 days, though fewer than two were missed', () => {
    // The last held review is 70 days old, with only one missed since.
    expect(lostRhythm([review('2026-08-11', true), review('2026-09-23', true), review('2026-11-10', false)], NOW)).toBe(
      'none_45_days',
    );
    expect(lostRhythm([review('2026-07-14', true), review('2026-09-23', true)], NOW)).toBe('none_45_days');
    expect(lostRhythm([review('2026-09-23', false)], NOW)).toBe('none_45_days');
  });

  it('has nothing to lose before the first review is due', () => {
    expect(lostRhythm([], NOW)).toBe(null);
    expect(lostRhythm([review('2026-11-24', false)], NOW)).toBe(null);
  });

  it('counts quarters and years from a local day', () => {
    expect(periodStarts('2026-12-02')).toEqual({ quarterStart: '2026-10-01', yearStart: '2026-01-01' });
    expect(periodStarts('2026-01-01')).toEqual({ quarterStart: '2026-01-01', yearStart: '2026-01-01' });
    expect(periodStarts('2026-06-30')).toEqual({ quarterStart: '2026-04-01', yearStart: '2026-01-01' });
  });
});

describe('the dashboard CSV', () => {
  const team = { slug: 'x', name: '=HYPERLINK("http://evil")', timezone: 'Europe/Copenhagen' };
  const dashboard: Dashboard = {
    unit: { id: 1, name: 'Afdeling', path: [] },
    quarterStart: '2026-10-01',
    yearStart: '2026-01-01',
    rhythm: {
      teams: [
        {
          team,
          unitName: '+Salg; "Nord"',
          quarter: { planned: 2, held: 1 },
          year: { planned: 11, held: 9 },
          streak: 0,
          attendanceAvg: 4.5,
          members: 6,
          lastHeldAt: '2026-10-13T08:00:00.000Z',
          lost: 'missed_two',
        },
      ],
      total: {
        teams: 1,
        lost: 1,
        quarter: { planned: 2, held: 1 },
        year: { planned: 11, held: 9 },
        attendanceAvg: 4.5,
      },
    },
    actions: {
      teams: [{ team, decided: 4, doneByNext: 1, doneByNextPct: 25, open: 2, overdue: 1 }],
      total: { decided: 4, doneByNext: 1, doneByNextPct: 25, open: 2, overdue: 1 },
      oldestOpen: [
        {
          id: 7,
          title: '-1 til @alle\nog flere linjer',
          team,
          ownerName: '@anna',
          dueDate: '2026-11-01',
          overdue: true,
          createdAt: '2026-10-13T09:00:00.000Z',
        },
      ],
    },
  };

  it('neutralises formula cells and quotes delimiters, quotes and line breaks', () => {
    const csv = dashboardCsv(dashboard, 'rhythm', ';');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'team;unit;held_quarter;planned_quarter;held_year;planned_year;streak;attendance_avg;members;last_held_at;lost_rhythm',
    );
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil"")";"'+Salg; ""Nord""";1;2;9;11;0;4,5;6;2026-10-13T08:00:00.000Z;missed_two`,
    );
  });

  it('writes the actions and the oldest open actions, with a decimal point under commas', () => {
    expect(dashboardCsv(dashboard, 'actions').slice(1).split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil"")",4,1,25,2,1`,
    );
    expect(dashboardCsv(dashboard, 'rhythm').split('\r\n')[1]).toContain(',4.5,');
    expect(dashboardCsv(dashboard, 'oldest').slice(1).split('\r\n')[1]).toBe(
      `7,"'=HYPERLINK(""http://evil"")","'-1 til @alle\nog flere linjer",'@anna,2026-11-01,yes,2026-10-13T09:00:00.000Z`,
    );
  });
});
