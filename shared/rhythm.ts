/** Days without a held review after which a team has lost the rhythm. */
export const LOST_AFTER_DAYS = 45;

export type LostReason = 'missed_two' | 'none_45_days';

/**
 * Whether a team has lost the rhythm, from its reviews that are due (held, or past their planned
 * hour), oldest first, as cadence health lists them: the last two planned reviews were both missed,
 * or none was held for 45 days although the rhythm is at least that old. A team without a due
 * review has no rhythm to lose yet.
 */
export function lostRhythm(due: readonly { startsAt: string; held: boolean }[], now: Date): LostReason | null {
  if (due.length === 0) return null;
  const last = due.at(-1);
  const before = due.at(-2);
  if (last && before && !last.held && !before.held) return 'missed_two';
  const cutoff = new Date(now.getTime() - LOST_AFTER_DAYS * 86_400_000).toISOString();
  const lastHeld = due.filter((entry) => entry.held).at(-1);
  const first = due[0];
  if (first && first.startsAt <= cutoff && (!lastHeld || lastHeld.startsAt < cutoff)) return 'none_45_days';
  return null;
}

/** The first day of the quarter and of the year holding a local date (YYYY-MM-DD). */
export function periodStarts(localDay: string): { quarterStart: string; yearStart: string } {
  const year = localDay.slice(0, 4);
  const month = Number(localDay.slice(5, 7));
  const quarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
  return { quarterStart: `${year}-${String(quarterMonth).padStart(2, '0')}-01`, yearStart: `${year}-01-01` };
}
