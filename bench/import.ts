import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Imports a generated 1,000,000-row feedback CSV through Kadence's real import path, and the same
 * file with the sqlite3 command line's .import into a plain table as the floor, in the same run.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DANISH = ['Levering tog alt for lang tid, og ingen svarede på min mail', 'Søde medarbejdere og hurtig ekspedition', 'Prisen på fragt er for høj – 49,95 €', 'Jeg fik den forkerte vare, men ombytningen gik nemt'];
const ENGLISH = ['Fast delivery and friendly staff', 'The app crashed when I tried to pay', 'Support said "we will call back" and never did', 'Great value, would buy again'];
const SOURCES = ['trustpilot', 'webshop', 'app-store', 'butik'];

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,date,score,comment,source,customer\n');
  for (let row = 0; row < ROWS; row++) {
    const day = 1 + (row % 28);
    const hour = 8 + (row % 10);
    const texts = row % 2 === 0 ? DANISH : ENGLISH;
    let comment = `${texts[row % texts.length]} (#${row})`;
    if (row % 50 === 0) comment += '\nSkrevet over to linjer';
    const line = `r${row},2026-${String(1 + (row % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:15:00,${row % 11},"${comment.replaceAll('"', '""')}",${SOURCES[row % 4]},kunde${row % 5000}@example.dk\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

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
    await generate(csv);
    const megabytes = statSync(csv).size / 1024 / 1024;

    const floorStart = process.hrtime.bigint();
    const floor = spawnSync(sqlite, [join(dir, 'floor.db')], { input: `CREATE TABLE feedback(id, date, score, comment, source, customer);\n.import --csv --skip 1 ${csv} feedback\n`, encoding: 'utf8' });
    const floorSeconds = Number(process.hrtime.bigint() - floorStart) / 1e9;
    if (floor.status !== 0) throw new Error(`sqlite3 .import failed: ${floor.stderr}`);

    const kadence = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-worker.ts', csv, join(dir, 'kadence.db')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (kadence.status !== 0) throw new Error(`the Kadence import failed: ${kadence.stderr}`);
    const figures = JSON.parse(kadence.stdout) as { rows: number; imported: number; rejected: number; seconds: number; baseRssMb: number; peakRssMb: number };

    const floorRate = ROWS / floorSeconds;
    const kadenceRate = figures.rows / figures.seconds;
    console.log(`file: ${ROWS.toLocaleString('en')} rows, ${megabytes.toFixed(0)} MB CSV (Danish and English comments, quoted, every 50th multi-line)`);
    console.log(`floor   sqlite3 .import:  ${floorSeconds.toFixed(1)} s, ${Math.round(floorRate).toLocaleString('en')} rows/s`);
    console.log(`kadence import:           ${figures.seconds.toFixed(1)} s, ${Math.round(kadenceRate).toLocaleString('en')} rows/s (imported ${figures.imported.toLocaleString('en')}, rejected ${figures.rejected})`);
    console.log(`ratio kadence / floor:    ${(kadenceRate / floorRate).toFixed(2)}x (target >= 0.75x)`);
    console.log(`kadence peak RSS:         ${figures.peakRssMb.toFixed(0)} MB (target <= 200 MB; ${figures.baseRssMb.toFixed(0)} MB of it before the first row)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:import: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
