import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url));

describe('malformed and hostile files', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const run = (path: string, options: { mapping?: Record<string, string> } = {}) =>
    ctx.services.imports.importFile({
      team: ctx.team,
      path,
      fileName: path.split('/').at(-1) ?? 'file',
      channel: 'cli',
      userId: null,
      ...options,
    });
  const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  const imports = () =>
    ctx.db.prepare('SELECT status, failure FROM feedback_imports').all() as {
      status: string;
      failure: string | null;
    }[];
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('ragged rows are rejected with their line and field counts; the others import', async () => {
    const result = await run(fixture('ragged.csv'));
    expect(result).toMatchObject({ imported: 2, rejected: 2 });
    expect(result.errors).toEqual([
      {
        line: 3,
        code: 'FIELD_COUNT',
        params: { fields: 2, expected: 3 },
        message: 'the row has 2 fields; the header has 3',
      },
      {
        line: 4,
        code: 'FIELD_COUNT',
        params: { fields: 4, expected: 3 },
        message: 'the row has 4 fields; the header has 3',
      },
    ]);
  });

  it('an unterminated quote is reported on the line where it starts', async () => {
    const result = await run(fixture('unterminated.csv'));
    expect(result.imported).toBe(1);
    expect(result.errors).toEqual([
      { line: 3, code: 'QUOTE_NOT_CLOSED', params: {}, message: 'a quoted field is never closed (missing ")' },
    ]);
  });

  it('binary, empty, header-only and unrecognisable files are refused whole, leaving nothing', async () => {
    await expect(run(fixture('binary.bin'))).rejects.toThrow(
      'This is not a feedback file Kadence can read: it is a binary file',
    );
    await expect(run(fixture('empty.csv'))).rejects.toThrow('the file is empty');
    await expect(run(fixture('no-columns.csv'))).rejects.toThrow(
      /no column was recognised for receivedAt and score or comment; map the columns \(columns: "foo", "bar", "baz"\)/,
    );
    await expect(run(fixture('header-only.csv'))).rejects.toThrow('it has a header but no rows');
    expect(count()).toBe(0);
    expect(imports().every((row) => row.status === 'failed')).toBe(true);
  });

  it('formula-looking cells are kept as plain text, never evaluated', async () => {
    expect(await run(fixture('formula.csv'))).toMatchObject({ imported: 2 });
    const comments = (ctx.db.prepare('SELECT comment FROM feedback ORDER BY id').all() as { comment: string }[]).map(
      (row) => row.comment,
    );
    expect(comments).toEqual(['=HYPERLINK("http://evil.example","click")', '+45 12 34 56 78 called me']);
  });

  it('a huge single field is rejected with its size, not stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadence-'));
    const path = join(dir, 'huge.csv');
    writeFileSync(path, `date,score,comment\n2026-11-01,9,"${'x'.repeat(3_000_000)}"\n2026-11-02,8,ok\n`);
    const result = await run(path);
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect(result.errors[0]).toEqual({
      line: 2,
      code: 'FIELD_TOO_LONG',
      params: { column: 'comment', length: 3_000_000, limit: 20_000 },
      message: 'the field "comment" is 3,000,000 characters long; the limit is 20,000',
    });
  });

  it('date order comes from the whole column: a 25th proves month/day; a mix is refused', async () => {
    expect(await run(fixture('ambiguous-mdy-column.csv'))).toMatchObject({ imported: 2 });
    const dates = (
      ctx.db.prepare('SELECT received_at FROM feedback ORDER BY id').all() as { received_at: string }[]
    ).map((row) => row.received_at);
    // 02/03/2026 is 3 February because the same column also has 12/25/2026.
    expect(dates).toEqual(['2026-02-02T23:00:00.000Z', '2026-12-24T23:00:00.000Z']);
    await expect(run(fixture('mixed-date-order.csv'))).rejects.toThrow(
      'the dates in "date" mix day/month (line 2) and month/day (line 3)',
    );
  });

  it('a manual mapping makes an unrecognised file importable; an unknown column is named in the error', async () => {
    await expect(run(fixture('no-columns.csv'), { mapping: { receivedAt: 'nope' } })).rejects.toThrow(
      'the column "nope" is not in the file; its columns are "foo", "bar", "baz"',
    );
    const dir = mkdtempSync(join(tmpdir(), 'kadence-'));
    const path = join(dir, 'odd.csv');
    writeFileSync(path, 'Hvornår;Point;Hvad skete der\n2026-11-02 10:00;4;Fin oplevelse\n');
    const result = await run(path, { mapping: { receivedAt: 'Hvornår', score: 'Point', comment: 'Hvad skete der' } });
    expect(result).toMatchObject({ imported: 1 });
    expect(ctx.db.prepare('SELECT metric, score, received_at FROM feedback').get()).toEqual({
      metric: 'csat',
      score: 4,
      received_at: '2026-11-02T09:00:00.000Z',
    });
  });

  it('undo removes every row of an import and keeps it in the history', async () => {
    const result = await run(fixture('trustpilot.csv'));
    await ctx.services.imports.undo(ctx.team.id, result.importId);
    expect(count()).toBe(0);
    expect((await ctx.services.imports.list(ctx.team.id))[0]).toMatchObject({ status: 'undone', imported: 2 });
    await expect(ctx.services.imports.undo(ctx.team.id, result.importId)).rejects.toThrow('the import is undone');
  });

  it('an import interrupted by a crash is removed at start-up, and running rows are never visible', async () => {
    const importId = Number(
      ctx.db
        .prepare(
          `INSERT INTO feedback_imports (team_id, channel, preset, status) VALUES (?, 'cli', 'generic', 'running')`,
        )
        .run(ctx.team.id).lastInsertRowid,
    );
    ctx.db
      .prepare(
        `INSERT INTO feedback (team_id, import_id, source, dedupe_key, received_at, metric, score, original) VALUES (?, ?, 'x', 'k', '2026-11-01T00:00:00.000Z', 'nps', 9, '{}')`,
      )
      .run(ctx.team.id, importId);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM visible_feedback').get() as { n: number }).n).toBe(0);
    expect(await ctx.services.imports.recoverInterrupted()).toBe(1);
    expect(count()).toBe(0);
    expect(imports()[0]).toEqual({ status: 'failed', failure: 'interrupted (the server stopped during the import)' });
  });
});
