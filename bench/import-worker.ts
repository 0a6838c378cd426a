import { openDatabase } from '../server/db/open.ts';
import { createServices } from '../server/services.ts';

/** Imports one file into a fresh database through the real import path; prints figures as JSON. */
async function main(): Promise<void> {
  const [file, database] = process.argv.slice(2);
  if (!file || !database) throw new Error('usage: import-worker FILE DATABASE');
  const db = openDatabase(database);
  const services = createServices(db, { sessionDays: 30, publicUrl: 'http://localhost:3000' });
  const team = services.teams.create({ name: 'Bench', slug: 'bench', timezone: 'Europe/Copenhagen' });
  // What the runtime, the libraries and the services take before a single row is read.
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  const started = process.hrtime.bigint();
  const result = await services.imports.importFile({ team, path: file, fileName: 'bench.csv', channel: 'cli', userId: null });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  process.stdout.write(JSON.stringify({ rows: result.rows, imported: result.imported, rejected: result.rejected, seconds, baseRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
