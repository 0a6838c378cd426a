import { masked } from './errors.ts';

/** Rows read before the header is chosen: enough to see past a title block. */
export const HEADER_SAMPLE = 30;

const filled = (cells: string[]): number => {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== '') count++;
  return count;
};

export const isBlank = (cells: string[]): boolean => filled(cells) === 0;

/**
 * Which of the first rows is the header: the first that fills at least three quarters as many cells
 * as a typical row of the sample (and at least two). Titles, notes ("thousand tonnes, …"), "Region:;
 * Deutschland" pairs and blank rows above the table fill one or two; a file of one column has its
 * header first. `known` says whether a row is the header of a known tool, which wins outright.
 */
export function chooseHeaderRow(rows: string[][], known: (cells: string[]) => boolean): number {
  const counts = rows.map(filled);
  const firstFilled = counts.findIndex((count) => count > 0);
  if (firstFilled < 0) return -1;
  const recognised = rows.findIndex((cells) => filled(cells) > 0 && known(cells.map((cell) => cell.trim())));
  if (recognised >= 0) return recognised;
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (typical <= 1) return firstFilled;
  const needed = Math.max(2, Math.ceil(typical * 0.75));
  const header = counts.findIndex((count) => count >= needed);
  return header < 0 ? firstFilled : header;
}

/** Why a trailing row is left out: a total below the answers, or a note under the table. */
export interface SkippedRow {
  code: 'SUMMARY_ROW' | 'NOTE_ROW';
  /** The row's first words, masked and shortened, so a person can find it. */
  label: string;
}

const SUMMARY =
  /^(grand total|sub ?total|totals?|totalt|total i alt|i alt|sum|summa|average|avg|mean|median|count|gennemsnit|snit|antal|summary|sammendrag|opsummering)\s*:?$/i;
const NOTE = /^[\p{L}][\p{L} .]{1,30}:\s*\S/u;

/**
 * A row that may be a total or a note, if nothing but such rows follows it: its first filled cell
 * is a word like "Total", "I alt", "Gennemsnit" (cheap to test: most rows start with a date or id),
 * or it is a single "Source: …"/"Kilde: …" cell. Undefined for an ordinary row.
 */
export function trailingCandidate(cells: string[], afterSummary: boolean): SkippedRow | undefined {
  let first = -1;
  for (let index = 0; index < cells.length; index++) {
    if ((cells[index] ?? '').trim() !== '') {
      first = index;
      break;
    }
  }
  if (first < 0) return undefined;
  const text = (cells[first] ?? '').trim();
  // Dates, ids and numbers start with a digit: the common row is done after one comparison.
  const code = text.charCodeAt(0);
  if (code >= 48 && code <= 57) return undefined;
  if (text.length <= 24 && SUMMARY.test(text)) return { code: 'SUMMARY_ROW', label: masked(text) };
  if ((afterSummary || NOTE.test(text)) && filled(cells) === 1) return { code: 'NOTE_ROW', label: masked(text) };
  return undefined;
}
