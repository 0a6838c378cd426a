import { localDate } from '../../shared/actions.ts';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * A monthly rule whose next occurrence is `inDays` from now: "the nth weekday" of the day it lands
 * on (the last one for days 29–31), so the demo always has its next review that far ahead.
 */
export function cadenceFor(now: Date, inDays: number, timezone: string): { rrule: string } {
  const target = localDate(new Date(now.getTime() + inDays * 86_400_000), timezone);
  const date = new Date(`${target}T12:00:00Z`);
  const nth = Math.ceil(date.getUTCDate() / 7);
  return { rrule: `FREQ=MONTHLY;BYDAY=${nth === 5 ? -1 : nth}${WEEKDAYS[date.getUTCDay()]}` };
}
