import type { PeriodicJob } from '../jobs/periodic.ts';
import type { LeaderDigestService } from './service.ts';

/**
 * The leader digest, checked once per UTC day across every process on the database. The slot's
 * start is the moment looked at, so a retried slot judges the same day as its first attempt; a
 * unit whose first working day starts after UTC midnight (zones west of UTC) is served by the next
 * day's slot, which falls on that local day. Digests are kept in the app with or without SMTP_URL.
 */
export function leaderDigestJob(digests: Pick<LeaderDigestService, 'runDue'>): PeriodicJob {
  return {
    name: 'leader-digest',
    every: 'day',
    run: async (slot) => {
      const reports = await digests.runDue(slot);
      // A refused first attempt is tried again by the mail retries below; only a spent one fails the slot.
      const failed = reports.filter((report) => report.outcome === 'mail_failed');
      // The digests are stored; the slot's row and the log say which mails did not go out.
      if (failed.length > 0)
        throw new Error(`leader digest not mailed to ${failed.map((report) => report.email).join(', ')}`);
      return reports;
    },
  };
}

/** What the retries write to: the app's logger, or a test's list. */
export interface RetryLog {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
}

/** How often each process looks for digest mails whose wait is over. */
const RETRY_EVERY_MS = 60_000;

/**
 * Digest mails that were refused, tried again once their wait is over (5 min, 30 min, 2 h): every
 * process looks each minute, and each attempt is taken by one process alone (the mail's lease).
 * Returns the stop function.
 */
export function startLeaderDigestMailRetries(
  digests: Pick<LeaderDigestService, 'retryMail'>,
  log: RetryLog,
  everyMs = RETRY_EVERY_MS,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pass = async () => {
    for (const report of await digests.retryMail()) {
      const fields = { digestId: report.digestId, email: report.email, month: report.month, attempts: report.attempts };
      if (report.outcome === 'mailed') log.info(fields, 'leader digest mailed on a later attempt');
      else if (report.outcome === 'mail_retry')
        log.warn(
          { ...fields, nextAttemptAt: report.nextAttemptAt, error: report.error },
          'leader digest mail refused; tried again later',
        );
      else log.error({ ...fields, error: report.error }, 'leader digest mail given up after its last attempt');
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch((error: unknown) => log.error({ err: error }, 'leader digest mail retries failed'))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
