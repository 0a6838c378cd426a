import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { openDatabase } from '../server/db/open.ts';
import { createServices } from '../server/services.ts';
import { sharedSqliteStore } from '../server/db/kysely/store.ts';

/**
 * The import's same-work floor: the sqlite3 command line loading the generated file into Kadence's
 * own schema, in one transaction. The database is migrated by Kadence's own migrations first, so
 * every index of `feedback` is the real one; the original row is kept as JSON, the search index is
 * built in bulk from the loaded rows, and the import row goes from running to done, as Kadence does.
 *
 * What it leaves out, because the command line cannot do it (Kadence does it in JavaScript): the
 * keyed hash of the customer (a plain hex copy here), language detection, the occurrence counter,
 * and the check of held answers for changes (every row is new in this file, so that check finds
 * nothing either way). Dates are converted with SQLite's own local-time rule (the machine's zone).
 */
export interface FloorResult {
  seconds: number;
  rows: number;
}

/** Debian's sqlite3, installed when missing and the bench runs as root; null (with why) when it cannot be. */
export function findSqliteCli(): { path: string } | { missing: string } {
  for (const path of ['/usr/bin/sqlite3', '/usr/local/bin/sqlite3']) if (existsSync(path)) return { path };
  if (process.getuid?.() !== 0)
    return {
      missing:
        'the sqlite3 command line is not installed and this is not root (install it with: apt-get install -y sqlite3)',
    };
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'sqlite3'], { stdio: 'ignore' });
  } catch {
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'sqlite3'], { stdio: 'ignore' });
    } catch (error) {
      return {
        missing: `apt-get install -y sqlite3 failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      };
    }
  }
  return existsSync('/usr/bin/sqlite3')
    ? { path: '/usr/bin/sqlite3' }
    : { missing: 'apt-get ran but /usr/bin/sqlite3 is still missing' };
}

/** A fresh database file with Kadence's schema (all migrations) and one team; returns the team's id. */
export async function migratedDatabase(file: string, slug: string): Promise<number> {
  const db = openDatabase(file);
  try {
    const services = createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://localhost:3000' });
    return (await services.teams.create({ name: 'Bench', slug, timezone: 'Europe/Copenhagen' })).id;
  } finally {
    db.close();
  }
}

/** The script the command line runs: one transaction from BEGIN to COMMIT, at synchronous = FULL. */
function script(csv: string, teamId: number): string {
  return `PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE staging (id, date, score, comment, source, customer);
.import --csv --skip 1 --schema temp '${csv.replaceAll("'", "''")}' staging
INSERT INTO feedback_imports (team_id, channel, file_name, preset, status) VALUES (${teamId}, 'cli', 'bench.csv', 'generic', 'running');
INSERT INTO feedback (team_id, import_id, source, external_id, dedupe_key, received_at, metric, score, title, comment, language, customer_ref, segment, reply, replied_at, original)
  SELECT ${teamId}, (SELECT max(id) FROM feedback_imports), lower(source), id, 'id:' || id, strftime('%Y-%m-%dT%H:%M:%fZ', date, 'utc'), 'nps', CAST(score AS INTEGER),
         NULL, nullif(trim(comment), ''), NULL, hex(customer), NULL, NULL, NULL,
         json_object('id', id, 'date', date, 'score', score, 'comment', comment, 'source', source, 'customer', '(pseudonymised)')
  FROM temp.staging WHERE true
  ORDER BY rowid
  ON CONFLICT DO NOTHING;
INSERT INTO feedback_fts (rowid, title, comment) SELECT id, title, comment FROM feedback WHERE import_id = (SELECT max(id) FROM feedback_imports);
UPDATE feedback_imports SET status = 'done', rows_total = (SELECT count(*) FROM temp.staging), imported = (SELECT count(*) FROM feedback WHERE import_id = (SELECT max(id) FROM feedback_imports)), finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = (SELECT max(id) FROM feedback_imports);
DROP TABLE temp.staging;
COMMIT;
SELECT count(*) FROM feedback;
`;
}

/** Loads `csv` into the migrated `database` with the command line; the time includes the process. */
export function runSameWorkFloor(sqlite: string, csv: string, database: string, teamId: number): FloorResult {
  const started = process.hrtime.bigint();
  const run = spawnSync(sqlite, ['-batch', '-bail', database], { input: script(csv, teamId), encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`sqlite3 (same-work floor) failed: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return { seconds, rows: Number(lines[lines.length - 1]) };
}
