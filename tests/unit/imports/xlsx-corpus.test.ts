import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { xlsxRows } from '../../../server/imports/xlsx.ts';
import { corpusFile } from '../../helpers/corpora.ts';
import { makeServices } from '../../helpers/services.ts';

/** calamine's workbooks (Excel, LibreOffice, gnumeric, openpyxl …) with the values its tests assert. */
const calamine = (name: string): string => corpusFile('calamine-xlsx', name);
const messy = (name: string): string => corpusFile('messytables', name);

type ExpectedCell = string | number | null | { duration: string } | { time: string };
interface ExpectedBook {
  firstSheet?: boolean;
  cells?: Record<string, ExpectedCell>;
  mergedRegions?: string[];
}
const expected = JSON.parse(readFileSync(calamine('expected.json'), 'utf8')) as Record<string, ExpectedBook>;

/** What a cell must read as: numbers as their shortest text, durations and times as Excel shows them. */
function shown(cell: ExpectedCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return 'duration' in cell ? cell.duration : cell.time;
}

const columnName = (index: number): string =>
  (index >= 26 ? columnName(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** Every filled cell of the workbook's first worksheet by its A1 reference, as the importer reads it. */
async function grid(path: string): Promise<{ cells: Map<string, string>; rows: { line: number; cells: string[] }[] }> {
  const cells = new Map<string, string>();
  const rows: { line: number; cells: string[] }[] = [];
  for await (const group of xlsxRows(path)) {
    for (const row of group) {
      rows.push({ line: row.line, cells: row.cells });
      row.cells.forEach((value, index) => {
        if (value !== '') cells.set(`${columnName(index)}${row.line}`, value);
      });
    }
  }
  return { cells, rows };
}

/** The error a file is refused with, or null when it reads. */
async function refusal(run: () => Promise<unknown>): Promise<AppError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const withCells = Object.entries(expected).filter(
  (entry): entry is [string, ExpectedBook & { cells: Record<string, ExpectedCell> }] =>
    entry[1].firstSheet === true && entry[1].cells !== undefined,
);

describe('the xlsx reader on real third-party workbooks', () => {
  it.each(withCells)('%s reads the values calamine asserts', async (name, book) => {
    const { cells } = await grid(calamine(name));
    const wanted = Object.fromEntries(Object.entries(book.cells).map(([reference, cell]) => [reference, shown(cell)]));
    const got = Object.fromEntries(Object.keys(book.cells).map((reference) => [reference, cells.get(reference) ?? '']));
    expect(got).toEqual(wanted);
  });

  it('the 1904 date system gives the same dates as the 1900 one (date_1904.xlsx against date.xlsx)', async () => {
    const [plain, mac] = await Promise.all([grid(calamine('date.xlsx')), grid(calamine('date_1904.xlsx'))]);
    expect(mac.rows).toEqual(plain.rows);
    expect(mac.cells.get('A1')).toBe('2021-01-01');
    // messytables' simple.xlsx is a real 1904 workbook from another writer.
    const other = await grid(messy('simple.xlsx'));
    expect([other.cells.get('A2'), other.cells.get('A3'), other.cells.get('A4')]).toEqual([
      '2011-01-01',
      '2011-01-02',
      '2011-01-03',
    ]);
  });

  it('cells and rows without r references are placed by order, exactly as Excel places them', async () => {
    const [bare, resaved] = await Promise.all([
      grid(calamine('issue_261.xlsx')),
      grid(calamine('issue_261_fixed_by_excel.xlsx')),
    ]);
    expect(bare.rows).toEqual(resaved.rows);
    expect(bare.rows.at(-1)?.line).toBe(66);
    expect(Math.max(...bare.rows.map((row) => row.cells.length))).toBe(7);
  });

  it('shared formulas read as their cached values, never as an object', async () => {
    for (const name of [
      'issue_565_multi_axis_shared.xlsx',
      'issue_567_absolute_shared.xlsx',
      'column_row_ranges.xlsx',
      'issue446.xlsx',
      'formula.issue.xlsx',
      'issue_553.xlsx',
      'shared_formula_bench.xlsx',
    ]) {
      const { cells } = await grid(calamine(name));
      expect(cells.size, name).toBeGreaterThan(0);
      expect(
        [...cells.values()].filter((value) => value.includes('[object')),
        name,
      ).toEqual([]);
    }
    const bench = await grid(calamine('shared_formula_bench.xlsx'));
    expect(bench.rows.every((row) => Number(row.cells[1]) === 2 * Number(row.cells[0]))).toBe(true);
  });

  it('gnumeric and openpyxl inline strings carry no XML indentation', async () => {
    const gnumeric = await grid(calamine('issue_174.xlsx'));
    expect(gnumeric.rows[0]?.cells.slice(0, 5)).toEqual([
      'Your Ref #',
      'Contact Name',
      'Contact Number',
      'Address',
      'City',
    ]);
    const inline = await grid(calamine('inlineStr_with_value.xlsx'));
    expect(inline.rows[0]?.cells).toEqual([
      'NN',
      'Hierarchy',
      '',
      'Outline Number',
      'ID',
      'Name',
      'Type',
      'Description',
    ]);
  });

  it('a merged region keeps its value in the top-left cell only', async () => {
    const { cells } = await grid(calamine('merged_range.xlsx'));
    for (const region of expected['merged_range.xlsx']?.mergedRegions ?? []) {
      const [start, end] = region.split(':');
      expect(cells.get(start ?? ''), region).toBeTruthy();
      expect(cells.get(end ?? ''), region).toBeUndefined();
    }
    expect((await grid(calamine('merge_cells.xlsx'))).rows[0]?.cells).toEqual(['Row Merge', '', 'Not Merged']);
  });

  it('no corpus workbook leaves an escape, an object or XML in a cell', async () => {
    const readable = readdirSync(corpusFile('calamine-xlsx', '')).filter(
      (name) => /\.xls[xm]$/.test(name) && !['issue252.xlsx', 'pass_protected.xlsx'].includes(name),
    );
    for (const name of readable) {
      const outcome = await refusal(() => grid(calamine(name)));
      if (outcome) {
        // Only an empty first worksheet is refused among these.
        expect(outcome.message, name).toMatch(/its worksheet ".*" is empty$/);
        continue;
      }
      const { cells } = await grid(calamine(name));
      const odd = [...cells.values()].filter((value) => /_x[0-9A-F]{4}_|\[object |<\/?[a-z]+:?[a-z]*>/i.test(value));
      expect(odd, name).toEqual([]);
    }
  });
});

describe('workbooks that cannot be read are refused with a clear one-line reason', () => {
  const refused: [string, string, string][] = [
    [calamine('issue252.xlsx'), 'WORKBOOK_MALFORMED', 'xl/_rels/workbook.xml.rels is corrupt'],
    [calamine('pass_protected.xlsx'), 'WORKBOOK_PROTECTED', 'password-protected'],
    [calamine('any_sheets.xlsb'), 'WORKBOOK_UNSUPPORTED', 'Excel binary workbook (.xlsb)'],
    [calamine('date_1904.xls'), 'WORKBOOK_UNSUPPORTED', 'Excel 97–2003 workbook (.xls)'],
    [calamine('date.ods'), 'WORKBOOK_UNSUPPORTED', 'OpenDocument spreadsheet (.ods)'],
    [messy('simple.xls'), 'WORKBOOK_UNSUPPORTED', '(.xls)'],
    [messy('encrypted_no_password.xls'), 'WORKBOOK_UNSUPPORTED', '(.xls)'],
    [messy('unicode_sheet_name.xls'), 'WORKBOOK_UNSUPPORTED', '(.xls)'],
    [messy('simple.ods'), 'WORKBOOK_UNSUPPORTED', '(.ods)'],
    [messy('simple.zip'), 'VALIDATION', 'it is a zip archive, not an .xlsx workbook'],
    [calamine('empty_sheet.xlsx'), 'VALIDATION', 'its worksheet "Sheet1" is empty'],
    [messy('libreoffice.xlsx'), 'VALIDATION', 'its worksheet "Sheet1" is empty'],
  ];

  it.each(refused)('%s: %s', async (path, code, reason) => {
    const ctx = await makeServices();
    const error = await refusal(() =>
      ctx.services.imports.importFile({
        team: ctx.team,
        path,
        fileName: path.split('/').at(-1) ?? '',
        channel: 'cli',
        userId: null,
      }),
    );
    expect(error).toMatchObject({ code, statusCode: 400 });
    expect(error?.message).toContain(reason);
    expect(error?.message).not.toMatch(/\n|Error:|TypeError|signature|attribute without value/);
    expect((ctx.db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n).toBe(0);
  });
});

describe('corpus workbooks imported as feedback', () => {
  const rows = (ctx: Awaited<ReturnType<typeof makeServices>>) =>
    ctx.db.prepare('SELECT received_at, comment FROM feedback ORDER BY id').all() as {
      received_at: string;
      comment: string;
    }[];

  it('a 1904 workbook imports its real dates (messytables simple.xlsx), not dates four years early', async () => {
    const ctx = await makeServices();
    const result = await ctx.services.imports.importFile({
      team: ctx.team,
      path: messy('simple.xlsx'),
      fileName: 'simple.xlsx',
      channel: 'cli',
      userId: null,
      mapping: { receivedAt: 'date', comment: 'place' },
    });
    expect(result).toMatchObject({ imported: 6, rejected: 0 });
    expect(rows(ctx).slice(0, 3)).toEqual([
      { received_at: '2010-12-31T23:00:00.000Z', comment: 'Galway' },
      { received_at: '2011-01-01T23:00:00.000Z', comment: 'Galway' },
      { received_at: '2011-01-02T23:00:00.000Z', comment: 'Galway' },
    ]);
  });

  it('a duration under a [h]:mm:ss style is never taken for a date (date_1904.xlsx, A3)', async () => {
    const ctx = await makeServices();
    const result = await ctx.services.imports.importFile({
      team: ctx.team,
      path: calamine('date_1904.xlsx'),
      fileName: 'date_1904.xlsx',
      channel: 'cli',
      userId: null,
      mapping: { receivedAt: '2021-01-01', comment: '15' },
    });
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect(result.errors).toEqual([
      {
        line: 3,
        code: 'DATE_UNREADABLE',
        params: { value: '255:10:10' },
        message: '"255:10:10" is not a date Kadence can read',
      },
    ]);
    expect(rows(ctx)).toEqual([{ received_at: '2021-01-01T23:00:00.000Z', comment: '16' }]);
  });
});
