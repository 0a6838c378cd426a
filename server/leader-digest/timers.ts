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
      const failed = reports.filter((report) => report.outcome === 'mail_failed');
      // The digests are stored; the slot's row and the log say which mails did not go out.
      if (failed.length > 0)
        throw new Error(`leader digest not mailed to ${failed.map((report) => report.email).join(', ')}`);
      return reports;
    },
  };
}
