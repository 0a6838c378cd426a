import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { writeFeedbackFile } from './feedback-file.ts';

/**
 * Imports a generated 1,000,000-row feedback CSV through Kadence's real import path, and the same
 * file with the sqlite3 command line's .import into a plain table as the floor, in the same run.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
// Two folders deep, like dist/server/main.js, so the bundle finds migrations/ as the server does.
const WORKER = 'dist/bench/import-worker.js';
const ORDER = process.env.BENCH_ORDER === 'shuffled' ? 'shuffled' : 'chronological';

function ensureSqlite(): string {
  if (existsSync('/usr/bin/sqlite3')) return '/usr/bin/sqlite3';
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'sqlite3'], { stdio: 'ignore' });
    return '/usr/bin/sqlite3';
  }
  throw new Error('the floor needs the sqlite3 command line: install the Debian package sqlite3 (apt-get install sqlite3)');
}

async function main(): Promise<void> {
  const sqlite = ensureSqlite();
  const dir = mkdtempSync(join(tmpdir(), 'kadence-bench-import-'));
  try {
    const csv = join(dir, 'feedback.csv');
    await writeFeedbackFile(csv, ROWS, ORDER);
    const megabytes = statSync(csv).size / 1024 / 1024;

    const floorStart = process.hrtime.bigint();
    const floor = spawnSync(sqlite, [join(dir, 'floor.db')], { input: `CREATE TABLE feedback(id, date, score, comment, source, customer);\n.import --csv --skip 1 ${csv} feedback\n`, encoding: 'utf8' });
    const floorSeconds = Number(process.hrtime.bigint() - floorStart) / 1e9;
    if (floor.status !== 0) throw new Error(`sqlite3 .import failed: ${floor.stderr}`);

    // Built the way `npm run build` builds the server, and run with plain node as `npm start` runs it.
    await build({ entryPoints: ['bench/import-worker.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile: WORKER, logLevel: 'warning' });
    const kadence = spawnSync(process.execPath, [WORKER, csv, join(dir, 'kadence.db')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (kadence.status !== 0) throw new Error(`the Kadence import failed: ${kadence.stderr}`);
    const figures = JSON.parse(kadence.stdout) as { rows: number; imported: number; rejected: number; seconds: number; baseRssMb: number; peakRssMb: number; loopDelayMs: { p99: number; max: number }; inbox: Record<string, number> };

    const floorRate = ROWS / floorSeconds;
    const kadenceRate = figures.rows / figures.seconds;
    console.log(`file: ${ROWS.toLocaleString('en')} rows, ${megabytes.toFixed(0)} MB CSV, ${ORDER} (Danish and English comments, quoted, every 50th multi-line)`);
    console.log(`floor   sqlite3 .import:  ${floorSeconds.toFixed(1)} s, ${Math.round(floorRate).toLocaleString('en')} rows/s`);
    console.log(`kadence import:           ${figures.seconds.toFixed(1)} s, ${Math.round(kadenceRate).toLocaleString('en')} rows/s (imported ${figures.imported.toLocaleString('en')}, rejected ${figures.rejected})`);
    console.log(`ratio kadence / floor:    ${(kadenceRate / floorRate).toFixed(2)}x (target >= 0.75x)`);
    console.log(`kadence peak RSS:         ${figures.peakRssMb.toFixed(0)} MB (target <= 200 MB; ${figures.baseRssMb.toFixed(0)} MB of it before the first row)`);
    console.log(`event loop held during the import: p99 ${figures.loopDelayMs.p99.toFixed(0)} ms, longest ${figures.loopDelayMs.max.toFixed(0)} ms (what a live meeting would wait)`);
    console.log(`inbox on the imported rows (ms, median of 5):`);
    for (const [name, ms] of Object.entries(figures.inbox)) console.log(`  ${name.padEnd(44)} ${ms.toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:import: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
