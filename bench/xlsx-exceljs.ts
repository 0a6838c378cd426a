import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { RawRow } from '../server/imports/tabular.ts';

/**
 * The reader Kadence used before its own (exceljs's streaming WorkbookReader), kept only so that
 * bench:xlsx can measure the two in the same run. Not used by Kadence itself.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function* exceljsRows(path: string): AsyncGenerator<RawRow[]> {
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    let group: RawRow[] = [];
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
      group.push({ line: row.number, cells });
      if (group.length >= 500) {
        yield group;
        group = [];
      }
    }
    if (group.length > 0) yield group;
    return;
  }
}
