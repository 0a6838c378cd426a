import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../server/db/kysely/store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

describe.skipIf(!postgresAvailable)(postgresSuite('the store when PostgreSQL ends its connections'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let store: Store;
  const ended: Error[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase(serverUrl());
    store = await openStore({
      databaseUrl: database.url,
      dataDir: 'unused',
      poolSize: 3,
      onIdleConnectionError: (error) => ended.push(error),
    });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('drops the ended idle connections, says so, and answers the next query on a new one', async () => {
    // Three connections open and back in the pool, idle.
    await Promise.all([1, 2, 3].map(() => sql`SELECT pg_sleep(0.05)`.execute(store.db)));
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [new URL(database.url).pathname.slice(1)],
      );
      expect(rows[0]?.n).toBe(3);
    } finally {
      await admin.end();
    }
    for (let i = 0; i < 100 && ended.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toHaveLength(3);
    expect(ended[0]?.message).toMatch(/terminating connection/);
    const { rows } = await sql<{ answer: number }>`SELECT 41 + 1 AS answer`.execute(store.db);
    expect(rows).toEqual([{ answer: 42 }]);
  });
});
