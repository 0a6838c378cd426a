import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFeedbackFile } from '../../../bench/feedback-file.ts';
import { migratedDatabase, runSameWorkFloor } from '../../../bench/same-work-floor.ts';

// The floor's script is written against Kadence's schema: a migration that changes what a feedback
// row needs must break this test, not quietly turn the floor into less work than an import.
const sqlite = ['/usr/bin/sqlite3', '/usr/local/bin/sqlite3'].find((path) => existsSync(path));

// CI installs sqlite3 (tests/ensure-sqlite3.sh), so there the test must run, never skip.
describe.skipIf(!sqlite && process.env.CI !== 'true')('bench:import same-work floor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-floor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every row into the migrated schema with its original as JSON, searchable, as one finished import', async () => {
    const csv = join(dir, 'feedback.csv');
    await writeFeedbackFile(csv, 300, 'chronological');
    const database = join(dir, 'kadence.db');
    const teamId = await migratedDatabase(database, 'bench');
    expect(runSameWorkFloor(sqlite ?? '', csv, database, teamId).rows).toBe(300);

    const db = new Database(database, { readonly: true });
    try {
      expect(db.prepare('SELECT status, rows_total, imported FROM feedback_imports').all()).toEqual([
        { status: 'done', rows_total: 300, imported: 300 },
      ]);
      const first = db
        .prepare('SELECT team_id, dedupe_key, received_at, metric, score, original FROM feedback ORDER BY id LIMIT 1')
        .get() as { original: string };
      expect(first).toMatchObject({
        team_id: teamId,
        dedupe_key: 'id:r0',
        received_at: '2025-01-01T06:00:00.000Z',
        metric: 'nps',
        score: 0,
      });
      expect(JSON.parse(first.original)).toMatchObject({
        id: 'r0',
        score: '0',
        source: 'trustpilot',
        customer: '(pseudonymised)',
      });
      // Visible through the view every read uses, and found by the search index built in bulk.
      expect(db.prepare('SELECT count(*) AS n FROM visible_feedback').get()).toEqual({ n: 300 });
      const searched = db
        .prepare(`SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH 'levering'`)
        .get() as { n: number };
      const scanned = db.prepare(`SELECT count(*) AS n FROM feedback WHERE lower(comment) LIKE '%levering%'`).get() as {
        n: number;
      };
      expect(searched.n).toBeGreaterThan(0);
      expect(searched.n).toBe(scanned.n);
    } finally {
      db.close();
    }
  });
});
