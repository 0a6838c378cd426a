import { notFeedbackFile } from '../errors.ts';
import type { ZipPackage } from './package.ts';
import { readXmlPart } from './xml.ts';

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` is a carriage return); a literal
 * `_x000D_` in a cell is written `_x005F_x000D_`, which one left-to-right pass turns back into it.
 */
export function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** XML's own whitespace only: an ideographic or no-break space at the edge is part of the text. */
const trimXml = (text: string): string => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/**
 * The text of one shared or inline string: its `<t>` elements, plain or in rich-text runs, in order.
 * Phonetic guides (`<rPh>`) are not part of the text, nor is the indentation some writers put
 * between elements (gnumeric). Text is trimmed unless the element says `xml:space="preserve"`.
 */
export class RichText {
  private parts: string[] = [];
  private current: string | null = null;
  private preserve = false;
  private phonetic = 0;

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) {
      this.current = '';
      this.preserve = attributes['xml:space'] === 'preserve';
    }
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't' && this.current !== null) {
      this.parts.push(this.preserve ? this.current : trimXml(this.current));
      this.current = null;
    }
  }

  text(text: string): void {
    if (this.current !== null) this.current += text;
  }

  /** The collected text, and a fresh start for the next string. */
  take(): string {
    const value = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    this.current = null;
    this.phonetic = 0;
    return unescapeText(value);
  }
}

/**
 * How much shared-string XML a workbook may have. Cells refer to shared strings by index in any
 * order, so they are held in memory (the sheet itself streams); this bounds that memory. An export
 * of a million unique comments stays below it; a CSV has no such limit.
 */
export const MAX_SHARED_TEXT_BYTES = 256 * 1024 * 1024;

/** The workbook's shared strings, in order; cells refer to them by index. */
export async function readSharedStrings(pkg: ZipPackage, part: string): Promise<string[]> {
  const size = pkg.size(part) ?? 0;
  if (size > MAX_SHARED_TEXT_BYTES)
    throw notFeedbackFile({
      reason: 'WORKBOOK_TEXT_TOO_LARGE',
      megabytes: String(Math.round(size / 1024 / 1024)),
      limit: String(MAX_SHARED_TEXT_BYTES / 1024 / 1024),
    });
  const strings: string[] = [];
  const rich = new RichText();
  let inItem = false;
  await readXmlPart(pkg, part, {
    open(name, attributes) {
      if (name === 'si') inItem = true;
      else if (inItem) rich.open(name, attributes);
    },
    close(name) {
      if (name === 'si') {
        strings.push(rich.take());
        inItem = false;
      } else if (inItem) rich.close(name);
    },
    text(text) {
      if (inItem) rich.text(text);
    },
  });
  return strings;
}
