import type { Database } from 'better-sqlite3';
import type { Language } from '../../shared/language.ts';
import { sharedSqliteStore } from '../db/kysely/store.ts';
import { createRollups } from '../feedback/rollups.ts';
import { createAccessChanges } from '../realtime/access.ts';
import { createTeamsRepo } from '../teams/repo.ts';
import { createTeamsService } from '../teams/service.ts';
import { createUsersRepo } from '../users/repo.ts';
import { createMappingPresets } from './mappings.ts';
import { createImportsRepo } from './repo.ts';
import { createImportsService } from './service.ts';

/**
 * What a file import needs and nothing more: teams (to find the team), saved mappings and the
 * imports service. The full wiring (server/services.ts) builds these the same way, through this
 * function; the admin command line's `import` uses it alone, so it does not load mail, webhooks,
 * meetings or the live engine to import a file.
 */
export function createImportServices(db: Database, options: { defaultLanguage?: Language | undefined }) {
  const store = sharedSqliteStore(db);
  const users = createUsersRepo(db);
  const teams = createTeamsRepo(store.db);
  const access = createAccessChanges();
  const rollups = createRollups(db);
  const teamsService = createTeamsService({
    store,
    teams,
    users,
    access,
    rollups,
    ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
  });
  const importsRepo = createImportsRepo(db, rollups);
  return {
    rollups,
    usersRepo: users,
    teamsRepo: teams,
    access,
    teams: teamsService,
    importsRepo,
    imports: createImportsService({ db, imports: importsRepo }),
    mappings: createMappingPresets(db),
  };
}
export type ImportServices = ReturnType<typeof createImportServices>;
