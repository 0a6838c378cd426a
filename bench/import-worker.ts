import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../server/db/open.ts';
import { createServices } from '../server/services.ts';
import { openStore, sharedSqliteStore, type Store } from '../server/db/kysely/store.ts';
import type { FeedbackQuery } from '../shared/schemas/feedback.ts';

type Services = ReturnType<typeof createServices>;
type Team = { id: number; timezone: string };

/** Median milliseconds of five runs of one inbox or KPI request. */
async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

/** What a person does in the inbox and on the team page once a million rows are in. */
async function inboxFigures(services: Services, team: Team): Promise<Record<string, number>> {
  const page = (query: FeedbackQuery) => services.feedback.list(team, query);
  const first = await page({});
  const deep = await (async () => {
    let cursor = first.nextCursor;
    for (let step = 0; step < 20 && cursor; step++) cursor = (await page({ cursor })).nextCursor;
    return cursor;
  })();
  const figures: Record<string, () => Promise<unknown>> = {
    'first page (50 newest)': () => page({}),
    'a page 1,000 items deep (keyset cursor)': () => page({ cursor: deep ?? undefined }),
    'detractors from one source in one month': () =>
      page({ band: 'detractor', source: 'webshop', from: '2026-03-01', to: '2026-03-31' }),
    'search "levering"': () => page({ q: 'levering' }),
    'search "call back" in English': () => page({ q: 'call back', language: 'en' }),
    'NPS over the whole period': () => services.feedback.kpi(team, 'nps', {}),
    'NPS for one month and one source': () =>
      services.feedback.kpi(team, 'nps', { from: '2026-03-01', to: '2026-03-31', source: 'trustpilot' }),
    'NPS month by month, 24 months': () =>
      services.feedback.monthly(team, 'nps', 24, undefined, new Date('2027-01-01T00:00:00Z')),
  };
  const timed: Record<string, number> = {};
  for (const [name, work] of Object.entries(figures)) timed[name] = await median(work);
  return timed;
}

/** The store named on the command line: a postgres:// URL, or the path of a new SQLite file. */
async function storeFor(database: string): Promise<{ store: Store; close: () => Promise<void> }> {
  if (/^postgres(ql)?:\/\//.test(database)) {
    const store = await openStore({ databaseUrl: database, dataDir: '' });
    return { store, close: () => store.close() };
  }
  const db = openDatabase(database);
  return {
    store: sharedSqliteStore(db),
    close: async () => {
      db.close();
    },
  };
}

/** Imports one file into a fresh database through the real import path; prints figures as JSON. */
async function main(): Promise<void> {
  const [file, database] = process.argv.slice(2);
  if (!file || !database) throw new Error('usage: import-worker FILE DATABASE-FILE-OR-URL');
  const { store, close } = await storeFor(database);
  const services = createServices(store, { sessionDays: 30, publicUrl: 'http://localhost:3000' });
  const team = await services.teams.create({ name: 'Bench', slug: 'bench', timezone: 'Europe/Copenhagen' });
  // What the runtime, the libraries and the services take before a single row is read.
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  // How long the event loop is held at a time: what a live meeting in the same process would wait.
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await services.imports.importFile({
    team,
    path: file,
    fileName: 'bench.csv',
    channel: 'cli',
    userId: null,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  stalls.disable();
  const loopDelayMs = { p99: stalls.percentile(99) / 1e6, max: stalls.max / 1e6 };
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const inbox = await inboxFigures(services, team);
  await close();
  process.stdout.write(
    JSON.stringify({
      rows: result.rows,
      imported: result.imported,
      rejected: result.rejected,
      seconds,
      cpuSeconds,
      baseRssMb,
      peakRssMb,
      loopDelayMs,
      inbox,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
