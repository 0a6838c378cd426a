import type { Pool } from 'pg';
import { checkApplied, MigrationError, type AppliedMigration, type MigrationFile } from './migrate.ts';

/**
 * Session advisory lock held while migrating. Advisory locks are per database, so two processes
 * starting together on one empty database migrate one after the other: the second finds the work
 * done. The number is fixed: the ASCII bytes of "kadence".
 */
export const MIGRATION_LOCK_KEY = 0x6b6164656e6365n;

/**
 * The PostgreSQL runner, with the SQLite runner's rules: each pending file applied in its own
 * transaction together with its record, and a database migrated by newer code or by a different
 * set of files refused before anything is applied.
 */
export async function migratePostgres(
  pool: Pool,
  files: MigrationFile[],
): Promise<{ applied: string[]; version: number }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
      const done = await client.query<AppliedMigration>('SELECT version, name FROM schema_migrations ORDER BY version');
      checkApplied(done.rows, files);
      const applied: string[] = [];
      for (const [offset, file] of files.slice(done.rows.length).entries()) {
        const version = done.rows.length + offset + 1;
        try {
          await client.query('BEGIN');
          // A query without parameters goes as a simple query, which may hold many statements.
          await client.query(file.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`migration "${file.name}" failed and was rolled back: ${reason}`);
        }
        applied.push(file.name);
      }
      return { applied, version: files.length };
    } finally {
      // A connection that cannot unlock is dropped instead: ending the session releases the lock.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch((error: unknown) => {
        broken = error instanceof Error ? error : new Error(String(error));
      });
    }
  } finally {
    client.release(broken);
  }
}
