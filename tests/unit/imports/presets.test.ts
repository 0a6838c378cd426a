import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeServices } from '../../helpers/services.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url));

interface Stored {
  source: string;
  external_id: string | null;
  received_at: string;
  metric: string | null;
  score: number | null;
  title: string | null;
  comment: string | null;
  language: string | null;
  customer_ref: string | null;
  segment: string | null;
}

describe('importing real tools’ exports', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const run = (file: string) =>
    ctx.services.imports.importFile({
      team: ctx.team,
      path: fixture(file),
      fileName: file,
      channel: 'cli',
      userId: null,
    });
  const rows = () => ctx.db.prepare('SELECT * FROM visible_feedback ORDER BY received_at').all() as Stored[];
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('surveymonkey: two header rows, US dates in the team zone, NPS from the question', async () => {
    const result = await run('surveymonkey.csv');
    expect(result).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    const [first, second, third] = rows();
    expect(first).toMatchObject({
      source: 'surveymonkey',
      external_id: '114239857341',
      metric: 'nps',
      score: 10,
      received_at: '2026-11-02T09:01:12.000Z',
      language: 'en',
      segment: 'Webshop',
    });
    expect(first?.comment).toBe('Fast delivery, and the "gift wrap" was lovely');
    expect(second).toMatchObject({ score: 6, language: 'da', received_at: '2026-11-14T12:15:02.000Z' });
    // 08:03 PM on 20 November in Copenhagen (UTC+1) is 19:03 UTC; no comment is fine with a score.
    expect(third).toMatchObject({
      score: 3,
      comment: null,
      received_at: '2026-11-20T19:03:30.000Z',
      customer_ref: null,
    });
    expect(first?.customer_ref).toMatch(/^[0-9a-f]{32}$/);
  });

  it('typeform: submit dates are UTC, the recommend question is NPS', async () => {
    expect(await run('typeform.csv')).toMatchObject({ imported: 2, rejected: 0 });
    expect(rows().map((row) => [row.received_at, row.metric, row.score, row.external_id])).toEqual([
      ['2026-11-05T09:01:44.000Z', 'nps', 9, 'a1b2c3d4e5'],
      ['2026-11-06T14:03:00.000Z', 'nps', 2, 'f6g7h8i9j0'],
    ]);
    expect(rows()[1]?.comment).toBe('Fakturaen var forkert – igen');
  });

  it('google-forms in Danish: day/month order from the column, CSAT from "tilfreds"', async () => {
    expect(await run('google-forms.csv')).toMatchObject({ imported: 2, rejected: 0 });
    expect(rows().map((row) => [row.received_at, row.metric, row.score, row.language])).toEqual([
      ['2026-11-03T08:12:44.000Z', 'csat', 5, 'da'],
      ['2026-11-15T16:40:02.000Z', 'csat', 2, 'da'],
    ]);
  });

  it('microsoft-forms (xlsx): dates from Excel cells, rich text comments', async () => {
    expect(await run('microsoft-forms.xlsx')).toMatchObject({ imported: 2, rejected: 0 });
    const stored = rows();
    expect(stored.map((row) => [row.external_id, row.metric, row.score, row.received_at])).toEqual([
      ['1', 'nps', 7, '2026-11-03T08:01:30.000Z'],
      ['2', 'nps', 10, '2026-11-16T12:02:05.000Z'],
    ]);
    expect(stored[1]?.comment).toBe('Keep it up');
  });

  it('google-play: UTF-16LE with BOM, star ratings, titles and languages kept', async () => {
    expect(await run('google-play.csv')).toMatchObject({ imported: 2, rejected: 0 });
    const [danish, english] = rows();
    expect(danish).toMatchObject({
      metric: 'rating',
      score: 2,
      language: 'da',
      comment: 'Appen lukker når jeg betaler – øv',
      segment: '4.1.2',
    });
    expect(english).toMatchObject({ score: 5, title: 'Love it', comment: 'Works great, “finally”', language: 'en' });
  });

  it('trustpilot: stars, titles, UTC creation times', async () => {
    expect(await run('trustpilot.csv')).toMatchObject({ imported: 2 });
    expect(rows().map((row) => [row.external_id, row.score, row.title, row.received_at])).toEqual([
      ['6548a1f0e1b2c3d4e5f60718', 1, 'Aldrig igen', '2026-11-07T12:30:00.000Z'],
      ['6548a1f0e1b2c3d4e5f60719', 5, 'Super', '2026-11-08T08:05:00.000Z'],
    ]);
  });

  it('delighted JSON: survey type decides the metric, epoch seconds, expanded person', async () => {
    expect(await run('delighted.json')).toMatchObject({ imported: 2, rejected: 0 });
    expect(rows().map((row) => [row.external_id, row.metric, row.score, row.received_at])).toEqual([
      ['2871', 'nps', 9, new Date(1793700000 * 1000).toISOString()],
      ['2872', 'csat', 2, new Date(1793800000 * 1000).toISOString()],
    ]);
  });

  it('zendesk JSON: good/bad become CSAT 5/1, an offered-but-unanswered rating is rejected with its reason', async () => {
    const result = await run('zendesk.json');
    expect(result).toMatchObject({
      imported: 2,
      rejected: 1,
      errors: [
        { line: 3, code: 'RATING_NOT_GIVEN', params: { value: 'offered' }, message: 'no rating was given (offered)' },
      ],
    });
    expect(rows().map((row) => [row.metric, row.score, row.segment])).toEqual([
      ['csat', 5, null],
      ['csat', 1, 'Issue is not resolved'],
    ]);
  });

  it('generic Danish Excel export: Windows-1252 decoded without mangling, `;` delimiter, NPS from "anbefale"', async () => {
    expect(await run('generic-excel-da.csv')).toMatchObject({ imported: 3, rejected: 0 });
    const stored = rows();
    expect(stored[0]).toMatchObject({
      source: 'butik århus',
      metric: 'nps',
      score: 8,
      comment: '”Fin service” – men 49,95 € for fragt er for dyrt',
      received_at: '2026-11-01T07:30:00.000Z',
    });
    expect(stored[2]?.received_at).toBe('2026-11-25T15:45:00.000Z');
  });

  it('generic UTF-8 with BOM, tab separated, explicit offsets; and UTF-16BE', async () => {
    expect(await run('generic-bom.tsv')).toMatchObject({ imported: 2 });
    expect(rows().map((row) => [row.external_id, row.metric, row.score, row.received_at, row.source])).toEqual([
      ['r-1', 'rating', 4, '2026-11-03T09:00:00.000Z', 'app-store'],
      ['r-2', 'rating', 2, '2026-11-04T10:00:00.000Z', 'app-store'],
    ]);
    expect(await run('generic-utf16be.csv')).toMatchObject({ imported: 1 });
    expect(rows().find((row) => row.metric === 'csat')?.comment).toBe('Æbleskiver til personalet – tak!');
  });

  it('NDJSON: a broken line and an out-of-range score are reported by line; the rest imports', async () => {
    const result = await run('responses.ndjson');
    expect(result).toMatchObject({ imported: 1, rejected: 2 });
    expect(result.errors).toEqual([
      { line: 2, code: 'LINE_NOT_JSON', params: {}, message: 'the line is not valid JSON' },
      {
        line: 3,
        code: 'SCORE_OUT_OF_RANGE',
        params: { value: '9', metric: 'ces', low: 1, high: 7 },
        message: 'the score 9 is outside 1–7 for CES',
      },
    ]);
  });

  it('re-importing the same file adds nothing and counts duplicates', async () => {
    await run('trustpilot.csv');
    expect(await run('trustpilot.csv')).toMatchObject({ imported: 0, duplicates: 2 });
    await run('google-forms.csv');
    expect(await run('google-forms.csv')).toMatchObject({ imported: 0, duplicates: 2 });
    expect(rows()).toHaveLength(4);
  });
});
