import { DEFAULT_LANGUAGE, type Language } from '../../shared/language.ts';
import { DEFAULT_TIMEZONE } from '../../shared/roles.ts';
import { ZonedClock, localDate, toLocal } from '../../shared/zoned-clock.ts';

/** The local day (YYYY-MM-DD) an instant falls on in a zone. */
export const localDay = (at: Date, timezone: string): string => localDate(toLocal(at, timezone));

/** The local month (YYYY-MM) an instant falls in, in a zone. */
export const localMonth = (at: string | Date, timezone: string): string =>
  localDay(at instanceof Date ? at : new Date(at), timezone).slice(0, 7);

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant the month after `month` starts in a zone: where the digest's month ends. */
export function endOfMonth(month: string, timezone: string): Date {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  const start = new ZonedClock(timezone).toUtc(next > 12 ? year + 1 : year, next > 12 ? 1 : next, 1, 0, 0, 0);
  // Midnight exists in every zone Kadence knows; the fallback only keeps the type honest.
  return start ?? new Date(`${month}-28T00:00:00Z`);
}

/**
 * Whether a local day is its month's first working day: Monday to Friday, with only a weekend
 * before it in the month (the 1st on a weekday, else the Monday after). Public holidays are not
 * known to Kadence and count as working days.
 */
export function isFirstWorkingDay(day: string): boolean {
  const date = Number(day.slice(8, 10));
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return date === 1 || (weekday === 1 && date <= 3);
}

/**
 * The time zone and language a unit's digest is written in. Users have no language of their own,
 * so it is the one most of the unit's teams use (ties: the first team's, by name), and the zone is
 * chosen the same way; with no teams, Danish and Europe/Copenhagen.
 */
export function unitLocale(teams: readonly { name: string; timezone: string; language: Language }[]): {
  timezone: string;
  language: Language;
} {
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  const most = <T>(values: T[], fallback: T): T => {
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    let best = fallback;
    let bestCount = 0;
    for (const [value, count] of counts) {
      if (count > bestCount) [best, bestCount] = [value, count];
    }
    return best;
  };
  return {
    timezone: most(
      sorted.map((team) => team.timezone),
      DEFAULT_TIMEZONE,
    ),
    language: most(
      sorted.map((team) => team.language),
      DEFAULT_LANGUAGE,
    ),
  };
}
