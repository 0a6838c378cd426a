import type { Database } from 'better-sqlite3';
import { createActionsServices } from './actions/wire.ts';
import { createSessionsRepo } from './auth/repo.ts';
import { createAuthService } from './auth/service.ts';
import { createFeedbackRepo } from './feedback/repo.ts';
import { createFeedbackService } from './feedback/service.ts';
import { createPulseRepo } from './pulse/repo.ts';
import { createPulseService } from './pulse/service.ts';
import { createMeetingsRepo } from './meetings/repo.ts';
import { createMeetingsService } from './meetings/service.ts';
import { createOverviewService } from './overview/service.ts';
import { createImportsRepo } from './imports/repo.ts';
import { createLiveRepo } from './live/repo.ts';
import { createImportsService } from './imports/service.ts';
import { createMappingPresets } from './imports/mappings.ts';
import { createApiTokens } from './imports/tokens.ts';
import { createInvitesRepo } from './invites/repo.ts';
import { createInvitesService } from './invites/service.ts';
import { createTeamsRepo } from './teams/repo.ts';
import { createTeamsService } from './teams/service.ts';
import { createUsersRepo } from './users/repo.ts';
import { createUsersService } from './users/service.ts';

export interface ServiceOptions {
  sessionDays: number;
  publicUrl: string;
}

/** Wires repositories and services once per database; shared by HTTP routes, sockets and the CLI. */
export function createServices(db: Database, options: ServiceOptions) {
  const users = createUsersRepo(db);
  const teams = createTeamsRepo(db);
  const usersService = createUsersService(users);
  const teamsService = createTeamsService({ db, teams, users });
  const authService = createAuthService({ db, users, sessions: createSessionsRepo(db), usersService, sessionDays: options.sessionDays });
  const invitesService = createInvitesService({
    db,
    invites: createInvitesRepo(db),
    teams,
    teamsService,
    usersService,
    authService,
    publicUrl: options.publicUrl,
  });
  const importsRepo = createImportsRepo(db);
  const importsService = createImportsService({ db, imports: importsRepo });
  const feedbackService = createFeedbackService({ db, feedback: createFeedbackRepo(db), imports: importsRepo, live: createLiveRepo(db) });
  const core = {
    users: usersService,
    teams: teamsService,
    auth: authService,
    invites: invitesService,
    imports: importsService,
    apiTokens: createApiTokens(db),
    mappings: createMappingPresets(db),
    meetings: createMeetingsService({ db, repo: createMeetingsRepo(db) }),
    pulse: createPulseService({ db, pulse: createPulseRepo(db), teams: teamsService }),
    feedback: feedbackService,
    ...createActionsServices({ db, teams, teamsService, feedback: feedbackService }),
  };
  return { ...core, overview: createOverviewService(core) };
}
export type Services = ReturnType<typeof createServices>;
