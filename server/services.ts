import type { Language } from '../shared/language.ts';
import { createActionsServices } from './actions/wire.ts';
import type { Store } from './db/kysely/store.ts';
import { createLoginLimit } from './auth/login-limit.ts';
import { createAuthService } from './auth/service.ts';
import { createFeedbackService } from './feedback/service.ts';
import { createPulseService } from './pulse/service.ts';
import { createMeetingsService } from './meetings/service.ts';
import { createOverviewService } from './overview/service.ts';
import { createBoardThemes } from './live/board-themes.ts';
import { createLiveRepo } from './live/repo.ts';
import { createLiveStoreRepo } from './live/store-repo.ts';
import { createErasures } from './realtime/erasures.ts';
import { createThemeAssignments } from './theme-trends/assignments.ts';
import { createThemeTrendsRepo } from './theme-trends/repo.ts';
import { createThemeTrends } from './theme-trends/service.ts';
import { createApiTokens } from './imports/tokens.ts';
import { createImportsRepo } from './imports/repo.ts';
import { createImportServices } from './imports/wire.ts';
import { createInvitesService } from './invites/service.ts';
import { wireLeaderDigests } from './leader-digest/wire.ts';
import { smtpMailer } from './mail.ts';
import { createUnitDashboard } from './units/dashboard.ts';
import { createWowWall } from './units/dashboard-wow.ts';
import { createUnitsRepo } from './units/repo.ts';
import { createUnitThemesRepo } from './units/themes-repo.ts';
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

/** Wires repositories and services once per store (SQLite or PostgreSQL); shared by HTTP routes, sockets and the CLI. */
export function createServices(store: Store, options: ServiceOptions) {
  const importing = createImportServices(store, { defaultLanguage: options.defaultLanguage });
  const { usersRepo: users, teamsRepo: teams, access, teams: teamsService, imports: importsService } = importing;
  const usersService = createUsersService({ store });
  const authService = createAuthService({
    store,
    usersService,
    sessionDays: options.sessionDays,
    loginLimit: createLoginLimit(store, options.loginRateLimit ?? 10),
    access,
  });
  const invitesService = createInvitesService({
    store,
    teamsService,
    usersService,
    authService,
    publicUrl: options.publicUrl,
    sendMail: options.smtpUrl ? smtpMailer(options.smtpUrl, options.publicUrl) : null,
  });
  const themeTrends = createThemeTrends({
    assignments: createThemeAssignments({
      board: createBoardThemes(createLiveRepo(store.db, store.dialect), createLiveStoreRepo(store)),
      repo: createThemeTrendsRepo(store.db, store.dialect),
    }),
  });
  const erasures = createErasures(store.dialect);
  const feedbackService = createFeedbackService({
    store,
    erasures,
    imports: (trx) => createImportsRepo(trx, importing.importsRepoDeps),
    live: (trx) => createLiveRepo(trx, store.dialect),
    themes: themeTrends,
  });
  const core = {
    /** Sessions ended and memberships changed, for the sockets to follow at once. */
    access,
    /** Meetings whose stored logs an erasure rewrote, for what holds them in memory to drop. */
    erasures,
    users: usersService,
    teams: teamsService,
    auth: authService,
    invites: invitesService,
    imports: importsService,
    apiTokens: createApiTokens(store.db),
    mappings: importing.mappings,
    meetings: createMeetingsService({ store }),
    pulse: createPulseService({ store, teams: teamsService }),
    feedback: feedbackService,
    themeTrends,
    ...createActionsServices({
      store,
      teamsService,
      feedback: feedbackService,
      webhookAllowedHosts: options.webhookAllowedHosts ?? [],
    }),
  };
  const units = createUnitsService({ store, units: createUnitsRepo(store.db), teams, users });
  const unitDashboard = createUnitDashboard({
    units,
    meetings: core.meetings,
    actions: core.actions,
    teams,
    feedback: core.feedback,
    pulse: core.pulse,
    themesRepo: createUnitThemesRepo(store.db),
  });
  const leaderDigests = wireLeaderDigests({ ...core, store, units, unitDashboard }, options);
  const wowWall = createWowWall({ store, units });
  return {
    ...core,
    store,
    units,
    unitDashboard,
    wowWall,
    leaderDigests,
    overview: createOverviewService({ ...core, units }),
  };
}
export type Services = ReturnType<typeof createServices>;
