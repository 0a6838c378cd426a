import { DEFAULT_LANGUAGE, type Language } from './language.ts';
import { DEFAULT_TIMEZONE } from './roles.ts';

/**
 * The one way Kadence writes dates, times and numbers for people, on Intl: in the viewer's language
 * and the team's time zone. One style per kind of place:
 *
 * | method         | da                        | en                      | for                               |
 * | -------------- | ------------------------- | ----------------------- | --------------------------------- |
 * | `date`         | 8. dec. 2026              | 8 Dec 2026              | dates in lists, tables, due dates |
 * | `dateTime`     | 8. dec. 2026 kl. 10.00    | 8 Dec 2026, 10:00       | when something happened / starts  |
 * | `longDateTime` | tirsdag 8. december kl. 10.00 | Tuesday 8 December, 10:00 | the next meeting, headlines |
 * | `time`         | kl. 10.00                 | 10:00                   | a time on a day already named     |
 * | `month`        | dec. 2026                 | Dec 2026                | chart axes, monthly figures       |
 * | `monthShort`   | dec.                      | Dec                     | axis labels where the year is shown once |
 * | `number`       | 1.234,5 / −3              | 1,234.5 / −3            | counts, scores, means             |
 * | `percent`      | 42 %                      | 42%                     | a share given in percent (42)     |
 * | `signed`       | +3,5 / −3,5               | +3.5 / −3.5             | changes, deltas                   |
 *
 * A date-only value (`2026-12-08`) is a day on the calendar, not an instant: it is never shifted by a
 * time zone and never shows a time. Negative numbers use the real minus sign (U+2212).
 *
 * Usage: `formatter('da', team.timezone).dateTime(meeting.startsAt)`; in Svelte use `fmt()` from
 * client/lib/format.ts, which follows the chosen UI language.
 */
export interface Formatter {
  readonly language: Language;
  readonly timeZone: string;
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
  longDateTime(value: string | Date): string;
  time(value: string | Date): string;
  month(value: string | Date): string;
  monthShort(value: string | Date): string;
  number(value: number, maximumFractionDigits?: number): string;
  percent(value: number, maximumFractionDigits?: number): string;
  signed(value: number, maximumFractionDigits?: number): string;
}

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const MINUS = '\u2212';
const DATE_ONLY = /^\d{4}-\d{2}(-\d{2})?$/;

/** A calendar day (or month) as the UTC midnight of that day, formatted in UTC so it never moves. */
function instant(value: string | Date): { at: Date; dateOnly: boolean } {
  if (value instanceof Date) return { at: value, dateOnly: false };
  if (DATE_ONLY.test(value))
    return { at: new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00Z`), dateOnly: true };
  return { at: new Date(value), dateOnly: false };
}

function build(language: Language, timeZone: string): Formatter {
  const locale = LOCALES[language];
  const dates = (options: Intl.DateTimeFormatOptions) => ({
    zoned: new Intl.DateTimeFormat(locale, { ...options, timeZone }),
    day: new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }),
  });
  const mediumDate = dates({ day: 'numeric', month: 'short', year: 'numeric' });
  const longDate = dates({ weekday: 'long', day: 'numeric', month: 'long' });
  const monthYear = dates({ month: 'short', year: 'numeric' });
  const monthOnly = dates({ month: 'short' });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const onDay = (styles: ReturnType<typeof dates>, value: string | Date) => {
    const { at, dateOnly } = instant(value);
    return (dateOnly ? styles.day : styles.zoned).format(at);
  };
  const time = (value: string | Date) => {
    const text = clock.format(instant(value).at);
    return language === 'da' ? `kl. ${text}` : text;
  };
  /** A date with its time; a date-only value has none to show. */
  const withTime = (styles: ReturnType<typeof dates>, value: string | Date) => {
    if (instant(value).dateOnly) return onDay(styles, value);
    return language === 'da' ? `${onDay(styles, value)} ${time(value)}` : `${onDay(styles, value)}, ${time(value)}`;
  };
  const numbers = new Map<string, Intl.NumberFormat>();
  const numeric = (value: number, options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let format = numbers.get(key);
    if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)));
    return format
      .formatToParts(value)
      .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
      .join('');
  };
  return {
    language,
    timeZone,
    date: (value) => onDay(mediumDate, value),
    dateTime: (value) => withTime(mediumDate, value),
    longDateTime: (value) => withTime(longDate, value),
    time,
    month: (value) => onDay(monthYear, value),
    monthShort: (value) => onDay(monthOnly, value),
    number: (value, maximumFractionDigits = 1) => numeric(value, { maximumFractionDigits }),
    percent: (value, maximumFractionDigits = 0) => numeric(value / 100, { style: 'percent', maximumFractionDigits }),
    signed: (value, maximumFractionDigits = 1) => numeric(value, { maximumFractionDigits, signDisplay: 'exceptZero' }),
  };
}

const cache = new Map<string, Formatter>();

/** The formatter for a language and time zone; made once and kept, since Intl objects are costly. */
export function formatter(language: Language = DEFAULT_LANGUAGE, timeZone: string = DEFAULT_TIMEZONE): Formatter {
  const key = `${language}|${timeZone}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = build(language, timeZone)));
  return found;
}
