import { describe, expect, it } from 'vitest';
import { ZonedClock, orderEvidence, parseDate } from '../../../server/imports/dates.ts';
import { detectDelimiter } from '../../../server/imports/tabular.ts';
import { autoMap, metricFromValues } from '../../../server/imports/columns.ts';
import { detectLanguage } from '../../../server/imports/language.ts';

const cph = new ZonedClock('Europe/Copenhagen');
const iso = (value: string, order: 'dmy' | 'mdy' = 'dmy') => parseDate(value, order, cph)?.toISOString() ?? null;

describe('dates as exports write them', () => {
  it('reads naive times in the team zone across daylight saving', () => {
    expect(iso('2026-03-28 10:00')).toBe('2026-03-28T09:00:00.000Z');
    expect(iso('2026-03-30 10:00')).toBe('2026-03-30T08:00:00.000Z');
    expect(iso('2026-10-26 10:00')).toBe('2026-10-26T09:00:00.000Z');
  });
  it('keeps explicit zones and epochs absolute', () => {
    expect(iso('2026-11-03T10:00:00Z')).toBe('2026-11-03T10:00:00.000Z');
    expect(iso('2026-11-03T10:00:00+02:00')).toBe('2026-11-03T08:00:00.000Z');
    expect(iso('1793700000')).toBe('2026-11-03T10:00:00.000Z');
    expect(iso('1793700000000')).toBe('2026-11-03T10:00:00.000Z');
  });
  it('reads day-month and month-day by the column order, with Danish dots and US AM/PM', () => {
    expect(iso('03.11.2026 09.12.44')).toBe('2026-11-03T08:12:44.000Z');
    expect(iso('11/03/2026 09:12:44 PM', 'mdy')).toBe('2026-11-03T20:12:44.000Z');
    expect(iso('3/11/26')).toBe('2026-11-02T23:00:00.000Z');
    expect(iso('3. november 2026')).toBe('2026-11-02T23:00:00.000Z');
    expect(iso('Nov 3, 2026 10:00')).toBe('2026-11-03T09:00:00.000Z');
  });
  it('refuses dates that do not exist', () => {
    expect(iso('2026-02-29')).toBeNull();
    expect(iso('2028-02-29')).toBe('2028-02-28T23:00:00.000Z');
    expect(iso('31/04/2026')).toBeNull();
    expect(iso('2026-11-03 25:00')).toBeNull();
    expect(iso('yesterday')).toBeNull();
  });
  it('finds order evidence only in values that prove it', () => {
    expect(orderEvidence('13/02/2026')).toBe('dmy');
    expect(orderEvidence('02/13/2026')).toBe('mdy');
    expect(orderEvidence('02/03/2026')).toBeNull();
  });
});

describe('columns, delimiters and languages', () => {
  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
  });
  it('maps unambiguous Danish and English headers, and leaves ambiguous ones to the person', () => {
    expect(autoMap(['Dato', 'Karakter', 'Begrundelse', 'Kilde', 'Kunde'])).toEqual({
      receivedAt: 'Dato',
      score: 'Karakter',
      comment: 'Begrundelse',
      source: 'Kilde',
      customer: 'Kunde',
    });
    expect(autoMap(['Timestamp', 'How likely are you to recommend us?', 'Comment'])).toEqual({
      receivedAt: 'Timestamp',
      score: 'How likely are you to recommend us?',
      comment: 'Comment',
    });
    expect(autoMap(['date', 'created', 'score']).receivedAt).toBeUndefined();
  });
  it('infers the metric of a plain score column from its values', () => {
    expect(metricFromValues([1, 5, 9])).toBe('nps');
    expect(metricFromValues([0, 3])).toBe('nps');
    expect(metricFromValues([2, 6])).toBe('ces');
    expect(metricFromValues([1, 4, 5])).toBe('csat');
  });
  it('tells Danish from English and stays undecided when it cannot', () => {
    expect(detectLanguage('Det var ikke godt nok')).toBe('da');
    expect(detectLanguage('The delivery was very slow')).toBe('en');
    expect(detectLanguage('OK')).toBeNull();
  });
  it('reads words between any non-letters, counts æ, ø and å for Danish, and looks at the opening 300 characters', () => {
    expect(detectLanguage('The—delivery,was;slow (#12)')).toBe('en');
    expect(detectLanguage('hej-med-dig')).toBe('da');
    expect(detectLanguage('Æblerne')).toBe('da');
    expect(detectLanguage('the fast and great Smørrebrød')).toBe('en');
    expect(detectLanguage('the Smørrebrød')).toBe('da');
    expect(detectLanguage(`${'x'.repeat(300)} the and was`)).toBeNull();
  });
});
