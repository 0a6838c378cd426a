import type { ActionsService } from '../actions/service.ts';
import type { Store } from '../db/kysely/store.ts';
import type { FeedbackService } from '../feedback/service.ts';
import { smtpMailer } from '../mail.ts';
import type { MeetingsService } from '../meetings/service.ts';
import type { UnitDashboard } from '../units/dashboard.ts';
import type { UnitsService } from '../units/service.ts';
import { serviceFigures } from './figures.ts';
import { createLeaderDigestService } from './service.ts';

/** The leader digest over the services it reads, mailing through SMTP_URL when it is set. */
export function wireLeaderDigests(
  services: {
    store: Store;
    units: UnitsService;
    unitDashboard: UnitDashboard;
    meetings: MeetingsService;
    actions: ActionsService;
    feedback: FeedbackService;
  },
  options: { publicUrl: string; smtpUrl?: string | undefined },
) {
  return createLeaderDigestService({
    store: services.store,
    figures: serviceFigures({ ...services, dashboard: services.unitDashboard }),
    publicUrl: options.publicUrl,
    sendMail: options.smtpUrl ? smtpMailer(options.smtpUrl, options.publicUrl) : null,
  });
}
