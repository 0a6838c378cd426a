import type { PeriodicJob } from '../jobs/periodic.ts';
import type { MeetingsService } from './service.ts';

/**
 * The scheduled step that keeps each team's meetings in line with its cadence as time passes (the
 * next two occurrences always exist): hourly, once per hour across every process on the database,
 * and at start when this hour's run has not happened yet (after downtime). Reads never schedule, and
 * a run with nothing to do writes nothing.
 */
export function meetingScheduleJob(meetings: Pick<MeetingsService, 'scheduleAll'>): PeriodicJob {
  return { name: 'meeting-schedule', every: 'hour', run: () => meetings.scheduleAll() };
}
