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

export interface OpenedPair {
  /** Two stores on one database, each with its own connections, as two Kadence processes have. */
  stores: [Store, Store];
  done: () => Promise<void>;
}

/**
 * As onBothStores, but each opener call gives two stores on one new database: two better-sqlite3
 * handles on one SQLite file, or two pools on one PostgreSQL database.
 */
export function onBothStoresTwice(title: string, cases: (open: () => Promise<OpenedPair>) => void): void {
  describe(`${title} (SQLite, two handles on one file)`, () => {
    cases(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kadence-store-'));
      const stores: [Store, Store] = [await openStore({ dataDir: dir }), await openStore({ dataDir: dir })];
      return {
        stores,
        done: async () => {
          await Promise.all(stores.map((store) => store.close()));
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
  });
  describe.skipIf(!postgresAvailable)(postgresSuite(`${title}, two pools on one database`), () => {
    const serverUrl = usePostgresServer();
    cases(async () => {
      const database: ScratchDatabase = await createScratchDatabase(serverUrl());
      const open = () => openStore({ databaseUrl: database.url, dataDir: 'unused', poolSize: 4 });
      const stores: [Store, Store] = [await open(), await open()];
      return {
        stores,
        done: async () => {
          await Promise.all(stores.map((store) => store.close()));
          await database.drop();
        },
      };
    });
  });
}
