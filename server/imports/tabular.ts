import type { Readable } from 'node:stream';
import Papa from 'papaparse';

/** One spreadsheet row: its number as a spreadsheet shows it, its cells, and why it is unreadable if it is. */
export interface RawRow {
  line: number;
  cells: string[];
  problem?: string;
  /** A worksheet's row: cells after its last filled one are empty, not missing. */
  grid?: boolean;
}

/** The delimiter used on the header line, outside quotes: `,` `;` or tab, whichever occurs most. */
export function detectDelimiter(sample: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * CSV/TSV rows from decoded text with papaparse, one group per parsed chunk. Parsing pauses while the
 * consumer works through a chunk, so memory stays bounded by the chunk size, not the file size.
 */
export async function* csvRows(text: Readable, delimiter: string): AsyncGenerator<RawRow[]> {
  const queue: { rows: string[][]; problems: Map<number, string> }[] = [];
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
      const problems = new Map<number, string>();
      for (const error of results.errors) {
        if (error.row === undefined) continue;
        if (error.code === 'MissingQuotes') problems.set(error.row, 'a quoted field is never closed (missing ")');
        else if (error.code === 'InvalidQuotes') problems.set(error.row, 'a quoted field has a stray " inside it');
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
