import { notFeedbackFile } from './errors.ts';
import type { RawRow } from './tabular.ts';
import { ZipPackage } from './xlsx/package.ts';
import { locateWorkbook } from './xlsx/parts.ts';
import { sheetRows } from './xlsx/sheet.ts';
import { readSharedStrings } from './xlsx/strings.ts';
import { readStyleKinds } from './xlsx/styles.ts';

/**
 * Rows of a workbook's first visible worksheet, streamed in groups: only the shared strings and the
 * styles are held in memory, the sheet itself is read as it is unpacked. Anything that is not a
 * readable .xlsx (an .ods or .xlsb in a zip, a damaged part) is refused with a one-line reason.
 */
export async function* xlsxRows(path: string): AsyncGenerator<RawRow[]> {
  const pkg = await ZipPackage.open(path);
  try {
    const book = await locateWorkbook(pkg);
    const strings = book.sharedStrings ? await readSharedStrings(pkg, book.sharedStrings) : [];
    const kinds = book.styles ? await readStyleKinds(pkg, book.styles) : [];
    let rows = 0;
    for await (const group of sheetRows(pkg, { part: book.sheet, strings, kinds, date1904: book.date1904 })) {
      rows += group.length;
      yield group;
    }
    if (rows === 0) throw notFeedbackFile({ reason: 'WORKSHEET_EMPTY', sheet: book.sheetName });
  } finally {
    pkg.close();
  }
}
