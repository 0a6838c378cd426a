import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../server/errors.ts';
import type { RawRow } from '../server/imports/tabular.ts';
import { xlsxRows } from '../server/imports/xlsx.ts';
import { exceljsRows } from './xlsx-exceljs.ts';

/**
 * One reader, one job, in its own process so its peak memory is its own:
 * `xlsx-worker READER big FILE` reads a large workbook; `xlsx-worker READER corpus FOLDER` reads
 * every corpus workbook and checks calamine's expected cells. Prints figures as JSON.
 */
const readers: Record<string, (path: string) => AsyncGenerator<RawRow[]>> = { kadence: xlsxRows, exceljs: exceljsRows };

const columnName = (index: number): string =>
  (index >= 26 ? columnName(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

async function readAll(
  read: (path: string) => AsyncGenerator<RawRow[]>,
  path: string,
): Promise<{ rows: number; filled: number }> {
  let rows = 0;
  let filled = 0;
  for await (const group of read(path)) {
    for (const row of group) {
      rows++;
      for (const cell of row.cells) if (cell !== '') filled++;
    }
  }
  return { rows, filled };
}

async function cellsOf(read: (path: string) => AsyncGenerator<RawRow[]>, path: string): Promise<Map<string, string>> {
  const cells = new Map<string, string>();
  for await (const group of read(path))
    for (const row of group)
      row.cells.forEach((value, index) => value !== '' && cells.set(`${columnName(index)}${row.line}`, value));
  return cells;
}

type Expected = Record<
  string,
  { firstSheet?: boolean; cells?: Record<string, string | number | null | { duration: string } | { time: string }> }
>;
const shown = (cell: string | number | null | { duration: string } | { time: string }): string =>
  cell === null ? '' : typeof cell === 'object' ? ('duration' in cell ? cell.duration : cell.time) : String(cell);

async function corpus(read: (path: string) => AsyncGenerator<RawRow[]>, folder: string) {
  const expected = JSON.parse(readFileSync(join(folder, 'calamine-xlsx', 'expected.json'), 'utf8')) as Expected;
  const files = ['calamine-xlsx', 'messytables'].flatMap((sub) =>
    readdirSync(join(folder, sub))
      .filter((name) => /\.(xlsx|xlsm)$/.test(name))
      .map((name) => join(folder, sub, name)),
  );
  const outcome = {
    files: files.length,
    read: 0,
    refused: 0,
    crashed: 0,
    crashes: [] as string[],
    cellsRight: 0,
    cellsChecked: 0,
    oddCells: 0,
  };
  const started = process.hrtime.bigint();
  for (const path of files) {
    const name = path.split('/').at(-1) ?? '';
    try {
      const cells = await cellsOf(read, path);
      outcome.read++;
      for (const value of cells.values()) if (/_x[0-9A-F]{4}_|\[object /i.test(value)) outcome.oddCells++;
      const book = path.includes('calamine-xlsx') ? expected[name] : undefined;
      if (book?.firstSheet && book.cells)
        for (const [reference, cell] of Object.entries(book.cells)) {
          outcome.cellsChecked++;
          if ((cells.get(reference) ?? '') === shown(cell)) outcome.cellsRight++;
        }
    } catch (error) {
      // A refusal Kadence can show has an error code; anything else is a crash (a 500 upstream).
      if (error instanceof AppError) outcome.refused++;
      else {
        outcome.crashed++;
        outcome.crashes.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      const book = path.includes('calamine-xlsx') ? expected[name] : undefined;
      if (book?.firstSheet && book.cells) outcome.cellsChecked += Object.keys(book.cells).length;
    }
  }
  return { ...outcome, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function main(): Promise<void> {
  const [name, job, path] = process.argv.slice(2);
  const read = readers[name ?? ''];
  if (!read || !path || (job !== 'big' && job !== 'corpus'))
    throw new Error('usage: xlsx-worker kadence|exceljs big FILE | corpus FOLDER');
  // exceljs is loaded on the first workbook; loading it is timed apart from reading.
  const loadStarted = process.hrtime.bigint();
  if (name === 'exceljs') await import('exceljs');
  const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  if (job === 'corpus') {
    console.log(JSON.stringify({ ...(await corpus(read, path)), peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const started = process.hrtime.bigint();
  const { rows, filled } = await readAll(read, path);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({ rows, filled, seconds, loadSeconds, baseRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

main().catch((error: unknown) => {
  console.error(`xlsx-worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
