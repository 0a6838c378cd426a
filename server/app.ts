import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MAX_SOCKET_MESSAGE_BYTES } from '../shared/events.ts';
import type { AppConfig } from './plugins/config.ts';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin from './plugins/errors.ts';
import ioPlugin from './plugins/io.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityPlugin from './plugins/security.ts';
import servicesPlugin from './plugins/services.ts';
import staticPlugin from './plugins/static.ts';
import { validatorCompiler } from './plugins/validation.ts';
import { actionRoutes } from './actions/routes.ts';
import { registerActionsSocket } from './actions/socket.ts';
import { authRoutes } from './auth/routes.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { overviewRoutes } from './overview/routes.ts';
import { pulseRoutes } from './pulse/routes.ts';
import { ingestRoutes } from './imports/ingest-routes.ts';
import { importRoutes } from './imports/routes.ts';
import { createUploadStore } from './imports/uploads.ts';
import { inviteRoutes } from './invites/routes.ts';
import { leaderDigestRoutes } from './leader-digest/routes.ts';
import { teamRoutes } from './teams/routes.ts';
import { themeTrendRoutes } from './theme-trends/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { wowRoutes } from './units/wow-routes.ts';
import { registerTeamSocket } from './teams/socket.ts';
import { liveActions } from './live/actions.ts';
import { createLive } from './live/index.ts';
import { startSharing } from './realtime/shared.ts';

export interface BuildOptions {
  /** Where the built client lives; tests point it elsewhere or at nothing. */
  clientDir?: string;
  logger?: boolean;
}

/** Builds the whole Kadence app from a config, without listening: the same for tests and main. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const secureCookies = config.publicUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 256 * 1024,
    // Slow clients are cut off instead of holding a connection: Node checks the header and request
    // deadlines every checking interval, so it is kept at a second; idle sockets time out on their own.
    http: { headersTimeout: config.timeouts.headersMs, connectionsCheckingInterval: 1000 },
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.idleMs,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  // Order matters: errors first so every later failure has the standard shape; then storage,
  // services, security (cookies, CSRF, rate limits) and the session that depends on them.
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { file: config.databaseFile, databaseUrl: config.databaseUrl });
  await app.register(servicesPlugin, {
    sessionDays: config.sessionDays,
    publicUrl: config.publicUrl,
    webhookAllowedHosts: config.webhookAllowedHosts,
    loginRateLimit: config.loginRateLimit,
    defaultLanguage: config.defaultLanguage,
    smtpUrl: config.smtpUrl,
  });
  await app.register(securityPlugin, { cookieSecret: config.cookieSecret, secureCookies });
  await app.register(authPlugin, { secureCookies });
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes(config.loginRateLimit));
  await app.register(teamRoutes);
  await app.register(inviteRoutes);
  await app.register(actionRoutes);
  await app.register(
    importRoutes(
      createUploadStore(config.uploadDir, {
        maxFileBytes: config.uploadMaxBytes,
        teamQuotaBytes: config.uploadTeamQuotaBytes,
      }),
    ),
  );
  await app.register(ingestRoutes);
  await app.register(feedbackRoutes);
  await app.register(themeTrendRoutes);
  await app.register(pulseRoutes);
  await app.register(meetingRoutes);
  await app.register(overviewRoutes);
  await app.register(unitRoutes);
  await app.register(wowRoutes);
  await app.register(leaderDigestRoutes);
  // Decisions and the follow-up step go through the actions service, like the tracker's changes.
  const live = createLive(app.services.store, liveActions(app.services));
  await app.register(live.routes);
  // An erasure rewrites meetings' stored logs; the engine must not keep serving its cached copy.
  app.services.feedback.onErased((meetingIds) => live.engine.forget(meetingIds));

  await app.register(ioPlugin, { allowedOrigins: config.allowedOrigins, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  // Several processes on one PostgreSQL database: what they share goes through one LISTEN connection.
  const listener = await startSharing(app);
  registerTeamSocket(app);
  registerActionsSocket(app);
  await live.attach(app, listener);
  // Imports cut short by a crash or a kill are removed before anyone can see half of them.
  await app.services.imports.recoverInterrupted();
  // Teams from before the monthly rollups get theirs before any KPI is read from them.
  await app.services.feedback.buildMissingRollups();

  await app.register(staticPlugin, options.clientDir === undefined ? {} : { root: options.clientDir });
  return app;
}
