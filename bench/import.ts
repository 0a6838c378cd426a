import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { writeFeedbackFile } from './feedback-file.ts';
import { findSqliteCli, migratedDatabase, runSameWorkFloor } from './same-work-floor.ts';
import { createScratchDatabase } from '../tests/helpers/postgres.ts';
import { findPostgresBinaries, startThrowawayPostgres } from '../tests/helpers/postgres-throwaway.ts';

/**
 * `npm run bench:import [-- --rows N] [-- --no-cli] [-- --store postgres]`: a generated feedback CSV
 * (1,000,000 rows unless --rows says otherwise), in one run on one machine:
 *  - the same-work floor: the sqlite3 command line loading the file into Kadence's migrated schema
 *    (all indexes, the original row as JSON, the search index in bulk), one transaction;
 *  - the bare-append floor for reference: sqlite3's .import into a plain table with no index;
 *  - Kadence's own import of the same file through the import service, built as the server is built;
 *  - the command line (`kadence import`), built and through the TypeScript loader, for its peak memory.
 * With `--store postgres`, on a throwaway PostgreSQL instead: its own COPY of the same file into a
 * plain table (psql's \copy, over the same loopback connection Kadence uses) as the floor, and
 * Kadence's import service into a migrated database beside it.
 */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const ROWS = Number(option('--rows') ?? process.env.BENCH_ROWS ?? 1_000_000);
const ON_POSTGRES = option('--store') === 'postgres';
if (option('--store') !== undefined && option('--store') !== 'sqlite' && !ON_POSTGRES)
  throw new Error('--store must be sqlite or postgres');
const WITH_CLI = !process.argv.includes('--no-cli') && !ON_POSTGRES;
const TARGET_COPY_RATIO = 0.5;
// Two folders deep, like dist/server/main.js, so the bundle finds migrations/ as the server does.
const WORKER = 'dist/bench/import-worker.js';
const PEAK_RSS = resolve('dist/bench/peak-rss.js');
const ORDER = process.env.BENCH_ORDER === 'shuffled' ? 'shuffled' : 'chronological';
const TARGET_RATIO = 0.8;
const TARGET_RSS_MB = 150;

interface WorkerFigures {
  rows: number;
  imported: number;
  rejected: number;
  seconds: number;
  cpuSeconds: number;
  baseRssMb: number;
  peakRssMb: number;
  loopDelayMs: { p99: number; max: number };
  inbox: Record<string, number>;
}

const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString('en')} rows/s`;

/** Runs one command with the peak-RSS reporter loaded in it and every node process it starts; MB. */
function peakRss(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  dir: string,
): { seconds: number; peakMb: number; stdout: string } {
  const report = join(dir, `rss-${Date.now()}.txt`);
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, ...env, KADENCE_PEAK_RSS_FILE: report, NODE_OPTIONS: `--import ${PEAK_RSS}` },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  const kilobytes = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .map((line) => Number(line.split(' ')[1]));
  return { seconds, peakMb: Math.max(...kilobytes) / 1024, stdout: run.stdout };
}

async function cliFigures(
  label: string,
  command: string,
  args: string[],
  csv: string,
  dir: string,
  name: string,
): Promise<void> {
  const dataDir = join(dir, name);
  mkdirSync(dataDir);
  await migratedDatabase(join(dataDir, 'kadence.db'), 'bench');
  const run = peakRss(
    command,
    [...args, 'import', '--team', 'bench', '--file', csv, '--json'],
    { DATA_DIR: dataDir },
    dir,
  );
  const result = JSON.parse(run.stdout) as { imported: number };
  console.log(
    `${label.padEnd(34)} ${run.seconds.toFixed(1)} s (whole process), peak RSS ${run.peakMb.toFixed(0)} MB (target <= ${TARGET_RSS_MB} MB; imported ${result.imported.toLocaleString('en')})`,
  );
}

/** PostgreSQL's COPY of the file as the floor, then Kadence's import service on PostgreSQL. */
async function onPostgres(csv: string, dir: string): Promise<void> {
  const bindir = findPostgresBinaries();
  if (!bindir) throw new Error('--store postgres needs PostgreSQL 15 (initdb, pg_ctl, psql)');
  const postgres = await startThrowawayPostgres(bindir);
  try {
    const floorDb = await createScratchDatabase(postgres.url);
    const started = process.hrtime.bigint();
    const copy = spawnSync(
      join(bindir, 'psql'),
      [
        floorDb.url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        'CREATE TABLE bare (id text, date text, score text, comment text, source text, customer text)',
        '-c',
        `\\copy bare FROM '${csv}' WITH (FORMAT csv, HEADER true)`,
      ],
      { encoding: 'utf8' },
    );
    const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
    console.log(
      `floor, PostgreSQL's COPY (psql):   ${copySeconds.toFixed(1)} s, ${rate(ROWS, copySeconds)} (${copy.stdout.trim().split('\n').pop() ?? ''} into a plain table, no index)`,
    );
    const kadenceDb = await createScratchDatabase(postgres.url);
    const kadence = peakRss(process.execPath, [WORKER, csv, kadenceDb.url], {}, dir);
    const figures = JSON.parse(kadence.stdout) as WorkerFigures;
    console.log(
      `kadence import on PostgreSQL:      ${figures.seconds.toFixed(1)} s, ${rate(figures.rows, figures.seconds)} (imported ${figures.imported.toLocaleString('en')}, rejected ${figures.rejected}; CPU of Kadence ${figures.cpuSeconds.toFixed(1)} s)`,
    );
    const ratio = copySeconds / figures.seconds;
    console.log(
      `ratio kadence / COPY:              ${ratio.toFixed(2)}x (target >= ${TARGET_COPY_RATIO}x: ${ratio >= TARGET_COPY_RATIO ? 'met' : 'not met'})`,
    );
    console.log(
      `kadence peak RSS:                  ${kadence.peakMb.toFixed(1)} MB (VmHWM of the whole process; ${figures.baseRssMb.toFixed(0)} MB before its first row)`,
    );
    console.log(
      `event loop held during the import: p99 ${figures.loopDelayMs.p99.toFixed(0)} ms, longest ${figures.loopDelayMs.max.toFixed(0)} ms`,
    );
    console.log('inbox on the imported rows, PostgreSQL (ms, median of 5):');
    for (const [name, ms] of Object.entries(figures.inbox)) console.log(`  ${name.padEnd(44)} ${ms.toFixed(1)}`);
  } finally {
    postgres.stop();
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error('--rows must be a positive whole number');
  const sqlite = findSqliteCli();
  if (ON_POSTGRES) console.log('store: PostgreSQL (a throwaway server on loopback)');
  const dir = mkdtempSync(join(tmpdir(), 'kadence-bench-import-'));
  try {
    const csv = join(dir, 'feedback.csv');
    await writeFeedbackFile(csv, ROWS, ORDER);
    const megabytes = statSync(csv).size / 1024 / 1024;
    console.log(
      `file: ${ROWS.toLocaleString('en')} rows, ${megabytes.toFixed(0)} MB CSV, ${ORDER} (Danish and English comments, quoted, every 50th multi-line); ${new Date().toISOString().slice(0, 10)}`,
    );

    // Built the way `npm run build` builds the server, and run with plain node as `npm start` runs it.
    const bundle = {
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      target: 'node20',
      logLevel: 'warning',
    } as const;
    await build({ ...bundle, entryPoints: ['bench/import-worker.ts'], outfile: WORKER });
    await build({ ...bundle, entryPoints: ['bench/peak-rss.ts'], outfile: PEAK_RSS });
    if (ON_POSTGRES) {
      await onPostgres(csv, dir);
      return;
    }

    let floorSeconds: number | null = null;
    if ('path' in sqlite) {
      const database = join(dir, 'floor', 'kadence.db');
      const teamId = await migratedDatabase(database, 'bench');
      const floor = runSameWorkFloor(sqlite.path, csv, database, teamId);
      floorSeconds = floor.seconds;
      console.log(
        `same-work floor, sqlite3 CLI:       ${floor.seconds.toFixed(1)} s, ${rate(floor.rows, floor.seconds)} (${floor.rows.toLocaleString('en')} rows into the migrated schema, original as JSON, FTS in bulk, one transaction)`,
      );
      const bareStart = process.hrtime.bigint();
      const bare = spawnSync(sqlite.path, [join(dir, 'bare.db')], {
        input: `CREATE TABLE feedback(id, date, score, comment, source, customer);\n.import --csv --skip 1 ${csv} feedback\n`,
        encoding: 'utf8',
      });
      const bareSeconds = Number(process.hrtime.bigint() - bareStart) / 1e9;
      if (bare.status !== 0) throw new Error(`sqlite3 .import failed: ${bare.stderr}`);
      console.log(
        `bare-append floor (reference):     ${bareSeconds.toFixed(1)} s, ${rate(ROWS, bareSeconds)} (.import into a plain table, no index)`,
      );
    } else {
      console.log(`same-work floor: skipped, ${sqlite.missing}`);
    }

    const kadence = peakRss(process.execPath, [WORKER, csv, join(dir, 'kadence', 'kadence.db')], {}, dir);
    const figures = JSON.parse(kadence.stdout) as WorkerFigures;
    console.log(
      `kadence import (import service):   ${figures.seconds.toFixed(1)} s, ${rate(figures.rows, figures.seconds)} (imported ${figures.imported.toLocaleString('en')}, rejected ${figures.rejected}; CPU ${figures.cpuSeconds.toFixed(1)} s); whole process ${kadence.seconds.toFixed(1)} s with the inbox timings below`,
    );
    if (floorSeconds !== null) {
      const ratio = floorSeconds / figures.seconds;
      console.log(
        `ratio kadence / same-work floor:   ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'not met'})`,
      );
    }
    console.log(
      `kadence peak RSS:                  ${kadence.peakMb.toFixed(1)} MB (VmHWM of the whole process; target <= ${TARGET_RSS_MB} MB: ${kadence.peakMb <= TARGET_RSS_MB ? 'met' : 'not met'}; ${figures.peakRssMb.toFixed(0)} MB when the import ended, ${figures.baseRssMb.toFixed(0)} MB before its first row)`,
    );
    console.log(
      `event loop held during the import: p99 ${figures.loopDelayMs.p99.toFixed(0)} ms, longest ${figures.loopDelayMs.max.toFixed(0)} ms (what a live meeting would wait)`,
    );
    console.log('inbox on the imported rows (ms, median of 5):');
    for (const [name, ms] of Object.entries(figures.inbox)) console.log(`  ${name.padEnd(44)} ${ms.toFixed(1)}`);

    if (WITH_CLI) {
      // As `npm run build:server` builds it: the server and the command line with shared chunks, so
      // what a command loads with `await import()` stays out of the others.
      const built = await build({
        ...bundle,
        entryPoints: ['server/main.ts', 'server/cli.ts'],
        splitting: true,
        outdir: 'dist/server',
      }).then(() => existsSync('dist/server/cli.js'));
      if (built)
        await cliFigures(
          'cli import, built (dist/server):',
          process.execPath,
          ['dist/server/cli.js'],
          csv,
          dir,
          'cli-built',
        );
      await cliFigures(
        'cli import, npm run cli (tsx):',
        join('node_modules', '.bin', 'tsx'),
        ['server/cli.ts'],
        csv,
        dir,
        'cli-tsx',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:import: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
