import { ZonedClock } from '../../shared/zoned-clock.ts';

export { ZonedClock };

export type DateOrder = 'dmy' | 'mdy';

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const DAY_MONTH =
  /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AP]M)?)?\s*(Z|UTC)?$/i;
const NAMED = /^(\d{1,2})\.?\s+([a-zæøå]+)\.?,?\s+(\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;
const NAMED_US = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AP]M)?)?$/i;
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  marts: 3,
  apr: 4,
  april: 4,
  may: 5,
  maj: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  okt: 10,
  october: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** True when the value is written day/month or month/day, so the column's order must be known. */
export function needsOrder(value: string): boolean {
  return DAY_MONTH.test(value.trim());
}

/** Evidence from one value: which order it proves, if any (a part above 12 can only be a day). */
export function orderEvidence(value: string): DateOrder | null {
  const match = DAY_MONTH.exec(value.trim());
  if (!match) return null;
  if (Number(match[1]) > 12 && Number(match[2]) <= 12) return 'dmy';
  if (Number(match[2]) > 12 && Number(match[1]) <= 12) return 'mdy';
  return null;
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toUpperCase() === 'PM';
  return hour === 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
}

function explicitOffsetMinutes(zone: string): number {
  if (/^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[+:-]/g, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * Reads a date as exports write them. Values with a zone (Z, +02:00, UTC) or epoch numbers are
 * absolute; naive ones are read in the team's zone. Returns null when the value is not a real date.
 */
export function parseDate(raw: string, order: DateOrder, clock: ZonedClock): Date | null {
  const value = raw.trim();
  if (value === '') return null;
  if (/^\d{9,10}$/.test(value)) return new Date(Number(value) * 1000);
  if (/^\d{12,13}$/.test(value)) return new Date(Number(value));

  let parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; zone?: string | undefined } | null =
    null;
  let match = ISO.exec(value);
  if (match) {
    parts = {
      y: +match[1]!,
      mo: +match[2]!,
      d: +match[3]!,
      h: +(match[4] ?? 0),
      mi: +(match[5] ?? 0),
      s: +(match[6] ?? 0),
      zone: match[7],
    };
  } else if ((match = DAY_MONTH.exec(value))) {
    const [first, second] = [+match[1]!, +match[2]!];
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    const [d, mo] = order === 'dmy' ? [first, second] : [second, first];
    parts = {
      y: year,
      mo,
      d,
      h: hour24(+(match[4] ?? 0), match[7]),
      mi: +(match[5] ?? 0),
      s: +(match[6] ?? 0),
      zone: match[8],
    };
  } else if ((match = NAMED.exec(value))) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (month)
      parts = {
        y: +match[3]!,
        mo: month,
        d: +match[1]!,
        h: +(match[4] ?? 0),
        mi: +(match[5] ?? 0),
        s: +(match[6] ?? 0),
      };
  } else if ((match = NAMED_US.exec(value))) {
    const month = MONTHS[match[1]!.toLowerCase()];
    if (month)
      parts = {
        y: +match[3]!,
        mo: month,
        d: +match[2]!,
        h: hour24(+(match[4] ?? 0), match[7]),
        mi: +(match[5] ?? 0),
        s: +(match[6] ?? 0),
      };
  }
  if (!parts || parts.mo < 1 || parts.mo > 12 || parts.d < 1 || parts.h > 23 || parts.mi > 59 || parts.s > 59)
    return null;
  if (parts.zone) {
    const utc =
      Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s) - explicitOffsetMinutes(parts.zone) * 60_000;
    const check = new Date(Date.UTC(parts.y, parts.mo - 1, parts.d));
    return check.getUTCDate() === parts.d ? new Date(utc) : null;
  }
  return clock.toUtc(parts.y, parts.mo, parts.d, parts.h, parts.mi, parts.s);
}
