import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

/**
 * Batches of a running import are written at synchronous = NORMAL; everything else on the connection
 * (meeting events above all) must find FULL again.
 */
describe('import durability settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-durability-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const settings = (ctx: Awaited<ReturnType<typeof makeServices>>) => ({
    synchronous: ctx.db.pragma('synchronous', { simple: true }),
  });
  const FULL = { synchronous: 2 };

  it('are back to FULL after a finished import, a failed one and a webhook batch', async () => {
    const ctx = await makeServices();
    expect(settings(ctx)).toEqual(FULL);
    const good = file('good.csv', 'id;dato;score;kommentar\na1;03.11.2026 10:00;9;Fin service\n');
    const done = await ctx.services.imports.importFile({
      team: ctx.team,
      path: good,
      fileName: 'good.csv',
      channel: 'file',
      userId: null,
    });
    expect(done.imported).toBe(1);
    expect(settings(ctx)).toEqual(FULL);

    const headerOnly = file('empty.csv', 'id;dato;score;kommentar\n');
    await expect(
      ctx.services.imports.importFile({
        team: ctx.team,
        path: headerOnly,
        fileName: 'empty.csv',
        channel: 'file',
        userId: null,
      }),
    ).rejects.toThrow(/no rows/);
    expect(settings(ctx)).toEqual(FULL);

    await ctx.services.imports.ingestBatch(ctx.team, [
      { id: 'w1', receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 9 },
    ]);
    expect(settings(ctx)).toEqual(FULL);
  });

  it('two imports at once leave FULL behind, whichever ends first', async () => {
    const ctx = await makeServices();
    const rows = Array.from({ length: 3000 }, (_, index) => `b${index};03.11.2026 10:00;${index % 11};Svar ${index}`);
    const big = file('big.csv', ['id;dato;score;kommentar', ...rows].join('\n'));
    const small = file('small.csv', 'id;dato;score;kommentar\nc1;03.11.2026 11:00;7;Kort\n');
    const [first, second] = await Promise.all([
      ctx.services.imports.importFile({
        team: ctx.team,
        path: big,
        fileName: 'big.csv',
        channel: 'file',
        userId: null,
      }),
      ctx.services.imports.importFile({
        team: ctx.team,
        path: small,
        fileName: 'small.csv',
        channel: 'file',
        userId: null,
      }),
    ]);
    expect(first.imported + second.imported).toBe(3001);
    expect(settings(ctx)).toEqual(FULL);
  });
});
