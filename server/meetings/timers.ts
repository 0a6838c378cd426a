import type { FastifyBaseLogger } from 'fastify';
import type { MeetingsService } from './service.ts';

const SCHEDULE_EVERY_MS = 60 * 60 * 1000;

/**
 * The scheduled step that keeps each team's meetings in line with its cadence as time passes (the
 * next two occurrences always exist): once at start, after downtime, then hourly. Reads never
 * schedule, and a run with nothing to do writes nothing. Returns its stop function.
 */
export function startMeetingSchedule(
  deps: { meetings: MeetingsService; log: Pick<FastifyBaseLogger, 'error'> },
  intervalMs = SCHEDULE_EVERY_MS,
): () => void {
  const run = () => {
    try {
      deps.meetings.scheduleAll();
    } catch (error) {
      deps.log.error({ err: error }, 'meeting schedule failed');
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
