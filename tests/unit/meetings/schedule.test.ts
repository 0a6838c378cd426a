import { describe, expect, it } from 'vitest';
import { startPeriodicJobs } from '../../../server/jobs/periodic.ts';
import { meetingScheduleJob } from '../../../server/meetings/timers.ts';
import { makeServices } from '../../helpers/services.ts';

const quietLog = { error: () => undefined };

describe('the meeting schedule job', () => {
  it('brings the meetings up to today when it starts, e.g. after the server was down for months', async () => {
    const { services, team } = await makeServices();
    const full = { ...team, name: 'Kundeservice' };
    await services.meetings.setCadence(
      full,
      { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2025-01-01' },
      null,
      new Date('2025-01-02T12:00:00Z'),
    );
    const now = new Date().toISOString();
    expect((await services.meetings.meetings(full)).filter((row) => row.starts_at > now)).toHaveLength(0);
    const stop = startPeriodicJobs({
      store: services.store,
      jobs: [meetingScheduleJob(services.meetings)],
      log: quietLog,
      options: { workerId: 'test' },
    });
    await stop();
    expect((await services.meetings.meetings(full)).filter((row) => row.starts_at > now)).toHaveLength(2);
    expect(await services.meetings.next(full)).not.toBeNull();
  });
});
