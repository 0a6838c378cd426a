import { startActionTimers } from './actions/timers.ts';
import { buildApp } from './app.ts';
import { startMeetingSchedule } from './meetings/timers.ts';
import { loadConfig } from './plugins/config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  const stopSchedule = startMeetingSchedule({ meetings: app.services.meetings, log: app.log });
  const stopTimers = startActionTimers({
    services: app.services,
    smtpUrl: config.smtpUrl,
    publicUrl: config.publicUrl,
    log: app.log,
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: closing sockets and the database');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopSchedule()
      .then(() => stopTimers())
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
