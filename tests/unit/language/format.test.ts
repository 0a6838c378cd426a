import { describe, expect, it } from 'vitest';
import { formatter } from '../../../shared/format.ts';

const MINUS = '\u2212';
const NBSP = '\u00a0';

// [method, input, Danish, English]; instants in Europe/Copenhagen, the team's zone.
const golden: [keyof ReturnType<typeof formatter> & string, string | number, string, string][] = [
  ['date', '2026-12-08T09:00:00Z', '8. dec. 2026', '8 Dec 2026'],
  ['date', '2026-12-08', '8. dec. 2026', '8 Dec 2026'],
  // 23:30 UTC on New Year's Eve is already the first of January in Copenhagen.
  ['date', '2026-12-31T23:30:00Z', '1. jan. 2027', '1 Jan 2027'],
  // A date-only due date is the day itself, never moved by a zone, and shows no time.
  ['date', '2026-12-31', '31. dec. 2026', '31 Dec 2026'],
  ['dateTime', '2026-12-31', '31. dec. 2026', '31 Dec 2026'],
  ['dateTime', '2026-12-08T09:00:00Z', '8. dec. 2026 kl. 10.00', '8 Dec 2026, 10:00'],
  // Spring forward on 29 March 2026 at 02:00 local: 00:30Z is 01:30 CET, 01:30Z is 03:30 CEST.
  ['dateTime', '2026-03-29T00:30:00Z', '29. mar. 2026 kl. 01.30', '29 Mar 2026, 01:30'],
  ['dateTime', '2026-03-29T01:30:00Z', '29. mar. 2026 kl. 03.30', '29 Mar 2026, 03:30'],
  // Fall back on 25 October 2026 at 03:00 local: 00:30Z and 01:30Z are both 02:30.
  ['dateTime', '2026-10-25T00:30:00Z', '25. okt. 2026 kl. 02.30', '25 Oct 2026, 02:30'],
  ['dateTime', '2026-10-25T01:30:00Z', '25. okt. 2026 kl. 02.30', '25 Oct 2026, 02:30'],
  ['dateTime', '2026-10-25T02:30:00Z', '25. okt. 2026 kl. 03.30', '25 Oct 2026, 03:30'],
  // Summer and winter meetings at 10:00 local stay at 10:00.
  ['dateTime', '2026-07-14T08:00:00Z', '14. jul. 2026 kl. 10.00', '14 Jul 2026, 10:00'],
  ['longDateTime', '2026-12-08T09:00:00Z', 'tirsdag 8. december kl. 10.00', 'Tuesday 8 December, 10:00'],
  ['time', '2026-12-08T09:05:00Z', 'kl. 10.05', '10:05'],
  ['time', '2026-07-14T21:45:00Z', 'kl. 23.45', '23:45'],
  ['month', '2026-12', 'dec. 2026', 'Dec 2026'],
  ['month', '2027-01-01', 'jan. 2027', 'Jan 2027'],
  ['monthShort', '2026-12', 'dec.', 'Dec'],
  ['monthShort', '2027-05-01', 'maj', 'May'],
  ['number', 3.9, '3,9', '3.9'],
  ['number', 2.4, '2,4', '2.4'],
  ['number', 1234.56, '1.234,6', '1,234.6'],
  ['number', 8.25, '8,3', '8.3'],
  ['number', 0, '0', '0'],
  ['number', -3, `${MINUS}3`, `${MINUS}3`],
  ['number', -1234.5, `${MINUS}1.234,5`, `${MINUS}1,234.5`],
  ['percent', 42, `42${NBSP}%`, '42%'],
  ['percent', 100, `100${NBSP}%`, '100%'],
  ['percent', -12, `${MINUS}12${NBSP}%`, `${MINUS}12%`],
  ['signed', 3.5, '+3,5', '+3.5'],
  ['signed', -3.5, `${MINUS}3,5`, `${MINUS}3.5`],
  ['signed', 0, '0', '0'],
];

describe('the formatting module', () => {
  it.each(golden)('%s(%s) reads %s in Danish and %s in English', (method, input, danish, english) => {
    const call = (language: 'da' | 'en') => {
      const format = formatter(language, 'Europe/Copenhagen');
      switch (method) {
        case 'number':
        case 'percent':
        case 'signed':
          return format[method](Number(input));
        case 'date':
        case 'dateTime':
        case 'longDateTime':
        case 'time':
        case 'month':
        case 'monthShort':
          return format[method](String(input));
        default:
          throw new Error(`no such method ${method}`);
      }
    };
    expect(call('da')).toBe(danish);
    expect(call('en')).toBe(english);
  });

  it('uses the team’s zone, not the machine’s', () => {
    expect(formatter('en', 'America/New_York').dateTime('2026-12-08T09:00:00Z')).toBe('8 Dec 2026, 04:00');
    expect(formatter('da', 'Asia/Tokyo').date('2026-12-31T23:30:00Z')).toBe('1. jan. 2027');
    // A calendar day is the same day in every zone.
    expect(formatter('en', 'Pacific/Honolulu').date('2026-12-08')).toBe('8 Dec 2026');
  });

  it('gives decimals as asked and never a hyphen for a minus', () => {
    const da = formatter('da');
    expect(da.number(2.345, 2)).toBe('2,35');
    expect(da.percent(33.333, 1)).toBe(`33,3${NBSP}%`);
    for (const text of [da.number(-0.5), da.percent(-5), da.signed(-1)]) expect(text).not.toContain('-');
  });
});
