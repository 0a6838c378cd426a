import { beforeEach, describe, expect, it } from 'vitest';
import { openFeedbackFile } from '../../../server/imports/reader.ts';
import { makeServices } from '../../helpers/services.ts';
import { corpusFile } from '../../helpers/corpora.ts';

// Real messy tables from public open-data portals (okfn/messytables' horror folder), read in place.
// ../shared/corpora/README.md lists what each should give; the expectations below restate it.
const corpus = (name: string) => corpusFile('messytables', name);

describe('the messytables corpus (CSV and text files)', () => {
  let ctx: Awaited<ReturnType<typeof makeServices>>;
  const preview = (name: string) => ctx.services.imports.preview(corpus(name), name);
  const run = (name: string, mapping?: Record<string, string>) =>
    ctx.services.imports.importFile({
      team: ctx.team,
      path: corpus(name),
      fileName: name,
      channel: 'cli',
      userId: null,
      mapping,
    });
  const stored = () =>
    ctx.db.prepare('SELECT received_at, comment FROM feedback ORDER BY id').all() as {
      received_at: string;
      comment: string;
    }[];
  const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  const records = async (name: string) => {
    let total = 0;
    for await (const record of (await openFeedbackFile(corpus(name), name)).records()) if (!record.skipped) total++;
    return total;
  };
  beforeEach(async () => {
    ctx = await makeServices();
  });

  it('simple.csv and simple.ssv (`;`): date recognised, no score or comment, so it warns, and imports once mapped', async () => {
    for (const name of ['simple.csv', 'simple.ssv']) {
      const shown = await preview(name);
      expect(shown).toMatchObject({
        headers: ['date', 'temperature', 'place'],
        mapping: { receivedAt: 'date' },
        unmapped: ['temperature', 'place'],
        headerLine: 1,
      });
      expect(shown.warnings).toEqual([{ code: 'NO_SCORE_OR_COMMENT', params: {} }]);
      await expect(run(name)).rejects.toThrow('no column was recognised for score or comment');
    }
    expect(await run('simple.csv', { comment: 'place' })).toMatchObject({ imported: 6, rejected: 0 });
    expect(stored().map((row) => row.comment)).toEqual([
      'Galway',
      'Galway',
      'Galway',
      'Berkeley',
      'Berkeley',
      'Berkeley',
    ]);
    expect(stored()[0]?.received_at).toBe('2010-12-31T23:00:00.000Z');
  });

  it('simple.psv: `|` is detected', async () => {
    const shown = await preview('simple.psv');
    expect(shown.headers).toEqual([
      'Year',
      'New dwellings',
      'Other dwellings',
      'All dwellings',
      'First time buyers',
      'Former owner occupiers',
    ]);
    expect(shown.rows[0]).toEqual(['1986', '44000', '35000', '36000', '27000', '45000']);
    expect(await records('simple.psv')).toBe(28);
  });

  it('example.tsv: tab separated', async () => {
    const shown = await preview('example.tsv');
    expect(shown.headers).toHaveLength(17);
    expect(shown.rows[0]?.slice(0, 3)).toEqual(['2012-06-22 00:00:00', '15955', '144']);
  });

  it('complex.csv (`, ` separators): mapped date/place, two rows import and the one without a comment is rejected', async () => {
    const shown = await preview('complex.csv');
    expect(shown.headers).toEqual(['date', 'another date', 'temperature', 'place']);
    expect(shown.rows[2]).toEqual(['2011-01-03', '', '6,000,000', 'Galway']);
    const result = await run('complex.csv', { receivedAt: 'date', comment: 'place' });
    expect(result).toMatchObject({
      imported: 2,
      rejected: 1,
      errors: [
        { line: 2, code: 'NO_SCORE_OR_COMMENT', params: {}, message: 'the row has neither a score nor a comment' },
      ],
    });
    expect(stored().map((row) => row.comment)).toEqual(['Galway and more', 'Galway']);
  });

  it('encodings: UTF-16LE with BOM, a UTF-8 BOM, Windows-1252 in Spanish and German read right; Big5 is refused by name', async () => {
    const utf16 = await preview('utf-16le_encoded.csv');
    expect(utf16).toMatchObject({ encoding: 'utf16le' });
    expect(utf16.headers.slice(0, 3)).toEqual([
      'Organisation_code',
      'Organisation_name',
      'Organisation_classification',
    ]);
    expect(utf16.rows[0]?.slice(0, 2)).toEqual(['5C1', 'Enfield PCT']);
    expect(await records('utf-16le_encoded.csv')).toBe(327);

    expect((await preview('utf8bom.csv')).headers).toEqual(['kitten', 'win']);
    await expect(run('utf8bom.csv', { receivedAt: 'kitten', comment: 'win' })).rejects.toThrow(
      'it has a header but no rows',
    );

    const spanish = await preview('spanish_chars.csv');
    expect(spanish).toMatchObject({ encoding: 'windows1252' });
    expect(spanish.headers).toContain('Descripción');
    const german = await preview('sparse_with_column_errors.csv');
    expect(german.rows[0]?.[1]).toMatch(/^Trägerorganisationen; Umstrukturierung/);

    await expect(preview('characters.csv')).rejects.toThrow(
      'This is not a feedback file Kadence can read: its text is in Big5 (Traditional Chinese)',
    );
    expect(count()).toBe(0);
  });

  it('excel_pasting.csv: the header below two title rows and a blank row; the total and notes at the end are skipped with their lines', async () => {
    const shown = await preview('excel_pasting.csv');
    expect(shown).toMatchObject({
      headerLine: 4,
      headers: ['Year', '2000', '2001', '2002', '2003', '2004', '2005', '2006', '2007'],
    });
    expect(shown.rows[0]).toEqual(['Timber', '2,666', '2,274', '1,877', '1,999', '2,055', '1,632', '1,687', '1,751']);
    expect(shown.warnings).toContainEqual({ code: 'HEADER_BELOW_TITLE', params: { line: '4' } });
    const result = await run('excel_pasting.csv', { receivedAt: 'Year', comment: '2000' });
    // Thirteen sectors, none with a date: rejected, not lost. The total and the two notes are no answers.
    expect(result).toMatchObject({ rows: 13, imported: 0, rejected: 13 });
    expect(result.errors[0]).toEqual({
      line: 5,
      code: 'DATE_UNREADABLE',
      params: { value: 'Timber' },
      message: '"Timber" is not a date Kadence can read',
    });
    expect(result.skipped).toEqual([
      { line: 18, code: 'SUMMARY_ROW', label: 'Total' },
      { line: 20, code: 'NOTE_ROW', label: 'Source: Office for National Statistics.' },
      { line: 21, code: 'NOTE_ROW', label: 'Note: includes emissions from electrici…' },
    ]);
  });

  it('title rows above the table: mixedGLB.csv (CR line ends), weird_head_padding.csv (`;`), begrotingsanalyse-2011.csv', async () => {
    const glb = await preview('mixedGLB.csv');
    expect(glb).toMatchObject({ headerLine: 4 });
    expect(glb.headers.slice(0, 4)).toEqual(['Year', 'Jan', 'Feb', 'Mar']);
    expect(glb.rows[0]?.slice(0, 3)).toEqual(['1880', '-43', '-27']);
    expect(await records('mixedGLB.csv')).toBe(133);

    const weird = await preview('weird_head_padding.csv');
    expect(weird).toMatchObject({ headerLine: 12 });
    expect(weird.headers.slice(1, 4)).toEqual(['1985', '1993', '2000']);
    expect(weird.rows[1]?.slice(0, 3)).toEqual(['      Gefäßchirurgie', '.', '379']);

    const begroting = await preview('begrotingsanalyse-2011.csv');
    expect(begroting.headerLine).toBe(4);
    expect(begroting.warnings).toContainEqual({ code: 'NO_SCORE_OR_COMMENT', params: {} });
    await expect(run('begrotingsanalyse-2011.csv')).rejects.toThrow(
      'no column was recognised for receivedAt and score or comment',
    );
  });

  it('211.csv (2.3 MB, CR line ends) reads every row', async () => {
    const shown = await preview('211.csv');
    expect(shown.headers[0]).toBe('ResourceAgencyNum');
    expect(shown.rows[0]?.[0]).toBe('373463');
    expect(await records('211.csv')).toBe(2132);
  });

  it('files that are no feedback table are refused with one clear line, and nothing is stored', async () => {
    await expect(run('null.csv')).rejects.toThrow(
      'no column was recognised for receivedAt and score or comment; map the columns (columns: "1", "null", "0", "0 (2)")',
    );
    await expect(run('long.csv')).rejects.toThrow('no column was recognised for receivedAt and score or comment');
    await expect(run('skip_initials.csv')).rejects.toThrow('no column was recognised');
    await expect(run('small.csv', { receivedAt: 'a', comment: 'a' })).rejects.toThrow('it has a header but no rows');
    await expect(run('simple.unknown')).rejects.toThrow(
      'This is not a feedback file Kadence can read: the file is empty',
    );
    // Spreadsheets in other formats than .xlsx: a clear 400 in one line (which words, the workbook reader decides).
    for (const name of [
      'simple.xls',
      'span_rich.xls',
      'excel_properties.xls',
      'unicode_sheet_name.xls',
      'encrypted_no_password.xls',
      'simple.ods',
      'simple.zip',
    ]) {
      const refusal = run(name);
      await expect(refusal, name).rejects.toMatchObject({ statusCode: 400 });
      await expect(refusal, name).rejects.toThrow(/^This [^\n]+$/);
    }
    expect(count()).toBe(0);
  });
});
