import type { Database } from 'better-sqlite3';
import type { Language } from '../shared/language.ts';
import { createActionsServices } from './actions/wire.ts';
import { sharedSqliteStore } from './db/kysely/store.ts';
import { createLoginLimit } from './auth/login-limit.ts';
import { createSessionsRepo } from './auth/repo.ts';
import { createAuthService } from './auth/service.ts';
import { createFeedbackRepo } from './feedback/repo.ts';
import { createFeedbackService } from './feedback/service.ts';
import { createPulseRepo } from './pulse/repo.ts';
import { createPulseService } from './pulse/service.ts';
import { createMeetingsRepo } from './meetings/repo.ts';
import { createMeetingsService } from './meetings/service.ts';
import { createOverviewService } from './overview/service.ts';
import { createBoardThemes } from './live/board-themes.ts';
import { createLiveRepo } from './live/repo.ts';
import { createSyncMeetingScrub } from './live/scrub.ts';
import { createLiveStoreRepo } from './live/store-repo.ts';
import { createThemeAssignments } from './theme-trends/assignments.ts';
import { createThemeTrendsRepo } from './theme-trends/repo.ts';
import { createThemeTrends } from './theme-trends/service.ts';
import { createApiTokens } from './imports/tokens.ts';
import { createImportServices } from './imports/wire.ts';
import { createInvitesRepo } from './invites/repo.ts';
import { createInvitesService } from './invites/service.ts';
import { smtpMailer } from './mail.ts';
import { createUnitDashboard } from './units/dashboard.ts';
import { createUnitsRepo } from './units/repo.ts';
import { createUnitsService } from './units/service.ts';
import { createUsersService } from './users/service.ts';

export interface ServiceOptions {
  sessionDays: number;
  publicUrl: string;
  /** Internal webhook receivers that may be reached although their address is private. */
  webhookAllowedHosts?: readonly string[];
  /** Sign-in attempts per account per minute (LOGIN_RATE_LIMIT). */
  loginRateLimit?: number;
  /** A new team's language when none is given (DEFAULT_LANGUAGE); Danish when absent. */
  defaultLanguage?: Language;
  /** SMTP_URL: invite links can be sent by e-mail when it is set. */
  smtpUrl?: string | undefined;
}

/** Wires repositories and services once per database; shared by HTTP routes, sockets and the CLI. */
export function createServices(db: Database, options: ServiceOptions) {
  // The Kysely store the converted repositories run on, over the same handle (docs/postgres.md).
  const store = sharedSqliteStore(db);
  const importing = createImportServices(db, { defaultLanguage: options.defaultLanguage });
  const {
    usersRepo: users,
    teamsRepo: teams,
    access,
    teams: teamsService,
    importsRepo,
    imports: importsService,
  } = importing;
  const usersService = createUsersService(users);
  const authService = createAuthService({
    db,
    users,
    sessions: createSessionsRepo(db),
    usersService,
    sessionDays: options.sessionDays,
    loginLimit: createLoginLimit(db, options.loginRateLimit ?? 10),
    access,
  });
  const invitesService = createInvitesService({
    db,
    invites: createInvitesRepo(db),
    teams,
    teamsService,
    usersService,
    authService,
    publicUrl: options.publicUrl,
    sendMail: options.smtpUrl ? smtpMailer(options.smtpUrl, options.publicUrl) : null,
  });
  const themeTrends = createThemeTrends({
    assignments: createThemeAssignments({
      board: createBoardThemes(createLiveRepo(store.db, store.dialect), createLiveStoreRepo(store)),
      repo: createThemeTrendsRepo(db),
    }),
  });
  const feedbackService = createFeedbackService({
    db,
    feedback: createFeedbackRepo(db),
    rollups: importing.rollups,
    imports: importsRepo,
    // Erasure still runs in one better-sqlite3 transaction, so it rewrites meeting logs on that handle.
    live: createSyncMeetingScrub(db),
    themes: themeTrends,
  });
  const core = {
    /** Sessions ended and memberships changed, for the sockets to follow at once. */
    access,
    users: usersService,
    teams: teamsService,
    auth: authService,
    invites: invitesService,
    imports: importsService,
    apiTokens: createApiTokens(db),
    mappings: importing.mappings,
    meetings: createMeetingsService({ db, repo: createMeetingsRepo(db) }),
    pulse: createPulseService({ db, pulse: createPulseRepo(db), teams: teamsService }),
    feedback: feedbackService,
    themeTrends,
    ...createActionsServices({
      db,
      teams,
      teamsService,
      feedback: feedbackService,
      webhookAllowedHosts: options.webhookAllowedHosts ?? [],
    }),
  };
  const units = createUnitsService({ db, units: createUnitsRepo(db), teams, users });
  const unitDashboard = createUnitDashboard({ units, meetings: core.meetings, actions: core.actions, teams });
  return { ...core, store, units, unitDashboard, overview: createOverviewService({ ...core, units }) };
}
export type Services = ReturnType<typeof createServices>;
