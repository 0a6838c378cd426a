import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

/** File imports fill the search index in large steps at the end; these check it stays exact. */
describe('search index of imported feedback', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const dir = mkdtempSync(join(tmpdir(), 'kadence-search-index-'));
  const csv = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['id;dato;score;kommentar', ...rows].join('\n'));
    return path;
  };
  const run = (path: string) =>
    ctx.services.imports.importFile({ team: ctx.team, path, fileName: 'feedback.csv', channel: 'file', userId: null });
  const search = (word: string) =>
    (ctx.db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(word) as { n: number }).n;
  const intact = () => ctx.db.prepare(`INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')`).run();
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('every imported row is searchable once the import is done, and undo takes them out again', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, index) => `a${index};03.11.2026 10:00;${index % 11};${index % 2 ? 'Levering' : 'Delivery'} nummer ${index}`,
    );
    const result = await run(csv('many.csv', rows));
    expect(result.imported).toBe(2500);
    expect(search('levering')).toBe(1250);
    expect(search('delivery')).toBe(1250);
    intact();
    await ctx.services.imports.undo(ctx.team.id, result.importId);
    expect(search('levering')).toBe(0);
    intact();
  });

  it('rows of a running file import wait for the indexing step; a crash before it leaves the index intact', async () => {
    const importId = Number(
      ctx.db
        .prepare(
          `INSERT INTO feedback_imports (team_id, channel, preset, status) VALUES (?, 'file', 'generic', 'running')`,
        )
        .run(ctx.team.id).lastInsertRowid,
    );
    ctx.db
      .prepare(
        `INSERT INTO feedback (team_id, import_id, source, dedupe_key, received_at, comment, original) VALUES (?, ?, 'x', 'k', '2026-11-01T00:00:00.000Z', 'halvfærdig', '{}')`,
      )
      .run(ctx.team.id, importId);
    expect(search('halvfærdig')).toBe(0);
    expect(await ctx.services.imports.recoverInterrupted()).toBe(1);
    intact();
  });

  it('webhook batches are searchable as soon as they are stored, and undo takes them out again', async () => {
    const first = await ctx.services.imports.ingestBatch(ctx.team, [
      { id: 'w1', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 9, comment: 'Hurtig ekspedition' },
    ]);
    expect(first).toMatchObject({ imported: 1, rejected: 0 });
    const second = await ctx.services.imports.ingestBatch(ctx.team, [
      { id: 'w2', receivedAt: '2026-11-02T10:00:00Z', metric: 'csat', score: 5, comment: 'Venlig service' },
      { id: 'w3', receivedAt: '2026-11-02T11:00:00Z', metric: 'csat', score: 2, title: 'Langsom ekspedition' },
    ]);
    expect(second).toMatchObject({ imported: 2, rejected: 0 });
    expect(search('ekspedition')).toBe(2);
    expect(search('venlig')).toBe(1);
    intact();
    await ctx.services.imports.undo(ctx.team.id, second.importId);
    expect(search('ekspedition')).toBe(1);
    expect(search('venlig')).toBe(0);
    intact();
  });

  it('a re-sent webhook batch adds nothing to the index', async () => {
    const item = {
      id: 'w1',
      receivedAt: '2026-11-02T09:00:00Z',
      metric: 'nps',
      score: 9,
      comment: 'Hurtig ekspedition',
    };
    await ctx.services.imports.ingestBatch(ctx.team, [item]);
    expect(await ctx.services.imports.ingestBatch(ctx.team, [item])).toMatchObject({ imported: 0, duplicates: 1 });
    expect(search('ekspedition')).toBe(1);
    intact();
  });
});
