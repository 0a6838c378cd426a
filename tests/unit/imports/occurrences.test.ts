import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OccurrenceCounter } from '../../../server/imports/occurrences.ts';
import { makeServices } from '../../helpers/services.ts';

const digest = (text: string) => createHash('sha1').update(text).digest();

describe('occurrence counter', () => {
  it('numbers each digest 1, 2, 3 … in the order they come, across growth of the table', () => {
    const counter = new OccurrenceCounter();
    // 20,000 distinct digests (the table grows from 1,024 slots several times), each seen 1–3 times.
    const seen: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 20_000; index++) {
        if (index % 3 >= round) seen.push(counter.next(digest(`row ${index}`)));
      }
    }
    const expected: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 20_000; index++) if (index % 3 >= round) expected.push(round + 1);
    }
    expect(seen).toEqual(expected);
  });

  it('tells digests apart that share their first 32 bits', () => {
    const counter = new OccurrenceCounter();
    const a = Buffer.alloc(20);
    const b = Buffer.alloc(20);
    b.writeUInt32BE(7, 4);
    expect([
      counter.next(a),
      counter.next(b),
      counter.next(a),
      counter.next(b),
      counter.next(Buffer.alloc(20)),
    ]).toEqual([1, 1, 2, 2, 3]);
  });
});

/** Rows without an answer id: the content hash plus the occurrence number in the file is the key. */
describe('content dedupe by occurrence', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const dir = mkdtempSync(join(tmpdir(), 'kadence-occurrences-'));
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['dato;score;kanal', ...lines].join('\n') + '\n');
    return path;
  };
  const run = (path: string) =>
    ctx.services.imports.importFile({ team: ctx.team, path, fileName: 'export.csv', channel: 'file', userId: null });
  const stored = () =>
    ctx.db
      .prepare('SELECT received_at, score, source, dedupe_key FROM visible_feedback ORDER BY received_at, dedupe_key')
      .all() as { received_at: string; score: number; source: string; dedupe_key: string }[];
  const nps = () => ctx.services.feedback.kpi(ctx.team, 'nps', {});
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('keeps four answers with two identical pairs as four; the same file again adds nothing', async () => {
    // Two customers gave 10 through Web on the same day, two gave 9 through App.
    const path = file('pairs.csv', ['03.11.2026;10;Web', '03.11.2026;10;Web', '03.11.2026;9;App', '03.11.2026;9;App']);
    expect(await run(path)).toMatchObject({ rows: 4, imported: 4, updated: 0, duplicates: 0, rejected: 0 });
    expect(await nps()).toMatchObject({ n: 4 });
    expect(await run(path)).toMatchObject({ rows: 4, imported: 0, updated: 0, duplicates: 4 });
    expect(stored()).toHaveLength(4);
    // The first of identical rows keeps the bare hash (the key such rows had before), the next ones are numbered.
    const keys = stored()
      .filter((row) => row.source === 'web')
      .map((row) => row.dedupe_key);
    expect(keys[0]).toMatch(/^h:[\w-]{27}$/);
    expect(keys[1]).toBe(`${keys[0]}#2`);
  });

  it('an overlapping later export (Jan–Mar, then Feb–Apr) adds only what is new', async () => {
    const january = ['12.01.2026;8;Web', '20.01.2026;6;App'];
    const february = ['05.02.2026;10;Web', '05.02.2026;10;Web', '05.02.2026;10;Web', '18.02.2026;3;App'];
    const march = ['09.03.2026;9;App', '09.03.2026;9;App', '30.03.2026;7;Web'];
    const april = ['02.04.2026;10;Web', '02.04.2026;10;Web', '15.04.2026;4;App'];
    expect(await run(file('jan-mar.csv', [...january, ...february, ...march]))).toMatchObject({
      imported: 9,
      duplicates: 0,
    });
    // The later export lists newest first: the order of rows in a file does not matter.
    expect(await run(file('feb-apr.csv', [...february, ...march, ...april].reverse()))).toMatchObject({
      rows: 10,
      imported: 3,
      updated: 0,
      duplicates: 7,
    });
    expect(stored()).toHaveLength(12);
    expect(await nps()).toMatchObject({ n: 12 });
  });

  it('a later export of the same days that holds one more identical answer adds exactly that one', async () => {
    expect(await run(file('first.csv', ['05.02.2026;10;Web', '05.02.2026;10;Web']))).toMatchObject({ imported: 2 });
    expect(await run(file('again.csv', ['05.02.2026;10;Web', '05.02.2026;10;Web', '05.02.2026;10;Web']))).toMatchObject(
      { imported: 1, duplicates: 2 },
    );
    expect(stored().map((row) => row.score)).toEqual([10, 10, 10]);
  });

  it('numbers identical rows across the batches of a large file', async () => {
    // 3,000 rows, every answer twice: batches hold at most 2,000 rows, so pairs are split between batches.
    const lines = Array.from(
      { length: 1_500 },
      (_, index) => `${String((index % 28) + 1).padStart(2, '0')}.02.2026;${index % 11};Kanal ${index}`,
    );
    const path = file('large.csv', [...lines, ...lines]);
    expect(await run(path)).toMatchObject({ rows: 3_000, imported: 3_000, duplicates: 0 });
    expect(await run(path)).toMatchObject({ imported: 0, duplicates: 3_000 });
  });

  it('numbers identical answers within one webhook batch too', async () => {
    const item = { receivedAt: '2026-11-02T09:00:00Z', metric: 'nps', score: 10, source: 'web' };
    expect(await ctx.services.imports.ingestBatch(ctx.team, [item, item, { ...item, score: 9 }])).toMatchObject({
      imported: 3,
      duplicates: 0,
    });
    expect(await ctx.services.imports.ingestBatch(ctx.team, [item, item])).toMatchObject({
      imported: 0,
      duplicates: 2,
    });
  });
});
