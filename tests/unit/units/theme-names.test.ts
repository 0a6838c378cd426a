import { describe, expect, it } from 'vitest';
import { shiftQuarter } from '../../../client/lib/quarter.ts';
import { quarterOf } from '../../../server/units/dashboard-themes.ts';
import { joinSimilar, nameStems, nameTopic, type NameGroup } from '../../../server/units/theme-names.ts';

const group = (name: string, teams: number, meetings = teams, language: 'da' | 'en' = 'da'): NameGroup => ({
  stems: nameStems(name, language),
  topic: nameTopic(name, language),
  language,
  teams,
  meetings,
  label: name,
});

describe('theme names across teams', () => {
  it('reads case and inflection away, in the team’s language', () => {
    expect(nameStems('Ventetid', 'da')).toEqual(nameStems('ventetiden', 'da'));
    expect(nameStems('Leveringen', 'da')).toEqual(nameStems('Levering', 'da'));
    expect(nameStems('Deliveries', 'en')).toEqual(nameStems('delivery', 'en'));
    expect(nameStems('Lang ventetid', 'da')).toEqual(['lang', 'ventetid']);
  });

  it('matches a name of stopwords only by its text', () => {
    expect(nameStems('  Det ', 'da')).toEqual(['det']);
  });

  it('joins a name that shares half its stems to the widest theme it resembles, and never chains', () => {
    const groups = [group('Ventetid', 3), group('Pris', 2), group('Levering', 2), group('Lang ventetid', 1)];
    expect(joinSimilar(groups)).toEqual([0, 1, 2, 0]);
    // "Pris og levering" resembles both by one half; it joins the first considered, and does not merge them.
    const mixed = [group('Pris', 2), group('Levering', 2), group('Pris og levering', 1)];
    expect(joinSimilar(mixed)).toEqual([0, 1, 0]);
    // Under half in common stays apart.
    expect(joinSimilar([group('Lang ventetid i telefonen', 2), group('Ventetid', 1)])).toEqual([0, 1]);
  });
});

describe('theme names across teams and languages', () => {
  it('joins names of one topic across Danish and English, not within one language, and never a name of two topics', () => {
    const groups = [group('Levering', 3), group('Delivery', 2, 2, 'en'), group('Pris', 2), group('Pakken', 1)];
    // Pakken is Danish like Levering: its own word keeps it apart.
    expect(joinSimilar(groups)).toEqual([0, 0, 2, 3]);
    expect(joinSimilar([group('Levering', 2), group('Parcels', 1, 1, 'en')])).toEqual([0, 0]);
    expect(joinSimilar([group('Levering', 2), group('Prices and delivery', 1, 1, 'en')])).toEqual([0, 1]);
    // Ventetid (waiting) and Kundeservice (support) are two topics, not one.
    expect(joinSimilar([group('Ventetid', 2), group('Kundeservice', 1)])).toEqual([0, 1]);
  });
});

describe('quarters', () => {
  it('reads 2026Q3 and the pulse’s 2026-Q3, and refuses anything else by name', () => {
    expect(quarterOf('2026Q3', new Date(), 'UTC')).toEqual({ key: '2026Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(quarterOf('2024-q1', new Date(), 'UTC')).toEqual({ key: '2024Q1', from: '2024-01-01', to: '2024-03-31' });
    expect(() => quarterOf('2026Q0', new Date(), 'UTC')).toThrow(
      'quarter must be a year and a quarter written as 2026Q3; "2026Q0" is not',
    );
  });

  it('takes the current quarter in the given time zone when none is asked for', () => {
    const newYear = new Date('2026-12-31T23:30:00Z');
    expect(quarterOf(undefined, newYear, 'UTC').key).toBe('2026Q4');
    expect(quarterOf(undefined, newYear, 'Europe/Copenhagen').key).toBe('2027Q1');
  });

  it('steps between quarters across years', () => {
    expect(shiftQuarter('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2026Q2', 1)).toBe('2026Q3');
  });
});
