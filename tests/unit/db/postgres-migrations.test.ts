import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../../server/db/migrate-postgres.ts';
import { MigrationError, readMigrations } from '../../../server/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../../server/db/open.ts';
import { POSTGRES_MIGRATIONS_DIR } from '../../../server/db/kysely/store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

const tables = async (pool: pg.Pool) =>
  (
    await pool.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    )
  ).rows.map((row) => row.name);

describe('PostgreSQL migrations mirror the SQLite ones', () => {
  it('have the same numbers and names, so one number is one schema change on both stores', () => {
    const names = (dir: string) => readMigrations(dir).map((file) => file.name);
    // A new SQLite migration needs its PostgreSQL twin under the same name in migrations/postgres/.
    expect(names(POSTGRES_MIGRATIONS_DIR)).toEqual(names(MIGRATIONS_DIR));
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('PostgreSQL migration runner'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let pool: pg.Pool;
  let dir: string;
  const write = (name: string, sql: string) => writeFileSync(join(dir, name), sql);

  beforeEach(async () => {
    database = await createScratchDatabase(serverUrl());
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    dir = mkdtempSync(join(tmpdir(), 'kadence-pg-migrations-'));
    write('0001_first.sql', 'CREATE TABLE a (id integer PRIMARY KEY);');
  });
  afterEach(async () => {
    await pool.end();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every file to an empty database and records it; a second run applies nothing', async () => {
    write('0002_second.sql', 'CREATE TABLE b (id integer PRIMARY KEY); CREATE TABLE c (id integer);');
    expect(await migratePostgres(pool, readMigrations(dir))).toEqual({
      applied: ['0001_first.sql', '0002_second.sql'],
      version: 2,
    });
    expect(await tables(pool)).toEqual(['a', 'b', 'c', 'schema_migrations']);
    expect(await migratePostgres(pool, readMigrations(dir))).toEqual({ applied: [], version: 2 });
  });

  it('rolls a broken file back completely and keeps the previous version', async () => {
    await migratePostgres(pool, readMigrations(dir));
    write('0002_broken.sql', 'CREATE TABLE c (id integer); CREATE TABLE oops (;');
    await expect(migratePostgres(pool, readMigrations(dir))).rejects.toThrow(MigrationError);
    expect(await tables(pool)).toEqual(['a', 'schema_migrations']);
    expect((await pool.query('SELECT version FROM schema_migrations')).rows).toEqual([{ version: 1 }]);
  });

  it('refuses a database migrated by newer code', async () => {
    write('0002_second.sql', 'CREATE TABLE b (id integer);');
    await migratePostgres(pool, readMigrations(dir));
    rmSync(join(dir, '0002_second.sql'));
    await expect(migratePostgres(pool, readMigrations(dir))).rejects.toThrow(/database is at version 2/);
  });

  it('refuses when the applied list is not a prefix of the files', async () => {
    await migratePostgres(pool, readMigrations(dir));
    rmSync(join(dir, '0001_first.sql'));
    write('0001_renamed.sql', 'CREATE TABLE a (id integer PRIMARY KEY);');
    await expect(migratePostgres(pool, readMigrations(dir))).rejects.toThrow(/does not match/);
  });

  it('lets two processes starting together on an empty database end with one applied set', async () => {
    const files = readMigrations(POSTGRES_MIGRATIONS_DIR);
    const other = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const [first, second] = await Promise.all([migratePostgres(pool, files), migratePostgres(other, files)]);
      // One of them applied everything, the other found it done; nothing failed, nothing twice.
      expect([first.applied.length, second.applied.length].sort((a, b) => a - b)).toEqual([0, files.length]);
      const recorded = await pool.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(recorded.rows).toEqual(files.map((file, index) => ({ version: index + 1, name: file.name })));
    } finally {
      await other.end();
    }
  });
});
