import type { FastifyBaseLogger } from 'fastify';
import type { MeetingsService } from './service.ts';

const SCHEDULE_EVERY_MS = 60 * 60 * 1000;

/**
 * The scheduled step that keeps each team's meetings in line with its cadence as time passes (the
 * next two occurrences always exist): once at start, after downtime, then hourly. Reads never
 * schedule, and a run with nothing to do writes nothing. Returns its stop function, which resolves
 * once a run in progress has finished (so the database can be closed after it).
 */
export function startMeetingSchedule(
  deps: { meetings: MeetingsService; log: Pick<FastifyBaseLogger, 'error'> },
  intervalMs = SCHEDULE_EVERY_MS,
): () => Promise<void> {
  // One run at a time: a slow run (many teams) is not overtaken by the next tick.
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= deps.meetings
      .scheduleAll()
      .then(
        () => undefined,
        (error: unknown) => deps.log.error({ err: error }, 'meeting schedule failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
