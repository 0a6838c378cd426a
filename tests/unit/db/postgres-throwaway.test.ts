import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../helpers/postgres-throwaway.ts';
import { postgresSuite } from '../../helpers/postgres.ts';

const bindir = findPostgresBinaries();

// The throwaway server itself (tests/helpers/postgres-throwaway.ts): its own instance, not the shared one.
describe.skipIf(!bindir)(postgresSuite('throwaway server'), () => {
  let server: ThrowawayPostgres;
  let settings: Record<string, string>;
  beforeAll(async () => {
    if (!bindir) throw new Error('no PostgreSQL binaries');
    server = await startThrowawayPostgres(bindir);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'listen_addresses', 'unix_socket_directories', 'data_directory', 'server_version_num', 'password_encryption')`,
      );
      settings = Object.fromEntries(rows.map((row) => [row.name, row.setting]));
    } finally {
      await client.end();
    }
  }, 120_000);
  afterAll(() => server?.stop());

  it('listens on loopback only, keeps its socket in its own directory, and runs with fsync on', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(settings).toMatchObject({
      fsync: 'on',
      listen_addresses: '127.0.0.1',
      password_encryption: 'scram-sha-256',
    });
    expect(settings.data_directory?.startsWith(`${settings.unix_socket_directories}/`)).toBe(true);
    expect(Number(settings.server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('is stopped and removed by stop()', async () => {
    const dataDirectory = settings.data_directory ?? '';
    expect(dataDirectory).not.toBe('');
    expect(existsSync(dataDirectory)).toBe(true);
    server.stop();
    expect(existsSync(dataDirectory)).toBe(false);
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow();
  });
});
