import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../server/imports/tabular.ts';
import { makeServices } from '../../helpers/services.ts';

const dir = mkdtempSync(join(tmpdir(), 'kadence-layout-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('tables as people save them: delimiters, title rows, totals, encodings', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const run = (path: string, mapping?: Record<string, string>) =>
    ctx.services.imports.importFile({
      team: ctx.team,
      path,
      fileName: path.split('/').at(-1) ?? 'f',
      channel: 'cli',
      userId: null,
      mapping,
    });
  const stored = () =>
    ctx.db.prepare('SELECT score, comment FROM feedback ORDER BY id').all() as {
      score: number | null;
      comment: string | null;
    }[];
  const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('detects | and still tells ; from commas inside comments, past title lines', () => {
    expect(detectDelimiter('Dato|Score|Kommentar\n2026-11-01|9|Fin, hurtig levering\n')).toBe('|');
    expect(
      detectDelimiter(
        'Eksport fra kassen, november\nDato;Score;Kommentar\n01-11-2026;9;Fin, hurtig, venlig\n02-11-2026;3;Nej\n',
      ),
    ).toBe(';');
  });

  it('imports a pipe-delimited file', async () => {
    const path = file(
      'pipe.txt',
      'date|nps_score|comment\n2026-11-01|9|Fin, hurtig levering\n2026-11-02|4|For dyr fragt\n',
    );
    expect(await run(path)).toMatchObject({ imported: 2, rejected: 0 });
    expect(stored()).toEqual([
      { score: 9, comment: 'Fin, hurtig levering' },
      { score: 4, comment: 'For dyr fragt' },
    ]);
  });

  it('passes over title, note and blank rows above the header; the preview says where the header was', async () => {
    const path = file(
      'titled.csv',
      'Kundetilfredshed november 2026;;\nUdtræk fra butikssystemet;;\n;;\nDato;Karakter;Begrundelse\n01-11-2026;9;Venligt personale\n02-11-2026;2;Lang ventetid\n',
    );
    const preview = await ctx.services.imports.preview(path, 'titled.csv');
    expect(preview).toMatchObject({
      headers: ['Dato', 'Karakter', 'Begrundelse'],
      headerLine: 4,
      mapping: { receivedAt: 'Dato', score: 'Karakter', comment: 'Begrundelse' },
    });
    expect(preview.warnings).toContainEqual({ code: 'HEADER_BELOW_TITLE', params: { line: '4' } });
    const result = await run(path);
    expect(result).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    expect(stored().map((row) => row.comment)).toEqual(['Venligt personale', 'Lang ventetid']);
  });

  it('skips trailing total, average and note rows and reports them with their line; a "Total" in the middle is an answer row', async () => {
    const path = file(
      'totals.csv',
      [
        'Dato;NPS;Kommentar',
        '01-11-2026;9;Godt',
        '02-11-2026;10;Super',
        '03-11-2026;3;Dårligt',
        'I alt;22;',
        'Gennemsnit;7,3;',
        ';;',
        'Kilde: kassesystemet;;',
      ].join('\n'),
    );
    const result = await run(path);
    expect(result).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    expect(result.skipped).toEqual([
      { line: 5, code: 'SUMMARY_ROW', label: 'I alt' },
      { line: 6, code: 'SUMMARY_ROW', label: 'Gennemsnit' },
      { line: 8, code: 'NOTE_ROW', label: 'Kilde: kassesystemet' },
    ]);
    const middle = file('middle.csv', ['Segment;Dato;NPS', 'Total;01-11-2026;9', 'Web;02-11-2026;8'].join('\n'));
    expect(await run(middle)).toMatchObject({ rows: 2, imported: 2, skipped: [] });
  });

  it('reads `a, b, "c,d"` with spaces after the delimiters', async () => {
    const path = file('spaced.csv', 'date, nps, comment\n2026-11-01, 9, "Fin, hurtig"\n2026-11-02, 7, ok\n');
    expect(await run(path)).toMatchObject({ imported: 2, rejected: 0 });
    expect(stored()).toEqual([
      { score: 9, comment: 'Fin, hurtig' },
      { score: 7, comment: 'ok' },
    ]);
  });

  it('refuses Big5 and Shift-JIS files by name instead of storing mojibake; Danish Windows-1252 still imports', async () => {
    const big5 = file(
      'big5.csv',
      iconv.encode(
        '日期,評分,評論\n2026-11-01,9,服務非常好，謝謝你們的幫助\n2026-11-02,3,送貨太慢了，我等了一個星期\n',
        'big5',
      ),
    );
    await expect(run(big5)).rejects.toThrow(
      'its text is in Big5 (Traditional Chinese), not UTF-8, UTF-16 or Windows-1252',
    );
    const sjis = file(
      'sjis.csv',
      iconv.encode(
        '日付,評価,コメント\n2026-11-01,9,とても良いサービスでした。ありがとう\n2026-11-02,2,配達が遅すぎました\n',
        'shift_jis',
      ),
    );
    await expect(run(sjis)).rejects.toThrow('its text is in Shift-JIS (Japanese)');
    await expect(ctx.services.imports.preview(sjis, 'sjis.csv')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'ENCODING', encoding: 'Shift-JIS (Japanese)' },
    });
    expect(count()).toBe(0);
    const danish = file(
      'da.csv',
      iconv.encode('Dato;Karakter;Begrundelse\n01-11-2026;9;Blåbærgrød og “god” service – 49,95 €\n', 'windows-1252'),
    );
    expect(await run(danish)).toMatchObject({ imported: 1 });
    expect(stored()[0]?.comment).toBe('Blåbærgrød og “god” service – 49,95 €');
  });

  it('rejects out-of-range scores of a recognised score column with line and reason', async () => {
    const path = file(
      'range.csv',
      'created_at,nps_score,What is the main reason for your score?\n2026-11-01,9,Hurtigt svar\n2026-11-02,11,Fejl\n2026-11-03,-1,Fejl igen\n',
    );
    const result = await run(path);
    expect(result).toMatchObject({ imported: 1, rejected: 2 });
    expect(result.errors).toEqual([
      {
        line: 3,
        code: 'SCORE_OUT_OF_RANGE',
        params: { value: '11', metric: 'nps', low: 0, high: 10 },
        message: 'the score 11 is outside 0–10 for NPS',
      },
      {
        line: 4,
        code: 'SCORE_OUT_OF_RANGE',
        params: { value: '-1', metric: 'nps', low: 0, high: 10 },
        message: 'the score -1 is outside 0–10 for NPS',
      },
    ]);
    expect(stored()).toEqual([{ score: 9, comment: 'Hurtigt svar' }]);
  });

  it('rejection reasons mask personal data, in the result and in the kept report', async () => {
    const path = file(
      'pii.csv',
      'date,score,comment\nanna.jensen@example.dk,9,ok\n+45 12 34 56 78,9,ok\n2026-11-03,"0101901234",ok\n',
    );
    const result = await run(path);
    const reasons = result.errors.map((error) => error.message);
    expect(reasons).toEqual([
      '"[e-mail]" is not a date Kadence can read',
      '"[phone]" is not a date Kadence can read',
      'the score [CPR] is outside 0–10 for NPS',
    ]);
    expect(result.errors.map((error) => error.params)).toEqual([
      { value: '[e-mail]' },
      { value: '[phone]' },
      { value: '[CPR]', metric: 'nps', low: 0, high: 10 },
    ]);
    expect((await ctx.services.imports.errors(result.importId)).map((error) => error.message)).toEqual(reasons);
    const kept = JSON.stringify(ctx.db.prepare('SELECT code, params FROM feedback_import_errors').all());
    expect(kept).not.toContain('anna.jensen');
    expect(kept).not.toContain('12 34 56 78');
  });

  it('masks reasons stored before masking when they are read', async () => {
    const result = await run(file('ok.csv', 'date,score,comment\n2026-11-01,9,ok\n'));
    ctx.db
      .prepare(`INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, 7, 'DATE_UNREADABLE', ?)`)
      .run(result.importId, JSON.stringify({ value: 'anna.jensen@example.dk' }));
    ctx.db
      .prepare(`INSERT INTO feedback_import_errors (import_id, line, code, params) VALUES (?, 8, 'OTHER', ?)`)
      .run(result.importId, JSON.stringify({ text: 'ring til 12 34 56 78' }));
    expect(await ctx.services.imports.errors(result.importId)).toEqual([
      {
        line: 7,
        code: 'DATE_UNREADABLE',
        params: { value: '[e-mail]' },
        message: '"[e-mail]" is not a date Kadence can read',
      },
      { line: 8, code: 'OTHER', params: { text: 'ring til [phone]' }, message: 'ring til [phone]' },
    ]);
  });
});
