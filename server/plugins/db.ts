import fp from 'fastify-plugin';
import type { Database } from 'better-sqlite3';
import { openStore, type Store } from '../db/kysely/store.ts';
import { openDatabase } from '../db/open.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The store every repository runs on: the SQLite file, or PostgreSQL with DATABASE_URL. */
    store: Store;
    /** The SQLite handle under the store; on PostgreSQL there is none and reading it throws. */
    db: Database;
  }
}

/** Opens and migrates the store (refusing a database newer than the code); closes it last on shutdown. */
export default fp<{ file: string; databaseUrl?: string | undefined }>(
  async (app, options) => {
    let store: Store;
    if (options.databaseUrl) {
      store = await openStore({
        databaseUrl: options.databaseUrl,
        dataDir: '',
        onIdleConnectionError: (error) => app.log.warn({ err: error }, 'PostgreSQL ended an idle connection'),
      });
    } else {
      // The file (or ':memory:' in tests) is opened here so that closing the app closes it.
      const sqlite = openDatabase(options.file);
      const shared = await openStore({ dataDir: '', sqlite });
      store = {
        ...shared,
        close: async () => {
          sqlite.close();
        },
      };
    }
    app.decorate('store', store);
    app.decorate('db', {
      getter(): Database {
        if (!store.sqlite) throw new Error('Kadence runs on PostgreSQL here: there is no SQLite handle.');
        return store.sqlite;
      },
    });
    app.addHook('onClose', async () => {
      await store.close();
    });
  },
  { name: 'db' },
);
