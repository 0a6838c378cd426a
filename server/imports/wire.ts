import type { Language } from '../../shared/language.ts';
import type { Store } from '../db/kysely/store.ts';
import { createAccessChanges } from '../realtime/access.ts';
import { createTeamsRepo } from '../teams/repo.ts';
import { createTeamsService } from '../teams/service.ts';
import { createUsersRepo } from '../users/repo.ts';
import { createMappingPresets } from './mappings.ts';
import { type ImportsRepoDeps, createImportsRepo } from './repo.ts';
import { createImportsService } from './service.ts';

/**
 * What a file import needs and nothing more: teams (to find the team), saved mappings and the
 * imports service. The full wiring (server/services.ts) builds these the same way, through this
 * function; the admin command line's `import` uses it alone, so it does not load mail, webhooks,
 * meetings or the live engine to import a file.
 */
export function createImportServices(store: Store, options: { defaultLanguage?: Language | undefined }) {
  const users = createUsersRepo(store.db);
  const teams = createTeamsRepo(store.db);
  const access = createAccessChanges(store);
  const teamsService = createTeamsService({
    store,
    teams,
    users,
    access,
    ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
  });
  // On SQLite the bulk insert runs on the handle under the store, inside the store's transactions.
  const repoDeps: ImportsRepoDeps = {
    dialect: store.dialect,
    sqlite: store.sqlite,
  };
  const importsRepo = createImportsRepo(store.db, repoDeps);
  return {
    usersRepo: users,
    teamsRepo: teams,
    access,
    teams: teamsService,
    importsRepo,
    importsRepoDeps: repoDeps,
    imports: createImportsService({ store, repo: repoDeps }),
    mappings: createMappingPresets(store.db),
  };
}
export type ImportServices = ReturnType<typeof createImportServices>;
