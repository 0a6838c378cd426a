import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { xlsxRows } from '../../../server/imports/xlsx.ts';
import { formatKind } from '../../../server/imports/xlsx/styles.ts';
import { numberText, serialText } from '../../../server/imports/xlsx/values.ts';
import { makeServices } from '../../helpers/services.ts';
import { workbook, zipArchive } from '../../helpers/workbook.ts';

const dir = mkdtempSync(join(tmpdir(), 'kadence-xlsx-'));
let files = 0;
function saved(content: Buffer): string {
  const path = join(dir, `book-${++files}.xlsx`);
  writeFileSync(path, content);
  return path;
}

async function run(content: Buffer, mapping?: Record<string, string>) {
  const ctx = await makeServices();
  const path = saved(content);
  const result = await ctx.services.imports.importFile({
    team: ctx.team,
    path,
    fileName: 'svar.xlsx',
    channel: 'file',
    userId: null,
    ...(mapping ? { mapping } : {}),
  });
  const rows = ctx.db.prepare('SELECT received_at, metric, score, comment FROM feedback ORDER BY id').all();
  return { result, rows };
}

async function refused(content: Buffer): Promise<{ code: string; message: string; statusCode: number }> {
  const ctx = await makeServices();
  try {
    await ctx.services.imports.importFile({
      team: ctx.team,
      path: saved(content),
      fileName: 'svar.xlsx',
      channel: 'file',
      userId: null,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, message, statusCode } = error;
    return { code, message, statusCode };
  }
  throw new Error('the workbook was imported');
}

const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
const STRINGS = ['Dato', 'Anbefaling (0-10)', 'Begrundelse', 'Pakken kom_x000D_\nfor sent', 'Fin service'];

describe('a feedback workbook as real tools write it', () => {
  it('Excel for Mac (1904 dates, date-time style), without r references, with a shared formula and x: prefixes', async () => {
    const sheetData = [
      HEADER,
      // 1904 serial 42735.4375 is 2021-01-01 10:30 (it would be 2016-12-31 in the 1900 system).
      '<row><c s="1"><v>42735.4375</v></c><c><v>9</v></c><c t="s"><v>3</v></c></row>',
      // A shared formula's child cell: only <f t="shared" si="0"/> and its cached value.
      '<row><c s="1"><v>42736.5</v></c><c><f t="shared" ref="B3:B4" si="0">B2-1</f><v>8</v></c><c t="inlineStr"><is><r><t>Rich</t></r><r><rPr><b/></rPr><t xml:space="preserve"> tekst</t></r></is></c></row>',
      // The last cell is left empty: a worksheet row simply ends there.
      '<row><c s="2"><v>42737</v></c><c><f t="shared" si="0"/><v>7</v></c></row>',
    ].join('');
    const plain = workbook({ sheetData, sharedStrings: STRINGS, styles: [0, 22, 14], date1904: true });
    const { result, rows } = await run(plain);
    expect(result).toMatchObject({ imported: 3, rejected: 0 });
    expect(rows).toEqual([
      { received_at: '2021-01-01T09:30:00.000Z', metric: 'nps', score: 9, comment: 'Pakken kom\r\nfor sent' },
      { received_at: '2021-01-02T11:00:00.000Z', metric: 'nps', score: 8, comment: 'Rich tekst' },
      { received_at: '2021-01-02T23:00:00.000Z', metric: 'nps', score: 7, comment: null },
    ]);

    // The same sheet with every element prefixed, as the Open XML SDK writes it.
    const prefixed = sheetData.replace(/<(\/?)(row|c|v|f|is|r|rPr|b|t)([ >/])/g, '<$1x:$2$3');
    const namespaced = workbook({
      sheetData: '',
      sharedStrings: STRINGS,
      styles: [0, 22, 14],
      date1904: true,
      override: {
        'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${prefixed}</x:sheetData></x:worksheet>`,
      },
    });
    expect((await run(namespaced)).rows).toEqual(rows);
  });

  it('booleans, error cells, formula strings and numbers read as a person sees them', async () => {
    const sheetData = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Dato</t></is></c><c r="B1" t="inlineStr"><is><t>Karakter</t></is></c><c r="C1" t="inlineStr"><is><t>Kommentar</t></is></c><c r="D1" t="inlineStr"><is><t>Besvaret</t></is></c></row>',
      '<row r="2"><c r="A2" t="d"><v>2026-11-03T10:15:00</v></c><c r="B2"><v>4.0000000000000009</v></c><c r="C2" t="str"><f>A1&amp;"x"</f><v>Hurtig_x000D_ levering</v></c><c r="D2" t="b"><v>1</v></c></row>',
      '<row r="3"><c r="A3" t="d"><v>2026-11-04</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="inlineStr"><is><t>Ingen karakter</t></is></c><c r="D3" t="b"><v>0</v></c></row>',
    ].join('');
    const { result, rows } = await run(workbook({ sheetData }), {
      receivedAt: 'Dato',
      score: 'Karakter',
      comment: 'Kommentar',
    });
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect(result.errors[0]?.message).toContain('#N/A');
    expect(rows).toEqual([
      { received_at: '2026-11-03T09:15:00.000Z', metric: 'csat', score: 4, comment: 'Hurtig\r levering' },
    ]);
  });
});

describe('workbooks written by Python tools', () => {
  const rowsOf = async (name: string) => {
    const rows: string[][] = [];
    for await (const group of xlsxRows(fileURLToPath(new URL(`../../fixtures/imports/${name}`, import.meta.url))))
      for (const row of group) rows.push(row.cells);
    return rows;
  };

  // Written by xlsxwriter 3.2.9 with {'date_1904': True}: a dd-mm-yyyy hh:mm date, write_rich_string,
  // write_formula('=B2-2', value=7) and merge_range('D1:E1').
  it('xlsxwriter: 1904 dates, a rich string, a formula with its cached value and a merged header cell', async () => {
    expect(await rowsOf('xlsxwriter-1904.xlsx')).toEqual([
      ['Dato', 'Anbefaling', 'Begrundelse', 'Flettet'],
      ['2026-11-03T10:15:00', '9', 'Hurtig levering\r\nog god service'],
      ['2026-11-04T08:00:00', '7', 'Meget langsom levering'],
    ]);
  });

  // Written by openpyxl 3.1.5: a datetime, a date, and a formula openpyxl stores without a cached value.
  it('openpyxl: dates and times by their style; a formula without a cached value is empty (Kadence does not calculate)', async () => {
    expect(await rowsOf('openpyxl.xlsx')).toEqual([
      ['Dato', 'Anbefaling', 'Begrundelse'],
      ['2026-11-03T10:15:00', '9', 'Fin \r tekst'],
      ['2026-11-04', '', 'Anden'],
    ]);
  });
});

describe('damaged workbooks are refused with a one-line reason, never a parser message or a 500', () => {
  const good = workbook({
    sheetData: `${HEADER}<row r="2"><c r="A2" t="d"><v>2026-11-03</v></c><c r="B2"><v>9</v></c></row>`,
    sharedStrings: STRINGS,
  });
  const cases: [string, Buffer, string][] = [
    ['a truncated file', good.subarray(0, Math.floor(good.length / 2)), 'the zip archive is incomplete or corrupt'],
    [
      'a worksheet that is not well-formed XML',
      workbook({
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r=A2><v>1</v></c></row>',
        sharedStrings: STRINGS,
      }),
      'xl/worksheets/sheet1.xml is not well-formed XML (within its first 1 KB)',
    ],
    [
      'shared strings that are not UTF-8',
      workbook({
        sheetData: HEADER,
        override: {
          'xl/sharedStrings.xml': Buffer.concat([
            Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Bedømmelse'),
            Buffer.from([0xf8]),
            Buffer.from('</t></si></sst>'),
          ]),
          'xl/_rels/workbook.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        },
      }),
      'xl/sharedStrings.xml is not well-formed XML (within its first 1 KB)',
    ],
    [
      'a cell pointing past the shared strings',
      workbook({ sheetData: `${HEADER}<row r="2"><c r="A2" t="s"><v>99</v></c></row>`, sharedStrings: STRINGS }),
      'cell A2 refers to shared text that the workbook does not hold',
    ],
    [
      'a worksheet part that is missing',
      workbook({
        sheetData: HEADER,
        sharedStrings: STRINGS,
        override: {
          'xl/_rels/workbook.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/gone.xml"/></Relationships>',
        },
      }),
      'the worksheet "Svar" is missing from the file',
    ],
    [
      'a cell beyond Excel’s last column',
      workbook({ sheetData: `${HEADER}<row r="2"><c r="XFE2"><v>1</v></c></row>`, sharedStrings: STRINGS }),
      "a cell in row 2 lies beyond Excel's last column",
    ],
  ];

  it.each(cases)('%s', async (_, content, reason) => {
    const error = await refused(content);
    expect(error).toMatchObject({ code: 'WORKBOOK_MALFORMED', statusCode: 400 });
    expect(error.message).toBe(
      `This workbook is damaged and cannot be read (${reason}): open it in Excel, save it again, or save it as CSV.`,
    );
  });

  it('a part whose bytes do not match its checksum is refused even when it still unpacks', async () => {
    const content = Buffer.from(good);
    // Flip the stored checksum of the worksheet in the central directory.
    const name = content.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    content.writeUInt32LE((content.readUInt32LE(name - 46 + 16) ^ 1) >>> 0, name - 46 + 16);
    expect((await refused(content)).message).toContain(
      'xl/worksheets/sheet1.xml is corrupt (its checksum does not match)',
    );
  });

  it('a workbook whose shared text would not fit the memory bound is refused before it is read', async () => {
    const content = Buffer.from(good);
    // Declare the shared strings part 300 MB large in the central directory.
    const name = content.lastIndexOf(Buffer.from('xl/sharedStrings.xml'));
    content.writeUInt32LE(300 * 1024 * 1024, name - 46 + 24);
    expect(await refused(content)).toMatchObject({
      code: 'VALIDATION',
      message:
        'This is not a feedback file Kadence can read: its text takes 300 MB, more than the 256 MB Kadence reads from a workbook; save it as CSV, which has no such limit',
    });
  });

  it('a zip without a workbook, and an OpenDocument spreadsheet, say what they are', async () => {
    expect(await refused(zipArchive({ 'word/document.xml': '<w:document/>' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'This is not a feedback file Kadence can read: it is a zip archive, not an .xlsx workbook',
    });
    expect(
      await refused(
        zipArchive({
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<office:document-content/>',
        }),
      ),
    ).toMatchObject({ code: 'WORKBOOK_UNSUPPORTED' });
  });
});

describe('number formats and serials', () => {
  it.each([
    ['yyyy\\-mm\\-dd', 'date'],
    ['yyyy"-"mm"-"dd', 'date'],
    ['[$-409]mmmm" "d", "yyyy', 'date'],
    ['[$-411]ggge"年"m"月"d"日";@', 'date'],
    ['mmm', 'date'],
    ['d/m/yyyy h:mm', 'date'],
    ['h:mm AM/PM', 'time'],
    ['mm:ss', 'time'],
    ['[hh]:mm:ss', 'duration'],
    ['[h]:mm', 'duration'],
    ['General', null],
    ['0.00E+00', null],
    ['#,##0.00\\ "kr."', null],
    ['[$$-409]#,##0.00;[RED]\\-[$$-409]#,##0.00', null],
    ['[DBNum1][$-804]General', null],
    ['0%', null],
    ['@', null],
  ])('%s is %s', (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });

  it('serials become the date, time or duration Excel shows, in both date systems', () => {
    expect(serialText(44197, 'date', false)).toBe('2021-01-01');
    expect(serialText(42735, 'date', true)).toBe('2021-01-01');
    expect(serialText(44197 + (10 * 3600 + 10 * 60 + 10) / 86_400, 'date', false)).toBe('2021-01-01T10:10:10');
    expect(serialText((10 * 3600 + 10 * 60 + 10) / 86_400, 'time', false)).toBe('10:10:10');
    expect(serialText(10.6320601851852, 'duration', false)).toBe('255:10:10');
    // Excel's phantom 29 February 1900: serials before it are one day late.
    expect(serialText(59, 'date', false)).toBe('1900-02-28');
    expect(serialText(61, 'date', false)).toBe('1900-03-01');
    expect(serialText(-1, 'date', false)).toBeNull();
    expect(numberText('22.222200000000001')).toBe('22.2222');
    expect(numberText('4.0000000000000009')).toBe('4');
    expect(numberText('6.255519999999999')).toBe('6.25552');
    expect(numberText('not a number')).toBe('not a number');
  });
});
