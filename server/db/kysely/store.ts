import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import {
  Kysely,
  sql,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import { migratePostgres } from '../migrate-postgres.ts';
import { readMigrations } from '../migrate.ts';
import { databasePath, MIGRATIONS_DIR, openDatabase } from '../open.ts';
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
  /**
   * An idle pooled connection that PostgreSQL ended (a restart, a failover, an administrator). The
   * pool drops it and the next query opens a new one; without a listener the process would stop.
   */
  onIdleConnectionError?: (error: Error) => void;
  migrationsDir?: string;
}

/** What a repository runs its queries on: the store's root, or a transaction of it. */
export type Executor = Kysely<KadenceDatabase>;
export type StoreTransaction = Transaction<KadenceDatabase>;

export interface Store {
  db: Kysely<KadenceDatabase>;
  dialect: StoreDialect;
  /** PostgreSQL's URL, for a connection of its own outside the pool (LISTEN); undefined on SQLite. */
  connectionString?: string | undefined;
  /**
   * On SQLite, the better-sqlite3 handle under the store: for the import's bulk insert (inside the
   * store's transactions), backups and the tests' direct reads. Absent on PostgreSQL.
   */
  sqlite?: SqliteDatabase;
  /**
   * Runs `fn` in one transaction and commits when it resolves (rolls back when it throws). Inside,
   * every query goes through `trx`: one through `db`, or a nested `transaction`, is refused at once
   * (on SQLite's one connection it would wait for this transaction forever; on PostgreSQL it would
   * run outside it). No I/O other than this database inside: mail, webhooks and socket emits
   * happen after the commit.
   */
  transaction<T>(fn: (trx: StoreTransaction) => Promise<T>): Promise<T>;
  close: () => Promise<void>;
}

const insideTransaction = new AsyncLocalStorage<true>();

/** A driver that refuses a connection for the root while the caller is inside one of the store's transactions. */
class TransactionGuardDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  acquireConnection(): Promise<DatabaseConnection> {
    if (insideTransaction.getStore()) {
      return Promise.reject(
        new Error('A query through the store ran inside one of its transactions: use the transaction (trx) there.'),
      );
    }
    return this.inner.acquireConnection();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}

function guarded(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new TransactionGuardDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

function storeOf(
  db: Kysely<KadenceDatabase>,
  dialect: StoreDialect,
  close: () => Promise<void>,
  sqlite?: SqliteDatabase,
  connectionString?: string,
): Store {
  return {
    db,
    dialect,
    ...(sqlite ? { sqlite } : {}),
    ...(connectionString ? { connectionString } : {}),
    close,
    transaction: (fn) => db.transaction().execute((trx) => insideTransaction.run(true, () => fn(trx))),
  };
}

/**
 * Kysely prepares every query it runs; better-sqlite3's prepare costs more than most of Kadence's
 * queries, so the handle Kysely sees keeps the statements of recent SQL texts (bounded: queries
 * with IN lists of many lengths give many texts).
 */
function cachingStatements(database: SqliteDatabase, size = 512) {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string): Statement {
      const cached = cache.get(sqlText);
      if (cached) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = database.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
  };
}

const sharedStores = new WeakMap<SqliteDatabase, Store>();

/**
 * The store over an open better-sqlite3 handle that the synchronous repositories also use, so
 * both see one database and one transaction order while the repositories are converted. One store
 * per handle (two would each queue their own transactions on the one connection). Closing it
 * leaves the handle open.
 */
export function sharedSqliteStore(database: SqliteDatabase): Store {
  const known = sharedStores.get(database);
  if (known) return known;
  const db = new Kysely<KadenceDatabase>({
    dialect: guarded(new SqliteDialect({ database: cachingStatements(database) })),
  });
  const store = storeOf(db, 'sqlite', async () => {}, database);
  sharedStores.set(database, store);
  return store;
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
    // PostgreSQL's driver is loaded only when it is used: a command on SQLite (the CLI's import) never loads it.
    const [{ default: pg }, { kadenceTypes }] = await Promise.all([import('pg'), import('./pg-types.ts')]);
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 20, types: kadenceTypes });
    pool.on(
      'error',
      config.onIdleConnectionError ??
        ((error) => process.stderr.write(`PostgreSQL ended an idle connection: ${error.message}\n`)),
    );
    try {
      await migratePostgres(pool, readMigrations(config.migrationsDir ?? POSTGRES_MIGRATIONS_DIR));
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = new Kysely<KadenceDatabase>({ dialect: guarded(new PostgresDialect({ pool })) });
    return storeOf(
      db,
      'postgres',
      async () => {
        await db.destroy();
        // Kysely ends the pool only once it has used it; the migration's connection is in it either way.
        if (!pool.ended) await pool.end();
      },
      undefined,
      config.databaseUrl,
    );
  }
  if (config.sqlite) return sharedSqliteStore(config.sqlite);
  const database = openDatabase(databasePath(config.dataDir), config.migrationsDir);
  const db = new Kysely<KadenceDatabase>({
    dialect: guarded(new SqliteDialect({ database: cachingStatements(database) })),
  });
  return storeOf(db, 'sqlite', () => db.destroy(), database);
}

/** The newest migration applied to the store's database (both runners record each in schema_migrations). */
export async function migratedVersion(store: Store): Promise<number> {
  const result = await sql<{ version: number | null }>`SELECT max(version) AS version FROM schema_migrations`.execute(
    store.db,
  );
  return Number(result.rows[0]?.version ?? 0);
}
