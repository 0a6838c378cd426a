import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../server/db/open.ts';
import { createServices, type Services } from '../../server/services.ts';
import { sharedSqliteStore } from '../../server/db/kysely/store.ts';
import type { Team } from '../../shared/schemas/teams.ts';

/** Services over a fresh in-memory database with one team in Copenhagen time. */
export async function makeServices(): Promise<{
  db: Database;
  services: Services;
  team: { id: number; slug: string; timezone: string; language: Team['language'] };
}> {
  const db = openDatabase(':memory:');
  const services = createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://localhost:3000' });
  const created = await services.teams.create({
    name: 'Kundeservice',
    slug: 'kundeservice',
    timezone: 'Europe/Copenhagen',
  });
  return {
    db,
    services,
    team: { id: created.id, slug: created.slug, timezone: created.timezone, language: created.language },
  };
}
