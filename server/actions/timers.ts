import type { PeriodicJob } from '../jobs/periodic.ts';
import type { Services } from '../services.ts';
import { sendDigest } from './digest.ts';

/**
 * The hourly e-mail digest to action owners, once per hour across every process on the database
 * (reminder bookkeeping makes it mention an action at most once a day). None without SMTP_URL.
 */
export function actionDigestJobs(deps: {
  services: Pick<Services, 'store'>;
  smtpUrl: string | undefined;
  publicUrl: string;
}): PeriodicJob[] {
  const { smtpUrl } = deps;
  if (!smtpUrl) return [];
  return [
    { name: 'action-digest', every: 'hour', run: () => sendDigest(deps.services.store, smtpUrl, deps.publicUrl) },
  ];
}
