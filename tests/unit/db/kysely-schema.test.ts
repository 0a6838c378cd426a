import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres, describeSqlite, renderSchema, type TableShape } from '../../../server/db/kysely/codegen.ts';
import { openStore } from '../../../server/db/kysely/store.ts';
import { openDatabase } from '../../../server/db/open.ts';
import {
  createScratchDatabase,
  postgresAvailable,
  postgresSuite,
  usePostgresServer,
  type ScratchDatabase,
} from '../../helpers/postgres.ts';

const sqliteShape = (): TableShape[] => {
  const db = openDatabase(':memory:');
  try {
    return describeSqlite(db);
  } finally {
    db.close();
  }
};

describe('the Kysely interface (server/db/kysely/schema.ts)', () => {
  it('describes every table and column the SQLite migrations leave, as PRAGMA table_info reports them', () => {
    const committed = readFileSync(new URL('../../../server/db/kysely/schema.ts', import.meta.url), 'utf8');
    // On a difference: run `npx tsx server/db/kysely/write-schema.ts` and review the change.
    expect(committed).toBe(renderSchema(sqliteShape()));
  });

  it('reads CHECK lists, nullability and defaults from the schema', () => {
    const users = sqliteShape().find((table) => table.name === 'users');
    expect(users?.columns.find((column) => column.name === 'is_admin')).toEqual({
      name: 'is_admin',
      kind: 'integer',
      nullable: false,
      generated: true,
      values: [0, 1],
    });
    expect(users?.columns.find((column) => column.name === 'id')).toMatchObject({ generated: true, nullable: false });
  });
});

describe.skipIf(!postgresAvailable)(postgresSuite('the PostgreSQL schema'), () => {
  const serverUrl = usePostgresServer();
  let database: ScratchDatabase;
  let shape: TableShape[];

  beforeAll(async () => {
    database = await createScratchDatabase(serverUrl());
    const store = await openStore({ databaseUrl: database.url, dataDir: 'unused' });
    await store.close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      shape = await describePostgres(client);
    } finally {
      await client.end();
    }
  });
  afterAll(async () => database?.drop());

  it('has the same tables, columns, nullability, defaults and CHECK lists as the SQLite one', () => {
    const byTable = (tables: TableShape[]) =>
      Object.fromEntries(
        tables.map((table) => [
          table.name,
          // A view's columns are compared by name: neither store says more about them.
          table.viewOf
            ? table.columns.map((column) => column.name)
            : Object.fromEntries(table.columns.map((column) => [column.name, column])),
        ]),
      );
    expect(byTable(shape)).toEqual(byTable(sqliteShape()));
  });
});
