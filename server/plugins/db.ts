import fp from 'fastify-plugin';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** Opens and migrates the SQLite database; closes it last on shutdown. */
export default fp<{ file: string }>(
  async (app, options) => {
    const db = openDatabase(options.file);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'db' },
);
