import type { ZipPackage } from './package.ts';
import { readXmlPart } from './xml.ts';

/** How a number under a style reads: a calendar date (maybe with time), a time of day, or a duration. */
export type DateKind = 'date' | 'time' | 'duration';

/** Built-in number formats (ECMA-376 §18.8.30, with the East Asian ones) that show dates and times. */
const BUILT_IN: ReadonlyMap<number, DateKind> = new Map([
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map((id): [number, DateKind] => [
    id,
    'date',
  ]),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 47, 55, 56].map((id): [number, DateKind] => [id, 'time']),
  [46, 'duration'],
]);

/** The first section of a format code (`positive;negative;zero;text`), `;` inside quotes kept. */
function firstSection(code: string): string {
  let quoted = false;
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '"') quoted = !quoted;
    else if (char === '\\') index++;
    else if (char === ';' && !quoted) return code.slice(0, index);
  }
  return code;
}

/**
 * What a custom format code shows. Quoted and escaped literals, fill and padding characters, colours,
 * conditions and locale tags are removed first, so `yyyy"-"mm"-"dd`, `[$-409]mmmm d, yyyy` and
 * `[$-411]ggge"年"m"月"d"日"` read as dates, `[h]:mm:ss` as a duration and `#,##0.00\ "kr."` as no date.
 */
export function formatKind(code: string): DateKind | null {
  let plain = firstSection(code)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/\[(h+|m+|s+)\]/i.test(plain)) return 'duration';
  plain = plain
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/E[+-]/gi, '')
    .replace(/AM\/PM|A\/P/gi, '');
  if (/[dygeb]/i.test(plain)) return 'date';
  if (/[hs]/i.test(plain)) return 'time';
  // `mmm` or `mmmm` alone is a month name; `m` without hours or seconds is a month too.
  return /m/i.test(plain) ? 'date' : null;
}

/** The date kind of each cell style (`s` on a cell is an index into `cellXfs`); undefined for none. */
export async function readStyleKinds(pkg: ZipPackage, part: string): Promise<(DateKind | undefined)[]> {
  const custom = new Map<number, DateKind | null>();
  const formatIds: number[] = [];
  let inCellFormats = false;
  await readXmlPart(pkg, part, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attributes['numFmtId']);
        if (Number.isInteger(id)) custom.set(id, formatKind(attributes['formatCode'] ?? ''));
      } else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) formatIds.push(Number(attributes['numFmtId'] ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
    text() {},
  });
  // A format the workbook defines itself wins over the built-in one with the same id.
  return formatIds.map((id) => (custom.has(id) ? (custom.get(id) ?? undefined) : BUILT_IN.get(id)));
}
