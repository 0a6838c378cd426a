import type { RawRow } from '../tabular.ts';
import type { ZipPackage } from './package.ts';
import { workbookDamaged } from './refusals.ts';
import { RichText, unescapeText } from './strings.ts';
import type { DateKind } from './styles.ts';
import { numberText, serialText } from './values.ts';
import { XmlReader, type XmlHandlers } from './xml.ts';

export interface SheetContext {
  part: string;
  strings: string[];
  kinds: (DateKind | undefined)[];
  date1904: boolean;
}

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;
/** Rows are handed on in groups: one promise per group, not per row. */
const GROUP = 500;

/** The column of a reference such as `B7` (1 for A), or null when there is none to read. */
function columnOf(reference: string | undefined): number | null {
  if (!reference) return null;
  let column = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    const code = reference.charCodeAt(index) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return index > 0 && index <= 3 ? column : null;
}

/**
 * Turns a worksheet's `<sheetData>` into rows as they stream past. A cell is placed by its `r`
 * reference, or after the previous cell when it has none (rows alike), as Excel itself reads such
 * files. Values are what the cell shows: shared and inline strings, cached formula results (a shared
 * formula's cells carry theirs like any other), dates by their style, booleans and error codes.
 */
class SheetCells implements XmlHandlers {
  readonly ready: RawRow[] = [];
  private inData = false;
  private inRow = false;
  private rowNumber = 0;
  private cells: string[] = [];
  private filled = 0;
  private column = 0;
  private inCell = false;
  private type = '';
  private style = 0;
  private reference = '';
  private value: string | null = null;
  private inValue = false;
  private inline: RichText | null = null;
  private readonly rich = new RichText();

  constructor(private readonly context: SheetContext) {}

  open(name: string, attributes: Record<string, string>): void {
    if (this.inline) this.inline.open(name, attributes);
    else if (name === 'v' && this.inCell) {
      this.inValue = true;
      this.value = '';
    } else if (name === 'c' && this.inRow) this.startCell(attributes);
    else if (name === 'is' && this.inCell) this.inline = this.rich;
    else if (name === 'row' && this.inData) this.startRow(attributes['r']);
    else if (name === 'sheetData') this.inData = true;
  }

  close(name: string): void {
    if (this.inline) {
      if (name === 'is') this.inline = null;
      else this.inline.close(name);
    } else if (name === 'v') this.inValue = false;
    else if (name === 'c' && this.inCell) this.endCell();
    else if (name === 'row' && this.inRow) this.endRow();
    else if (name === 'sheetData') this.inData = false;
  }

  text(text: string): void {
    if (this.inline) this.inline.text(text);
    else if (this.inValue) this.value += text;
  }

  private startRow(reference: string | undefined): void {
    const number = reference ? Number(reference) : NaN;
    this.rowNumber = Number.isInteger(number) && number > 0 ? number : this.rowNumber + 1;
    this.inRow = true;
    this.cells = [];
    this.filled = 0;
    this.column = 0;
  }

  private endRow(): void {
    if (this.filled > 0) {
      const cells = this.cells;
      for (let index = 0; index < cells.length; index++) if (cells[index] === undefined) cells[index] = '';
      this.ready.push({ line: this.rowNumber, cells, grid: true });
    }
    // A row's number stays: the next row without a reference follows it.
    this.inRow = false;
    this.cells = [];
  }

  private startCell(attributes: Record<string, string>): void {
    this.inCell = true;
    this.reference = attributes['r'] ?? '';
    this.column = columnOf(this.reference) ?? this.column + 1;
    if (this.column > MAX_COLUMNS)
      throw workbookDamaged(`a cell in row ${this.rowNumber} lies beyond Excel's last column`);
    this.type = attributes['t'] ?? 'n';
    const style = Number(attributes['s'] || 0);
    this.style = Number.isInteger(style) ? style : 0;
    this.value = null;
    this.rich.take();
  }

  private endCell(): void {
    this.inCell = false;
    const shown = this.shownValue();
    if (shown !== '') {
      this.cells[this.column - 1] = shown;
      this.filled++;
    }
  }

  private shownValue(): string {
    const raw = this.value;
    switch (this.type) {
      case 's': {
        const index = raw === null || raw.trim() === '' ? null : Number(raw);
        if (index === null) return '';
        const text = Number.isInteger(index) ? this.context.strings[index] : undefined;
        if (text === undefined)
          throw workbookDamaged(
            `cell ${this.reference || `in row ${this.rowNumber}`} refers to shared text that the workbook does not hold`,
          );
        return text;
      }
      case 'inlineStr':
        return this.rich.take();
      case 'str':
        return raw === null ? '' : unescapeText(raw);
      case 'b':
        return raw === null ? '' : raw.trim() === '1' ? 'TRUE' : raw.trim() === '0' ? 'FALSE' : raw.trim();
      case 'e':
      case 'd':
        return raw?.trim() ?? '';
      default: {
        // A number, unless a writer put an inline string without saying so.
        if (raw === null) return this.rich.take();
        const number = raw.trim();
        const kind = this.context.kinds[this.style];
        return (
          (kind && number !== '' ? serialText(Number(number), kind, this.context.date1904) : null) ?? numberText(number)
        );
      }
    }
  }
}

/** The rows of one worksheet that hold anything, in groups, as the part is unpacked. */
export async function* sheetRows(pkg: ZipPackage, context: SheetContext): AsyncGenerator<RawRow[]> {
  const cells = new SheetCells(context);
  const reader = new XmlReader(context.part, cells);
  for await (const chunk of pkg.chunks(context.part)) {
    reader.write(chunk);
    if (cells.ready.length >= GROUP) yield cells.ready.splice(0);
  }
  reader.end();
  if (cells.ready.length > 0) yield cells.ready.splice(0);
}
