// PostgreSQL for a test file: KADENCE_TEST_POSTGRES_URL when `npm test` (tests/with-postgres.ts) has set it, else a
// throwaway server of this file's own. Each test gets a fresh database on it, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { findPostgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './postgres-throwaway.ts';

const fromRunner = process.env.KADENCE_TEST_POSTGRES_URL;
const givenUrl = fromRunner?.startsWith('postgres') ? fromRunner : undefined;
const bindir = givenUrl ? null : findPostgresBinaries();

/** False only when there is neither a KADENCE_TEST_POSTGRES_URL nor PostgreSQL binaries; in CI that is an error. */
export const postgresAvailable = Boolean(givenUrl ?? bindir);
if (!postgresAvailable && process.env.CI === 'true') {
  throw new Error(
    'CI runs the PostgreSQL tests: set KADENCE_TEST_POSTGRES_URL or install PostgreSQL 15 (initdb, pg_ctl).',
  );
}

/** A describe title that says, when the suite is skipped, why. */
export function postgresSuite(title: string): string {
  return postgresAvailable ? `${title} (PostgreSQL)` : `${title} (skipped: no PostgreSQL)`;
}

/** Call at the top of a PostgreSQL describe block: returns a getter for the server's URL. */
export function usePostgresServer(): () => string {
  let own: ThrowawayPostgres | undefined;
  let url = givenUrl;
  beforeAll(async () => {
    if (url || !bindir) return;
    own = await startThrowawayPostgres(bindir);
    url = own.url;
  }, 120_000);
  afterAll(() => own?.stop());
  return () => {
    if (!url) throw new Error('no PostgreSQL server');
    return url;
  };
}

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A new, empty database on the server at `serverUrl`, for one test. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `kadence_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // A pool that was just ended may still be closing its connections; FORCE would end them
        // under their clients' feet, so wait for them to go first and force only what lingers.
        for (let i = 0; i < 100; i++) {
          const open = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (open.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
