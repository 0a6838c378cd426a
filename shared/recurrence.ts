import rrulePackage from 'rrule';
import { type LocalTime, ZonedClock, localKey } from './zoned-clock.ts';

/** A team's cadence as RFC 5545 sees it: a rule, a local start time and zone, a length, and a first day. */
export interface CadenceRule {
  rrule: string;
  startTime: string;
  timezone: string;
  durationMinutes: number;
  validFrom: string;
}

export interface Occurrence {
  /** The occurrence's original local start, YYYY-MM-DDTHH:MM: its RECURRENCE-ID. */
  key: string;
  local: LocalTime;
  start: Date;
  end: Date;
}

// rrule ships CommonJS for Node without named ESM exports; its default export holds the classes.
const { RRule } = rrulePackage;

export class RecurrenceError extends Error {}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'BYMONTH', 'WKST']);

/**
 * Checks a rule value such as FREQ=MONTHLY;BYDAY=2TU. Only monthly and weekly rhythms make sense
 * for the review; COUNT and UNTIL are refused because a cadence changes "from a date on" instead.
 */
export function parseRule(value: string): string {
  const text = value
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!text) throw new RecurrenceError('the rule is empty; e.g. FREQ=MONTHLY;BYDAY=2TU for the second Tuesday');
  const parts = text.split(';').map((part) => part.split('='));
  for (const [name, part] of parts) {
    if (!name || part === undefined || part === '')
      throw new RecurrenceError(`"${text}" is not an RRULE: write NAME=VALUE pairs separated by ;`);
    if (!ALLOWED_PARTS.has(name))
      throw new RecurrenceError(`${name} is not supported in a cadence; use ${[...ALLOWED_PARTS].join(', ')}`);
  }
  const freq = parts.find(([name]) => name === 'FREQ')?.[1];
  if (freq !== 'MONTHLY' && freq !== 'WEEKLY')
    throw new RecurrenceError('FREQ must be MONTHLY (or WEEKLY with an INTERVAL) for a review rhythm');
  try {
    RRule.parseString(text);
    new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_, index) => index < 1);
  } catch {
    throw new RecurrenceError(`"${text}" is not a valid RRULE`);
  }
  const bydays = parts.find(([name]) => name === 'BYDAY')?.[1];
  if (bydays && !/^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/.test(bydays)) {
    throw new RecurrenceError(`BYDAY=${bydays} is not valid; use e.g. 2TU (second Tuesday) or -1TH (last Thursday)`);
  }
  return text;
}

export function parseTime(value: string): { hour: number; minute: number } {
  const match = TIME.exec(value);
  if (!match) throw new RecurrenceError(`"${value}" is not a time; use HH:MM between 00:00 and 23:59`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function parseLocalDate(value: string): { year: number; month: number; day: number } {
  const match = DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RecurrenceError(`"${value}" is not a date; use YYYY-MM-DD`);
  return { year, month, day };
}

/**
 * Occurrences of a rule between two local dates (from inclusive, until exclusive). The rule runs on
 * wall-clock time and each occurrence is then placed in the zone, so 10:00 stays 10:00 local across
 * daylight-saving changes.
 */
export function expand(rule: CadenceRule, fromDate: string, untilDate: string): Occurrence[] {
  const { hour, minute } = parseTime(rule.startTime);
  const start = parseLocalDate(rule.validFrom);
  const from = parseLocalDate(fromDate);
  const until = parseLocalDate(untilDate);
  const floating = new RRule({
    ...RRule.parseString(parseRule(rule.rrule)),
    dtstart: new Date(Date.UTC(start.year, start.month - 1, start.day, hour, minute)),
  });
  const clock = new ZonedClock(rule.timezone);
  const occurrences: Occurrence[] = [];
  for (const wall of floating.between(
    new Date(Date.UTC(from.year, from.month - 1, from.day)),
    new Date(Date.UTC(until.year, until.month - 1, until.day)),
    true,
  )) {
    if (wall.getTime() >= Date.UTC(until.year, until.month - 1, until.day)) continue;
    const local: LocalTime = {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    };
    const startInstant = clock.toUtc(local.year, local.month, local.day, local.hour, local.minute, 0);
    if (!startInstant) continue;
    occurrences.push({
      key: localKey(local),
      local,
      start: startInstant,
      end: new Date(startInstant.getTime() + rule.durationMinutes * 60_000),
    });
  }
  return occurrences;
}
