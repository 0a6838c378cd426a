import { join } from 'node:path';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migratePostgres } from '../migrate-postgres.ts';
import { readMigrations } from '../migrate.ts';
import { databasePath, MIGRATIONS_DIR, openDatabase } from '../open.ts';
import { kadenceTypes } from './pg-types.ts';
import type { KadenceDatabase } from './schema.ts';

export const POSTGRES_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'postgres');

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; anything else (or nothing) the SQLite file in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** An open better-sqlite3 handle to share with the synchronous repositories instead of opening the file again. */
  sqlite?: SqliteDatabase;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  migrationsDir?: string;
}

export interface Store {
  db: Kysely<KadenceDatabase>;
  dialect: StoreDialect;
  close: () => Promise<void>;
}

export function storeDialect(databaseUrl: string | undefined): StoreDialect {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/**
 * The Kysely store over either database, migrated to head before it is returned (as openDatabase
 * does for SQLite). Closing a store built on a shared SQLite handle leaves that handle open.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (storeDialect(config.databaseUrl) === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10, types: kadenceTypes });
    try {
      await migratePostgres(pool, readMigrations(config.migrationsDir ?? POSTGRES_MIGRATIONS_DIR));
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = new Kysely<KadenceDatabase>({ dialect: new PostgresDialect({ pool }) });
    const close = async () => {
      await db.destroy();
      // Kysely ends the pool only once it has used it; the migration's connection is in it either way.
      if (!pool.ended) await pool.end();
    };
    return { db, dialect: 'postgres', close };
  }
  const shared = config.sqlite;
  const database = shared ?? openDatabase(databasePath(config.dataDir), config.migrationsDir);
  const db = new Kysely<KadenceDatabase>({
    dialect: new SqliteDialect({ database }),
  });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      if (shared) return;
      await db.destroy();
    },
  };
}
