// One set of repository cases on both stores: a fresh migrated SQLite file and a scratch
// PostgreSQL database (skipped, and named so, when the machine has no PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openStore, type Store } from '../../server/db/kysely/store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from './postgres.ts';

export interface OpenedStore {
  store: Store;
  done: () => Promise<void>;
}

/**
 * Declares `cases` twice, in a describe per store. `cases` receives an opener to call in its own
 * beforeAll (or beforeEach): each call gives a new empty store migrated to head, and `done` removes it.
 */
export function onBothStores(title: string, cases: (open: () => Promise<OpenedStore>) => void): void {
  describe(`${title} (SQLite)`, () => {
    cases(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kadence-store-'));
      const store = await openStore({ dataDir: dir });
      return {
        store,
        done: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
  });
  describe.skipIf(!postgresAvailable)(postgresSuite(title), () => {
    const serverUrl = usePostgresServer();
    cases(async () => {
      const database: ScratchDatabase = await createScratchDatabase(serverUrl());
      const store = await openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 4 });
      return {
        store,
        done: async () => {
          await store.close();
          await database.drop();
        },
      };
    });
  });
}
