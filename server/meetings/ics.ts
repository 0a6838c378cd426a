import { tzOffset } from '@date-fns/tz';
import type { Language } from '../../shared/language.ts';
import { type LocalTime, toLocal } from '../../shared/zoned-clock.ts';

/** What a team's calendar says, in the team's language: calendars have no viewer language to follow. */
export function calendarText(
  teamName: string,
  language: Language,
): { calendar: string; summary: string; description: string } {
  return language === 'da'
    ? {
        calendar: `Kadence – ${teamName}`,
        summary: `${teamName}: kundefeedback-gennemgang`,
        description: `Teamets månedlige gennemgang af kundefeedback i Kadence: læs, saml i temaer, stem og beslut handlinger.`,
      }
    : {
        calendar: `Kadence – ${teamName}`,
        summary: `${teamName}: customer feedback review`,
        description: `The team's monthly customer-feedback review in Kadence: read, group into themes, vote and decide actions.`,
      };
}

/** RFC 5545 text escaping for SUMMARY and DESCRIPTION. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
export const icsLocal = (time: LocalTime) =>
  `${pad(time.year, 4)}${pad(time.month)}${pad(time.day)}T${pad(time.hour)}${pad(time.minute)}00`;
export const icsUtc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const offset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** The instants in [from, to) where the zone's UTC offset changes, found day by day then minute by minute. */
function transitions(
  timezone: string,
  fromYear: number,
  toYear: number,
): { at: Date; before: number; after: number }[] {
  const found: { at: Date; before: number; after: number }[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let previous = tzOffset(timezone, new Date(Date.UTC(fromYear, 0, 1)));
  for (let time = Date.UTC(fromYear, 0, 1) + 86_400_000; time <= end; time += 86_400_000) {
    const current = tzOffset(timezone, new Date(time));
    if (current !== previous) {
      let low = time - 86_400_000;
      let high = time;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000;
        if (tzOffset(timezone, new Date(middle)) === previous) low = middle;
        else high = middle;
      }
      found.push({ at: new Date(high), before: previous, after: current });
      previous = current;
    }
  }
  return found;
}

/**
 * A VTIMEZONE with every transition of the years in use written out, so calendar programs that do
 * not know the IANA name still place each occurrence at the same local time.
 */
export function vtimezone(timezone: string, fromYear: number, toYear: number): string[] {
  const changes = transitions(timezone, fromYear, toYear);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timezone}`];
  // The offset in force when the covered years begin, so times before the first change are defined too.
  const initial = offset(tzOffset(timezone, new Date(Date.UTC(fromYear, 0, 1))));
  lines.push(
    'BEGIN:STANDARD',
    `DTSTART:${fromYear}0101T000000`,
    `TZOFFSETFROM:${initial}`,
    `TZOFFSETTO:${initial}`,
    'END:STANDARD',
  );
  for (const change of changes) {
    const kind = change.after > change.before ? 'DAYLIGHT' : 'STANDARD';
    const localBefore = new Date(change.at.getTime() + change.before * 60_000);
    const start = {
      year: localBefore.getUTCFullYear(),
      month: localBefore.getUTCMonth() + 1,
      day: localBefore.getUTCDate(),
      hour: localBefore.getUTCHours(),
      minute: localBefore.getUTCMinutes(),
    };
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${icsLocal(start)}`,
      `TZOFFSETFROM:${offset(change.before)}`,
      `TZOFFSETTO:${offset(change.after)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export interface FeedEvent {
  uid: string;
  summary: string;
  description?: string;
  start: Date;
  end: Date;
  rrule?: string;
  exdates?: Date[];
  recurrenceId?: Date;
  status?: 'CANCELLED';
}

/** A whole calendar: events with local times in the team's zone and the zone itself. */
export function calendar(name: string, timezone: string, events: FeedEvent[], now = new Date()): string {
  const years = events.flatMap((event) => [
    event.start.getUTCFullYear(),
    ...(event.exdates ?? []).map((date) => date.getUTCFullYear()),
  ]);
  const fromYear = Math.min(...years, now.getUTCFullYear());
  const toYear = Math.max(...years, now.getUTCFullYear()) + 2;
  const local = (instant: Date) => `;TZID=${timezone}:${icsLocal(toLocal(instant, timezone))}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kadence//Kadence 0.1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${timezone}`,
    ...vtimezone(timezone, fromYear, toYear),
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${icsUtc(now)}`);
    if (event.recurrenceId) lines.push(`RECURRENCE-ID${local(event.recurrenceId)}`);
    lines.push(`DTSTART${local(event.start)}`, `DTEND${local(event.end)}`, `SUMMARY:${icsText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
    if (event.rrule) lines.push(`RRULE:${event.rrule}`);
    for (const exdate of event.exdates ?? []) lines.push(`EXDATE${local(exdate)}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
