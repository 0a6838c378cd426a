import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';

let dir: string;
const write = (name: string, sql: string) => writeFileSync(join(dir, name), sql);
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migration runner', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kadence-migrations-'));
    write('0001_first.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies every file to a fresh database and records it', () => {
    write('0002_second.sql', 'CREATE TABLE b (id INTEGER PRIMARY KEY);');
    const db = new Database(':memory:');
    expect(migrate(db, readMigrations(dir))).toEqual({ applied: ['0001_first.sql', '0002_second.sql'], version: 2 });
    expect(tables(db)).toEqual(['a', 'b', 'schema_migrations']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = new Database(':memory:');
    migrate(db, readMigrations(dir));
    expect(migrate(db, readMigrations(dir)).applied).toEqual([]);
  });

  it('rolls back a broken file completely and keeps the previous version', () => {
    const db = new Database(':memory:');
    migrate(db, readMigrations(dir));
    write('0002_broken.sql', 'CREATE TABLE c (id INTEGER); CREATE TABLE oops (;');
    expect(() => migrate(db, readMigrations(dir))).toThrow(MigrationError);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('c');
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
  });

  it('refuses a database migrated by newer code', () => {
    write('0002_second.sql', 'CREATE TABLE b (id INTEGER);');
    const db = new Database(':memory:');
    migrate(db, readMigrations(dir));
    rmSync(join(dir, '0002_second.sql'));
    expect(() => migrate(db, readMigrations(dir))).toThrow(/database is at version 2/);
  });

  it('refuses when the applied list is not a prefix of the files', () => {
    const db = new Database(':memory:');
    migrate(db, readMigrations(dir));
    rmSync(join(dir, '0001_first.sql'));
    write('0001_renamed.sql', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/does not match/);
  });

  it('refuses gaps and badly named files', () => {
    write('0003_gap.sql', 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/out of sequence/);
  });

  it('migrates the real schema with WAL and foreign keys on', () => {
    const file = join(dir, 'kadence.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'teams', 'memberships', 'invites', 'sessions']));
    db.close();
  });
});
