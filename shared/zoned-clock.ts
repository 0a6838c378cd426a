import { tzOffset } from '@date-fns/tz';

/** Converts wall-clock times in one zone to UTC, remembering each hour's offset (DST changes on the hour). */
export class ZonedClock {
  private readonly offsets = new Map<number, number>();
  constructor(readonly timezone: string) {}

  toUtc(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
    const guess = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(guess);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    const key = Math.floor(guess / 3_600_000);
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = tzOffset(this.timezone, new Date(guess));
      const second_ = tzOffset(this.timezone, new Date(guess - offset * 60_000));
      if (second_ !== offset) offset = second_;
      this.offsets.set(key, offset);
    }
    return new Date(guess - offset * 60_000);
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock time an instant shows in a zone. */
export function toLocal(instant: Date, timezone: string): LocalTime {
  const shifted = new Date(instant.getTime() + tzOffset(timezone, instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
/** YYYY-MM-DD of a local time. */
export const localDate = (time: LocalTime) => `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
/** YYYY-MM-DDTHH:MM of a local time: the key of an occurrence. */
export const localKey = (time: LocalTime) => `${localDate(time)}T${pad(time.hour)}:${pad(time.minute)}`;
