// Which store the API, realtime and browser tests run Kadence on. SQLite by default; with
// KADENCE_TEST_STORE=postgres (the second run of `npm test`, through tests/with-postgres.ts) every
// app or server a test starts gets a database of its own on the throwaway PostgreSQL.
// A test file that cannot run on PostgreSQL says so in its first lines with
//   // Store: SQLite only (the reason)
// and the PostgreSQL run leaves it out (tests/store-exclusions.mjs).
import { createScratchDatabase } from './postgres.ts';

export type TestStore = 'sqlite' | 'postgres';

export const testStore: TestStore = process.env.KADENCE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The environment that points a Kadence at this run's store: nothing on SQLite (the caller's own
 * DATA_DIR or in-memory file), a fresh DATABASE_URL on PostgreSQL. The databases live on the
 * throwaway server, which is removed with everything on it when the run ends.
 */
export async function testStoreEnv(): Promise<Record<string, string>> {
  if (testStore === 'sqlite') return {};
  const server = process.env.KADENCE_TEST_POSTGRES_URL;
  if (!server) {
    throw new Error(
      'KADENCE_TEST_STORE=postgres needs the throwaway server: run through tests/with-postgres.ts (npm test does).',
    );
  }
  return { DATABASE_URL: (await createScratchDatabase(server)).url };
}

const byDataDir = new Map<string, Promise<Record<string, string>>>();

/** As testStoreEnv, once per data directory: a server restarted on the same directory finds its data again. */
export function testStoreEnvFor(dataDir: string): Promise<Record<string, string>> {
  let env = byDataDir.get(dataDir);
  if (!env) {
    env = testStoreEnv();
    byDataDir.set(dataDir, env);
  }
  return env;
}

/** Fails at once when an app meant for this run's store opened another (a setting not taken up would pass silently). */
export function assertTestStore(actual: string): void {
  if (actual !== testStore) throw new Error(`the tests run on ${testStore}, but Kadence opened ${actual}`);
}
