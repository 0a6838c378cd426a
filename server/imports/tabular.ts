import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Rejection } from '../../shared/schemas/imports.ts';

/** One spreadsheet row: its number as a spreadsheet shows it, its cells, and why it is unreadable if it is. */
export interface RawRow {
  line: number;
  cells: string[];
  problem?: Rejection;
  /** A worksheet's row: cells after its last filled one are empty, not missing. */
  grid?: boolean;
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

/** How often each delimiter occurs outside quotes on each of the first lines (up to 50) of `sample`. */
function delimiterCounts(sample: string): Record<Delimiter, number>[] {
  const lines: Record<Delimiter, number>[] = [];
  let counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  let blank = true;
  for (let index = 0; index < sample.length && lines.length < 50; index++) {
    const char = sample[index] ?? '';
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (!blank) lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
      blank = true;
      continue;
    } else if (!quoted && char in counts) counts[char as Delimiter]++;
    if (char.trim() !== '') blank = false;
  }
  if (!blank && lines.length < 50) lines.push(counts);
  return lines;
}

/**
 * The delimiter of a table: `,` `;` tab or `|`, the one that splits the most of the first lines into
 * the same number of fields. Title and note rows above the header (a comma in a sentence) and commas
 * inside `;`-separated comments then do not decide it.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = delimiterCounts(sample);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const line of lines)
      if (line[delimiter] > 0) frequency.set(line[delimiter], (frequency.get(line[delimiter]) ?? 0) + 1);
    // Lines that agree on one field count, weighted a little by how many fields that is.
    let score = 0;
    for (const [count, times] of frequency) score = Math.max(score, times * 1000 + Math.min(count, 999));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** `date, another date, "6,000,000"`: every delimiter of the header line is followed by a space. */
export function spacedAfterDelimiter(sample: string, delimiter: Delimiter): boolean {
  const header = sample.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const parts = header.split(delimiter);
  return delimiter !== '\t' && parts.length > 1 && parts.slice(1).every((part) => part.startsWith(' '));
}

/**
 * CSV/TSV rows from decoded text with papaparse, one group per parsed chunk. Parsing pauses while the
 * consumer works through a chunk, so memory stays bounded by the chunk size, not the file size.
 */
export async function* csvRows(text: Readable, delimiter: string): AsyncGenerator<RawRow[]> {
  const queue: { rows: string[][]; problems: Map<number, Rejection> }[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let failure: Error | null = null;
  let parser: Papa.Parser | null = null;
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };

  Papa.parse<string[]>(text as unknown as File, {
    delimiter,
    chunk(results, chunkParser) {
      parser = chunkParser;
      const problems = new Map<number, Rejection>();
      for (const error of results.errors) {
        if (error.row === undefined) continue;
        if (error.code === 'MissingQuotes') problems.set(error.row, { code: 'QUOTE_NOT_CLOSED', params: {} });
        else if (error.code === 'InvalidQuotes') problems.set(error.row, { code: 'STRAY_QUOTE', params: {} });
      }
      queue.push({ rows: results.data, problems });
      // Pausing papaparse's handle only halts parsing; the source must stop too, or the whole file
      // would pile up in papaparse's own queue while the rows are being stored.
      chunkParser.pause();
      text.pause();
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error) {
      failure = error;
      finished = true;
      notify();
    },
  });

  let line = 0;
  for (;;) {
    const next = queue.shift();
    if (next) {
      const group: RawRow[] = new Array<RawRow>(next.rows.length);
      for (let index = 0; index < next.rows.length; index++) {
        line++;
        const cells = next.rows[index] ?? [];
        const problem = next.problems.get(index);
        group[index] = problem ? { line, cells, problem } : { line, cells };
      }
      yield group;
      if (!finished) {
        text.resume();
        (parser as Papa.Parser | null)?.resume();
      }
      continue;
    }
    if (finished) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  if (failure) throw failure;
}
