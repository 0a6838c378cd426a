import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../server/db/migrate.ts';
import { databasePath, MIGRATIONS_DIR, openDatabase } from '../../../server/db/open.ts';
import {
  openStore,
  POSTGRES_MIGRATIONS_DIR,
  storeDialect,
  type Store,
  type StoreConfig,
} from '../../../server/db/kysely/store.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

const head = (dir: string) => readMigrations(dir).length;

it('chooses PostgreSQL only for a postgres:// DATABASE_URL', () => {
  expect(storeDialect(undefined)).toBe('sqlite');
  expect(storeDialect('')).toBe('sqlite');
  expect(storeDialect('postgres://kadence@127.0.0.1/kadence')).toBe('postgres');
  expect(storeDialect('postgresql://kadence@db.intern/kadence')).toBe('postgres');
  expect(storeDialect('mysql://x')).toBe('sqlite');
});

/** The same cases on both stores: a store is opened from its config alone. */
function storeCases(name: string, config: () => Promise<StoreConfig>, migrationsDir: string) {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await config());
  });
  afterAll(async () => store?.close());

  it(`${name}: is migrated from empty to head when opened`, async () => {
    const rows = await sql<{
      version: number;
      name: string;
    }>`SELECT version, name FROM schema_migrations ORDER BY version`.execute(store.db);
    expect(rows.rows.map((row) => row.name)).toEqual(readMigrations(migrationsDir).map((file) => file.name));
    expect(rows.rows.at(-1)?.version).toBe(head(migrationsDir));
  });

  it(`${name}: returns rows of the same shape: numbers, ISO instants with milliseconds, local dates as text`, async () => {
    const user = await store.db
      .insertInto('users')
      .values({ email: `Anna.${name}@Example.dk`, name: 'Anna', password_hash: 'x' })
      .returning(['id', 'created_at', 'is_admin'])
      .executeTakeFirstOrThrow();
    expect(typeof user.id).toBe('number');
    expect(user.is_admin).toBe(0);
    expect(user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const team = await store.db
      .insertInto('teams')
      .values({ name: 'Kundeservice', slug: `ks-${name}` })
      .returning(['id', 'language', 'timezone'])
      .executeTakeFirstOrThrow();
    expect(team).toMatchObject({ language: 'da', timezone: 'Europe/Copenhagen' });
    const action = await store.db
      .insertInto('actions')
      .values({
        team_id: team.id,
        title: 'Ring kunden op',
        due_date: '2026-12-08',
        done_at: '2026-12-02T09:30:00.250Z',
      })
      .returning(['due_date', 'done_at', 'status'])
      .executeTakeFirstOrThrow();
    expect(action).toEqual({ due_date: '2026-12-08', done_at: '2026-12-02T09:30:00.250Z', status: 'open' });
    // E-mail addresses compare without regard to case, as COLLATE NOCASE does in SQLite.
    const found = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `anna.${name}@example.dk`)
      .executeTakeFirst();
    expect(found?.id).toBe(user.id);
    const counted = await store.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // count(*) is a bigint on PostgreSQL: the store reads it back as a number, as SQLite gives it.
    expect(counted.n).toBeGreaterThan(0);
    expect(typeof counted.n).toBe('number');
  });

  it(`${name}: rolls a failed transaction back whole`, async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: `rollback-${name}`, value: '1' })
          .execute();
        await trx
          .insertInto('settings')
          .values({ key: `rollback-${name}`, value: '2' })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await store.db.selectFrom('settings').selectAll().where('key', '=', `rollback-${name}`).execute()).toEqual(
      [],
    );
  });

  it(`${name}: store.transaction commits what it wrote and rolls back what threw`, async () => {
    const key = `tx-${name}`;
    const value = await store.transaction(async (trx) => {
      await trx.insertInto('settings').values({ key, value: 'kept' }).execute();
      return 'returned';
    });
    expect(value).toBe('returned');
    await expect(
      store.transaction(async (trx) => {
        await trx.updateTable('settings').set({ value: 'lost' }).where('key', '=', key).execute();
        throw new Error('refused by a rule');
      }),
    ).rejects.toThrow('refused by a rule');
    const row = await store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    expect(row?.value).toBe('kept');
  });

  it(`${name}: refuses a query through the root, or a nested transaction, inside a transaction`, async () => {
    const key = `guard-${name}`;
    await expect(
      store.transaction(async (trx) => {
        await trx.insertInto('settings').values({ key, value: 'inside' }).execute();
        await store.db.selectFrom('settings').selectAll().execute();
      }),
    ).rejects.toThrow(/inside one of its transactions/);
    await expect(
      store.transaction(async () => {
        await store.transaction(async () => undefined);
      }),
    ).rejects.toThrow(/inside one of its transactions/);
    // Refused whole: the first transaction's insert was rolled back, and the store still answers.
    expect(await store.db.selectFrom('settings').selectAll().where('key', '=', key).execute()).toEqual([]);
  });
}

describe('Kysely store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeCases('sqlite', async () => ({ dataDir: dir }), MIGRATIONS_DIR);

  it('sqlite: can share the handle the synchronous repositories use, and leaves it open', async () => {
    const db = openDatabase(databasePath(dir));
    const store = await openStore({ dataDir: dir, sqlite: db });
    await store.db.insertInto('settings').values({ key: 'shared', value: 'yes' }).execute();
    await store.close();
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('shared')).toEqual({ value: 'yes' });
    db.close();
  });

  it('sqlite: refuses a database newer than the code', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kadence-store-newer-'));
    try {
      const db = new Database(databasePath(other));
      migrate(db, readMigrations(MIGRATIONS_DIR));
      db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, '9999_from_the_future.sql')").run(
        head(MIGRATIONS_DIR) + 1,
      );
      db.close();
      await expect(openStore({ dataDir: other })).rejects.toThrow(/upgrade Kadence/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('Kysely store'), () => {
  const serverUrl = usePostgresServer();
  const scratch: ScratchDatabase[] = [];
  const fresh = async () => {
    const database = await createScratchDatabase(serverUrl());
    scratch.push(database);
    return database.url;
  };
  afterAll(async () => {
    for (const database of scratch) await database.drop();
  });
  storeCases('postgres', async () => ({ databaseUrl: await fresh(), dataDir: 'unused' }), POSTGRES_MIGRATIONS_DIR);

  let newer: Store | undefined;
  afterEach(async () => newer?.close());
  it('postgres: refuses a database newer than the code', async () => {
    const url = await fresh();
    newer = await openStore({ databaseUrl: url, dataDir: 'unused' });
    await sql`INSERT INTO schema_migrations (version, name) VALUES (${head(POSTGRES_MIGRATIONS_DIR) + 1}, '9999_from_the_future.sql')`.execute(
      newer.db,
    );
    await expect(openStore({ databaseUrl: url, dataDir: 'unused' })).rejects.toThrow(/upgrade Kadence/);
  });
});
