import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { corpusFile } from '../tests/helpers/corpora.ts';
import { workbook } from '../tests/helpers/workbook.ts';

/**
 * Reads a generated 100,000-row feedback workbook, and every corpus workbook, with Kadence's own
 * streaming reader and with exceljs's streaming reader (what Kadence used before), each run in its
 * own plain-node process so that time and peak memory are that reader's alone. Prints figures.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORKER = 'dist/bench/xlsx-worker.js';

const DANISH = [
  'Levering tog alt for lang tid, og ingen svarede på min mail.',
  'Søde medarbejdere og hurtig ekspedition.',
  'Prisen på fragt er for høj – 49,95 € for en lille pakke.',
  'Kundeservice lovede at ringe tilbage, men det skete aldrig.',
];
const ENGLISH = [
  'Fast delivery and friendly staff.',
  'Support said “we will call back” and never did.',
  'The checkout asked for my address three times.',
];
const SOURCES = ['trustpilot', 'webshop', 'app-store', 'butik'];

/** A workbook as Excel writes an export: every text a shared string, dates as serials under a date-time style. */
function feedbackWorkbook(rows: number): Buffer {
  const strings = ['Svar-id', 'Dato', 'Anbefaling (0-10)', 'Begrundelse', 'Kanal', ...SOURCES];
  const rowsXml: string[] = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
  ];
  const start = 45_658.25; // 2025-01-01 06:00
  for (let row = 1; row <= rows; row++) {
    const texts = row % 3 === 0 ? ENGLISH : DANISH;
    let text = `${texts[row % texts.length] ?? ''} ${texts[(row * 7) % texts.length] ?? ''} (#${row})`;
    if (row % 50 === 0) text += '_x000D_\nSkrevet over to linjer';
    strings.push(text);
    const line = row + 1;
    const serial = (start + (row / rows) * 730).toFixed(8);
    rowsXml.push(
      `<row r="${line}"><c r="A${line}"><v>${row}</v></c><c r="B${line}" s="1"><v>${serial}</v></c><c r="C${line}"><v>${row % 11}</v></c><c r="D${line}" t="s"><v>${strings.length - 1}</v></c><c r="E${line}" t="s"><v>${5 + (row % SOURCES.length)}</v></c></row>`,
    );
  }
  return workbook({ sheetData: rowsXml.join(''), sharedStrings: strings, styles: [0, 22] });
}

interface BigFigures {
  rows: number;
  filled: number;
  seconds: number;
  loadSeconds: number;
  baseRssMb: number;
  peakRssMb: number;
}
interface CorpusFigures {
  files: number;
  read: number;
  refused: number;
  crashed: number;
  crashes: string[];
  cellsRight: number;
  cellsChecked: number;
  oddCells: number;
  seconds: number;
  peakRssMb: number;
}

function worker<T>(reader: string, job: string, path: string): T {
  const result = spawnSync(process.execPath, [WORKER, reader, job, path], { encoding: 'utf8', maxBuffer: 1 << 22 });
  if (result.status !== 0) throw new Error(`${reader} ${job} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kadence-bench-xlsx-'));
  try {
    const file = join(dir, 'feedback.xlsx');
    writeFileSync(file, feedbackWorkbook(ROWS));
    await build({
      entryPoints: ['bench/xlsx-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      target: 'node20',
      outfile: WORKER,
      logLevel: 'warning',
    });

    console.log(
      `workbook: ${ROWS.toLocaleString('en')} rows x 5 columns, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB .xlsx (all text in shared strings, dates under a date-time style); ${RUNS} runs each, in turn`,
    );
    const runs: Record<string, BigFigures[]> = { kadence: [], exceljs: [] };
    for (let run = 0; run < RUNS; run++)
      for (const reader of ['kadence', 'exceljs']) runs[reader]?.push(worker<BigFigures>(reader, 'big', file));
    for (const [reader, figures] of Object.entries(runs)) {
      const seconds = median(figures.map((figure) => figure.seconds));
      const first = figures[0];
      console.log(
        `  ${reader.padEnd(8)} ${seconds.toFixed(2)} s median (${Math.round(ROWS / seconds).toLocaleString('en')} rows/s), peak RSS ${median(figures.map((figure) => figure.peakRssMb)).toFixed(0)} MB (${first?.baseRssMb.toFixed(0)} MB before the first row), ${first?.rows.toLocaleString('en')} rows, ${first?.filled.toLocaleString('en')} filled cells${reader === 'exceljs' ? `; loading exceljs itself took ${median(figures.map((figure) => figure.loadSeconds)).toFixed(2)} s more` : ''}`,
      );
    }

    const corpora = dirname(dirname(corpusFile('calamine-xlsx', 'expected.json')));
    console.log(`corpus: every .xlsx/.xlsm of calamine-xlsx and messytables (${corpora})`);
    for (const reader of ['kadence', 'exceljs']) {
      const figures = worker<CorpusFigures>(reader, 'corpus', corpora);
      console.log(
        `  ${reader.padEnd(8)} ${figures.files} files in ${figures.seconds.toFixed(2)} s: read ${figures.read}, refused with a reason ${figures.refused}, crashed ${figures.crashed}; calamine's expected cells right ${figures.cellsRight} of ${figures.cellsChecked}; cells with a literal _xHHHH_ or [object …] ${figures.oddCells}`,
      );
      for (const crash of figures.crashes) console.log(`      crash: ${crash}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:xlsx: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
