import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface MigrationFile {
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export function readMigrations(dir: string): MigrationFile[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  names.forEach((name, index) => {
    const match = FILE_PATTERN.exec(name);
    if (!match) throw new MigrationError(`migration file name "${name}" must look like 0001_name.sql`);
    if (Number(match[1]) !== index + 1) {
      throw new MigrationError(`migration "${name}" is out of sequence: expected number ${index + 1}`);
    }
  });
  return names.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

export interface AppliedMigration {
  version: number;
  name: string;
}

/**
 * Refuses a database that was migrated by newer code or by a different set of files, because
 * running on it could corrupt data. Shared by the SQLite and the PostgreSQL runner.
 */
export function checkApplied(done: AppliedMigration[], files: MigrationFile[]): void {
  if (done.length > files.length) {
    throw new MigrationError(
      `database is at version ${done.length} but this Kadence only knows ${files.length} migrations; upgrade Kadence`,
    );
  }
  done.forEach((row, index) => {
    const file = files[index];
    if (row.version !== index + 1 || !file || file.name !== row.name) {
      throw new MigrationError(
        `applied migration ${row.version} "${row.name}" does not match file "${file?.name ?? 'none'}"; refusing to start`,
      );
    }
  });
}

/**
 * Applies pending migrations, each in its own transaction together with its record, so a broken
 * file leaves the database exactly at the previous version. Refuses a database that was migrated
 * by newer code or by a different set of files, because running on it could corrupt data.
 */
export function migrate(db: Database, files: MigrationFile[]): { applied: string[]; version: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const done = db.prepare<[], AppliedMigration>('SELECT version, name FROM schema_migrations ORDER BY version').all();
  checkApplied(done, files);
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applied: string[] = [];
  for (let index = done.length; index < files.length; index++) {
    const file = files[index] as MigrationFile;
    const apply = db.transaction(() => {
      db.exec(file.sql);
      record.run(index + 1, file.name);
      db.pragma(`user_version = ${index + 1}`);
    });
    try {
      apply();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`migration "${file.name}" failed and was rolled back: ${reason}`);
    }
    applied.push(file.name);
  }
  return { applied, version: files.length };
}
