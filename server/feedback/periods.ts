import { invalid } from '../errors.ts';
import { ZonedClock } from '../imports/dates.ts';

/** Local calendar dates and months in a team's zone, as UTC instants for SQL ranges. */
export function createPeriods(timezone: string) {
  const clock = new ZonedClock(timezone);
  const midnight = (year: number, month: number, day: number) => {
    const instant = clock.toUtc(year, month, day, 0, 0, 0);
    if (!instant) throw invalid(`${year}-${month}-${day} is not a date`);
    return instant.toISOString();
  };
  const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' });
  const localMonth = (instant: Date) => {
    const local = monthFormat.formatToParts(instant);
    return {
      year: Number(local.find((part) => part.type === 'year')?.value),
      month: Number(local.find((part) => part.type === 'month')?.value),
    };
  };
  const parse = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return { year, month, day };
  };
  return {
    /** Start of a local date. */
    startOf(date: string): string {
      const { year, month, day } = parse(date);
      return midnight(year, month, day);
    },
    /** Start of the day after a local date: `to` is inclusive. */
    endOf(date: string): string {
      const { year, month, day } = parse(date);
      const next = new Date(Date.UTC(year, month - 1, day + 1));
      if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) throw invalid(`${date} is not a date`);
      return midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
    },
    /** The last `count` calendar months up to and including the one `now` falls in. */
    months(count: number, now: Date): { month: string; start: string; end: string }[] {
      const { year, month } = localMonth(now);
      const result: { month: string; start: string; end: string }[] = [];
      for (let back = count - 1; back >= 0; back--) {
        const first = new Date(Date.UTC(year, month - 1 - back, 1));
        const next = new Date(Date.UTC(year, month - back, 1));
        result.push({
          month: `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`,
          start: midnight(first.getUTCFullYear(), first.getUTCMonth() + 1, 1),
          end: midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, 1),
        });
      }
      return result;
    },
    /**
     * Every month from the one `from` falls in to the one `to` falls in, each with its first
     * instant (the same midnights as `months`), oldest first: what the rollups bucket by.
     */
    monthStarts(from: string, to: string): { month: string; start: string }[] {
      const first = localMonth(new Date(from));
      const last = localMonth(new Date(to));
      const result: { month: string; start: string }[] = [];
      for (let index = first.year * 12 + first.month - 1; index <= last.year * 12 + last.month - 1; index++) {
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        result.push({
          month: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
          start: midnight(year, month, 1),
        });
      }
      return result;
    },
  };
}
