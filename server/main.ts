import { actionDigestJobs } from './actions/timers.ts';
import { startWebhookWorker } from './actions/webhooks.ts';
import { buildApp } from './app.ts';
import { startPeriodicJobs } from './jobs/periodic.ts';
import { processWorkerId } from './jobs/worker-id.ts';
import { leaderDigestJob, startLeaderDigestMailRetries } from './leader-digest/timers.ts';
import { meetingScheduleJob } from './meetings/timers.ts';
import { loadConfig } from './plugins/config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  // Background work runs once across every process on the database: webhook deliveries are leased
  // row by row, the hourly jobs claim their hour (server/jobs/periodic.ts).
  const stopWebhooks = startWebhookWorker(app.services.webhooks, app.log);
  const stopDigestRetries = startLeaderDigestMailRetries(app.services.leaderDigests, app.log);
  const stopPeriodic = startPeriodicJobs({
    store: app.services.store,
    jobs: [
      meetingScheduleJob(app.services.meetings),
      leaderDigestJob(app.services.leaderDigests),
      ...actionDigestJobs({ services: app.services, smtpUrl: config.smtpUrl, publicUrl: config.publicUrl }),
    ],
    log: app.log,
    options: { workerId: processWorkerId() },
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: closing sockets and the database');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    Promise.all([stopPeriodic(), stopWebhooks(), stopDigestRetries()])
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(`kadence: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
