import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { migrate, readMigrations } from './migrate.ts';

// Two folders up from this file (server/db/) and from the bundle (dist/server/) alike: a release
// keeps migrations/ beside dist/, as tests/api/release.test.ts checks.
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

export function databasePath(dataDir: string): string {
  return join(dataDir, 'kadence.db');
}

/** Opens (creating if needed) and migrates the database. `:memory:` is accepted for tests. */
export function openDatabase(file: string, migrationsDir = MIGRATIONS_DIR): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Everything Kadence acknowledges to a person must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, readMigrations(migrationsDir));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
