import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, postgresSuite, usePostgresServer, type ScratchDatabase } from '../helpers/postgres.ts';

describe(postgresSuite('the admin CLI with DATABASE_URL'), () => {
  const server = usePostgresServer();
  let database: ScratchDatabase;
  let dataDir: string;
  const cli = (args: string[], input = '', url = database.url) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url },
    });

  beforeAll(async () => {
    database = await createScratchDatabase(server());
    dataDir = mkdtempSync(join(tmpdir(), 'kadence-cli-pg-'));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it('migrates the database and says to which version', () => {
    const migrated = cli(['migrate', '--json']);
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    const { store, version } = JSON.parse(migrated.stdout) as { store: string; version: number };
    expect(store).toBe('postgres');
    const newest = Math.max(
      ...readdirSync('migrations/postgres')
        .filter((name) => /^\d{4}_.*\.sql$/.test(name))
        .map((name) => Number(name.slice(0, 4))),
    );
    expect(version).toBe(newest);
    // Again: nothing left to apply, the same version.
    expect(JSON.parse(cli(['migrate', '--json']).stdout)).toEqual({ store: 'postgres', version: newest });
  });

  it('creates accounts and teams and imports a file into PostgreSQL, leaving DATA_DIR without a database', async () => {
    expect(cli(['user', 'create', '--email', 'anna@example.dk', '--name', 'Anna'], 'a-long-password\n').status).toBe(0);
    expect(cli(['team', 'create', '--name', 'Support', '--slug', 'support']).status).toBe(0);
    const file = join(dataDir, 'svar.csv');
    writeFileSync(file, 'Dato;Score;Kommentar\n2026-11-02 10:00;9;Fin service\n2026-11-03 10:00;4;For lang ventetid\n');
    const imported = cli(['import', '--team', 'support', '--file', file, '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, rejected: 0 });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query<{ comment: string }>('SELECT comment FROM feedback ORDER BY received_at');
      expect(rows.rows.map((row) => row.comment)).toEqual(['Fin service', 'For lang ventetid']);
      const users = await client.query<{ email: string }>('SELECT email FROM users');
      expect(users.rows).toEqual([{ email: 'anna@example.dk' }]);
    } finally {
      await client.end();
    }
    expect(readdirSync(dataDir).filter((name) => name.startsWith('kadence.db'))).toEqual([]);
  });

  it('refuses a backup of a PostgreSQL database with a pointer to its own tools', () => {
    const backup = cli(['backup', '--to', join(dataDir, 'copy.db')]);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toMatch(/PostgreSQL.*pg_dump/);
  });

  it('stops with a clear message when DATABASE_URL is not a PostgreSQL address or the server cannot be reached', () => {
    const wrong = cli(['migrate'], '', 'mysql://localhost/kadence');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/DATABASE_URL/);
    const unreachable = cli(['migrate'], '', 'postgres://kadence:x@127.0.0.1:1/kadence');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toMatch(/^kadence: .*(ECONNREFUSED|connect)/);
  });
});
