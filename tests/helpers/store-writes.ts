// Whether a request wrote to the database at all, on either store: take a mark before and after
// and compare them. A read that only looks must leave the two equal.
import { sql } from 'kysely';
import type { Store } from '../../server/db/kysely/store.ts';

/**
 * A mark of every write so far. On SQLite, total_changes() of the one connection Kadence writes
 * through (it counts every row inserted, updated or deleted, even an update to the same value).
 * On PostgreSQL, every row version of every table by (ctid, xmin): an insert adds one, a delete
 * removes one and an update, even to the same value, replaces one with a new version of the
 * writing transaction, so any write changes the mark. Unlike a transaction counter it does not see
 * other databases on the same server.
 */
export async function writeMark(store: Store): Promise<string> {
  if (store.dialect === 'sqlite') {
    const { rows } = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(store.db);
    return String(rows[0]?.n);
  }
  const tables = (await store.db.introspection.getTables()).filter((table) => !table.isView);
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ version: string }>`
      SELECT ctid::text || '@' || xmin::text AS version FROM ${sql.table(`${table.schema}.${table.name}`)} ORDER BY ctid
    `.execute(store.db);
    parts.push(`${table.name}: ${rows.map((row) => row.version).join(' ')}`);
  }
  return parts.join('\n');
}
