import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expand, parseRule } from '../../../shared/recurrence.ts';
import { makeServices } from '../../helpers/services.ts';

const rule = (rrule: string, validFrom = '2026-01-01', startTime = '10:00') => ({
  rrule,
  startTime,
  timezone: 'Europe/Copenhagen',
  durationMinutes: 60,
  validFrom,
});

/** What an independent parser (ical.js) makes of a feed: the first `count` starts of the series, as UTC instants. */
function icalStarts(feed: string, count: number): string[] {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = vevents.filter((vevent) => !vevent.hasProperty('recurrence-id'));
  const starts: string[] = [];
  for (const master of masters) {
    // ical.js relates the calendar's RECURRENCE-ID events to the master itself.
    const event = new ICAL.Event(master);
    const iterator = event.iterator();
    for (let next = iterator.next(); next && starts.length < count * masters.length; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      starts.push(details.startDate.toJSDate().toISOString());
    }
  }
  return starts.sort().slice(0, count);
}

describe('cadence occurrences', () => {
  it('keeps 10:00 local across daylight saving in Copenhagen', () => {
    const starts = expand(rule('FREQ=MONTHLY;BYDAY=2TU'), '2026-02-01', '2026-12-01').map((occurrence) =>
      occurrence.start.toISOString(),
    );
    expect(starts.slice(0, 3)).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
    ]);
    expect(starts.at(-2)).toBe('2026-10-13T08:00:00.000Z');
    expect(starts.at(-1)).toBe('2026-11-10T09:00:00.000Z');
  });
  it('skips months without a fifth Tuesday and finds the last Thursday, also in leap years', () => {
    expect(
      expand(rule('FREQ=MONTHLY;BYDAY=5TU'), '2026-01-01', '2027-01-01').map((occurrence) => occurrence.key),
    ).toEqual(['2026-03-31T10:00', '2026-06-30T10:00', '2026-09-29T10:00', '2026-12-29T10:00']);
    expect(
      expand(rule('FREQ=MONTHLY;BYDAY=-1TH', '2028-01-01', '14:00'), '2028-02-01', '2028-03-01').map(
        (occurrence) => occurrence.key,
      ),
    ).toEqual(['2028-02-24T14:00']);
    expect(
      expand(rule('FREQ=MONTHLY;BYMONTHDAY=29', '2028-01-01'), '2028-02-01', '2028-03-01').map(
        (occurrence) => occurrence.key,
      ),
    ).toEqual(['2028-02-29T10:00']);
    expect(expand(rule('FREQ=MONTHLY;BYMONTHDAY=29', '2027-01-01'), '2027-02-01', '2027-03-01')).toEqual([]);
  });
  it('refuses rules and times that make no sense', () => {
    expect(() => parseRule('FREQ=DAILY')).toThrow('FREQ must be MONTHLY');
    expect(() => parseRule('FREQ=MONTHLY;BYDAY=9XX')).toThrow('not a valid RRULE');
    expect(() => parseRule('FREQ=MONTHLY;COUNT=3')).toThrow('COUNT is not supported');
    expect(() => expand(rule('FREQ=MONTHLY;BYDAY=2TU', '2026-01-01', '24:00'), '2026-01-01', '2026-02-01')).toThrow(
      'is not a time',
    );
  });
});

describe('the calendar feed', () => {
  it('expands in ical.js to the same next 24 occurrences as Kadence, across DST, with a skip, a move and a rule change', async () => {
    const { services, team } = await makeServices();
    const now = new Date('2026-11-23T12:00:00Z');
    await services.meetings.setCadence(
      { ...team, name: 'Kundeservice' },
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-11-01' },
      null,
      now,
    );
    await services.meetings.setCadence(
      { ...team, name: 'Kundeservice' },
      { rrule: 'FREQ=MONTHLY;BYDAY=-1TH', time: '14:00', durationMinutes: 60, from: '2027-06-01' },
      null,
      now,
    );
    await services.meetings.setException(
      { ...team, name: 'Kundeservice' },
      { occurrence: '2026-12-08T10:00', skip: true, reason: 'Julefrokost' },
      null,
      now,
    );
    await services.meetings.setException(
      { ...team, name: 'Kundeservice' },
      { occurrence: '2027-01-12T10:00', moveTo: '2027-01-14T09:30' },
      null,
      now,
    );
    const feed = await services.meetings.feed({ ...team, name: 'Kundeservice' }, now);
    expect(feed).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=');
    expect(feed.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const ours = [
      ...expand(rule('FREQ=MONTHLY;BYDAY=2TU', '2026-11-01'), '2026-11-01', '2027-06-01'),
      ...expand(rule('FREQ=MONTHLY;BYDAY=-1TH', '2027-06-01', '14:00'), '2027-06-01', '2029-01-01'),
    ]
      .filter((occurrence) => occurrence.key !== '2026-12-08T10:00')
      .map((occurrence) =>
        occurrence.key === '2027-01-12T10:00' ? '2027-01-14T08:30:00.000Z' : occurrence.start.toISOString(),
      )
      .sort()
      .slice(0, 24);
    expect(ours).toHaveLength(24);
    expect(icalStarts(feed, 24)).toEqual(ours);
    // Summer and winter both at 14:00 Copenhagen time after the rule change.
    expect(ours).toContain('2027-07-29T12:00:00.000Z');
    expect(ours).toContain('2027-11-25T13:00:00.000Z');
  });
});

describe('meetings and their feedback windows', () => {
  it('gives every item exactly one meeting, also at the boundary, and a skipped month none', async () => {
    const { db, services, team } = await makeServices();
    const full = { ...team, name: 'Kundeservice' };
    const now = new Date('2027-03-01T12:00:00Z');
    await services.meetings.setCadence(
      full,
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-11-01' },
      null,
      now,
    );
    await services.meetings.setException(
      full,
      { occurrence: '2027-01-12T10:00', skip: true, reason: 'Ferie' },
      null,
      new Date('2026-12-20T00:00:00Z'),
    );
    await services.meetings.schedule(full, now);
    const meetings = await services.meetings.meetings(full);
    const boundary = meetings[1]!.starts_at;
    await services.imports.ingestBatch(team, [
      { id: 'a', receivedAt: boundary, metric: 'nps', score: 9, comment: 'exactly at the start of the second meeting' },
      {
        id: 'b',
        receivedAt: new Date(new Date(boundary).getTime() - 1).toISOString(),
        metric: 'nps',
        score: 9,
        comment: 'a millisecond before',
      },
      { id: 'c', receivedAt: '2027-01-20T10:00:00Z', metric: 'nps', score: 9, comment: 'after the skipped January' },
    ]);
    const owners = (id: string) =>
      meetings.filter((meeting) => {
        const item = db.prepare('SELECT received_at FROM feedback WHERE external_id = ?').get(id) as {
          received_at: string;
        };
        return (
          meeting.window_end > item.received_at &&
          (meeting.window_start === null || meeting.window_start <= item.received_at) &&
          meeting.window_end !== meeting.window_start
        );
      });
    expect(owners('a').map((meeting) => meeting.occurrence_local)).toEqual(['2027-02-09T10:00']);
    expect(owners('b').map((meeting) => meeting.occurrence_local)).toEqual(['2026-12-08T10:00']);
    expect(owners('c').map((meeting) => meeting.occurrence_local)).toEqual(['2027-02-09T10:00']);
    expect(meetings.find((meeting) => meeting.occurrence_local === '2027-01-12T10:00')).toMatchObject({
      status: 'skipped',
      skip_reason: 'Ferie',
    });
  });
});
