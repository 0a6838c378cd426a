import type { DateKind } from './styles.ts';

const DAY_MS = 86_400_000;
/** Day 0 of each date system: 1899-12-30 (so that 1900-03-01 is 61, as in Excel) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last date, is 2,958,465. */
const LAST_SERIAL = 2_958_466;

const two = (value: number): string => String(value).padStart(2, '0');

function clock(seconds: number): string {
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/**
 * A date serial as the naive date-time it shows (Excel has no time zones): `2021-01-01` for a whole
 * day, `2021-01-01T10:10:10` with a time, `10:10:10` for a time of day, `255:10:10` for a duration.
 * Seconds are rounded as Excel shows them. Null when the number is no date (Excel shows `####`).
 */
export function serialText(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  if (kind === 'duration') {
    const seconds = Math.round(Math.abs(serial) * 86_400);
    const hours = Math.floor(seconds / 3600);
    return `${serial < 0 ? '-' : ''}${hours}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  }
  if (serial < 0 || serial >= LAST_SERIAL) return null;
  const total = Math.round(serial * 86_400);
  let days = Math.floor(total / 86_400);
  const seconds = total % 86_400;
  // Below one day there is no date in the 1900 system ("0 January 1900"): it is a time of day.
  if ((kind === 'time' || !date1904) && days === 0) return clock(seconds);
  // Excel counts 29 February 1900, which never was (Lotus 1-2-3's mistake): serials below 61 are a day late.
  if (!date1904 && days < 61) days += 1;
  const iso = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS + seconds * 1000).toISOString();
  return seconds === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * A stored number as a person reads it. Excel keeps 15 significant digits and writes up to 17, so
 * `22.222200000000001` (how it stores 22.2222) and a formula's `4.0000000000000009` read as `22.2222`
 * and `4`, as Excel shows them. Text that is not a number stays as it is.
 */
export function numberText(raw: string): string {
  // Most numbers in an export are small whole numbers (scores, ids), already as a person writes them.
  if (raw.length < 16 && /^-?[1-9]\d*$|^0$/.test(raw)) return raw;
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value)) return raw;
  const shown = String(Number(value.toPrecision(15)));
  return shown.includes('e') && !/e/i.test(raw) ? raw : shown;
}
