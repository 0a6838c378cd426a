import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open.ts';
import { createServices } from '../../../server/services.ts';
import { sharedSqliteStore } from '../../../server/db/kysely/store.ts';
import { ErrorCode } from '../../../shared/errors.ts';

/** A database that cannot grow mid-import (as on a full disk): the import is refused whole, with a clear error. */
describe('an import that runs out of space', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-full-'));
  afterEach(() => rmSync(join(dir, 'kadence.db'), { force: true }));

  it('keeps nothing of the file, says so, and imports it whole once there is room', async () => {
    const db = openDatabase(join(dir, 'kadence.db'));
    const services = createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://localhost:3000' });
    const team = await services.teams.create({
      name: 'Kundeservice',
      slug: 'kundeservice',
      timezone: 'Europe/Copenhagen',
    });
    await services.imports.ingestBatch(team, [
      { id: 'kept', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 9, comment: 'Fra før' },
    ]);
    const path = join(dir, 'big.csv');
    const rows = Array.from(
      { length: 4000 },
      (_, index) =>
        `r${index};2026-10-${String(1 + (index % 28)).padStart(2, '0')} 10:00;${index % 11};Kommentar nummer ${index} om levering og service`,
    );
    writeFileSync(path, ['id;dato;score;kommentar', ...rows].join('\n'));

    // Room for a few batches, not for the whole file.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 60}`);
    const failure = services.imports.importFile({ team, path, fileName: 'big.csv', channel: 'file', userId: null });
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.STORAGE_FULL, statusCode: 507 });
    await expect(failure).rejects.toThrow(
      /disk is full: the import stopped after [\d,]+ rows and nothing of it was kept/,
    );

    const [latest] = await services.imports.list(team.id);
    expect(latest).toMatchObject({ status: 'failed', fileName: 'big.csv' });
    expect(db.prepare('SELECT count(*) FROM feedback WHERE import_id = ?').pluck().get(latest?.id)).toBe(0);
    expect(db.prepare('SELECT external_id FROM visible_feedback').pluck().all()).toEqual(['kept']);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);

    // With room again the same file goes in whole: no half import is left to count as duplicates.
    db.pragma('max_page_count = 1073741823');
    expect(
      await services.imports.importFile({ team, path, fileName: 'big.csv', channel: 'file', userId: null }),
    ).toMatchObject({ imported: 4000, duplicates: 0, rejected: 0 });
    db.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')`).run();
    db.close();
  });
});
