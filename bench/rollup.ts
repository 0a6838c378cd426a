import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKpi } from '../shared/kpi.ts';
import { type TeamMonthCounts, monthsBetween, poolUnitKpis } from '../shared/kpi-pool.ts';
import { METRICS, type Metric } from '../shared/schemas/imports.ts';
import { openDatabase } from '../server/db/open.ts';
import { createPeriods } from '../server/feedback/periods.ts';
import { createRollups, type Rollups } from '../server/feedback/rollups.ts';
import { createFeedbackRepo } from '../server/feedback/repo.ts';
import { createImportsRepo } from '../server/imports/repo.ts';
import { createImportServices } from '../server/imports/wire.ts';
import { createServices } from '../server/services.ts';
import { sharedSqliteStore } from '../server/db/kysely/store.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/plugins/config.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * `npm run bench:rollup [-- --teams N --answers N --big N]`: monthly rollups against the rows they
 * stand for, in one run on one machine. Builds 200 teams × 5,000 answers (1,000,000 rows, the four
 * metrics spread over the teams) and one team with 1,000,000 NPS answers, 26 months of them, each
 * team's rows as one import made visible through the import's own done path (so the rollup
 * maintenance is timed as an import pays it). Then prints, beside the raw-row query of the same
 * figures (FeedbackRepo.scoreCounts per month, what the KPI reads were before), medians of runs:
 *  - the team page's 24-month chart on the million-row team (target ≤ 20 ms);
 *  - a unit dashboard over the 200 teams × 24 months, all four metrics (target ≤ 100 ms);
 *  - what a leader of a unit holding the 200 teams waits for: the dashboard service's sections
 *    (rhythm and actions, customers, culture, themes, the WOW wall) and the customers route through
 *    the app (GET /api/units/:unit/dashboard/customers, injected, signed in as the admin);
 *  - what the rollups add to marking an import done (and to undoing it), on both sizes;
 * and checks the two give the same n, value and interval. Stops itself after five minutes.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}
const TEAMS = option('--teams', 200);
const ANSWERS = option('--answers', 5_000);
const BIG = option('--big', 1_000_000);
const LIMIT_MS = 5 * 60_000;
const NOW = new Date('2026-12-15T12:00:00Z');
const FIRST = Date.parse('2024-10-20T00:00:00Z') / 1000;
const LAST = Date.parse('2026-12-14T00:00:00Z') / 1000;
const TARGET_CHART_MS = 20;
const TARGET_UNIT_MS = 100;

const guard = setTimeout(() => {
  console.error(`bench:rollup: stopped after ${LIMIT_MS / 60_000} minutes`);
  process.exit(2);
}, LIMIT_MS);
guard.unref();

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(ms(started));
  }
  return middle(times);
}
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

// Rows in time order over 26 months, three sources, scores spread by a multiplicative hash of the row number.
const FILL = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @rows - 1)
INSERT INTO feedback (team_id, import_id, source, dedupe_key, received_at, metric, score, original)
SELECT @team, @import, CASE i % 3 WHEN 0 THEN 'webshop' WHEN 1 THEN 'app' ELSE 'trustpilot' END, 'b' || i,
  strftime('%Y-%m-%dT%H:%M:%fZ', @first + i * @step, 'unixepoch'), @metric,
  CASE @metric WHEN 'nps' THEN 0 ELSE 1 END + ((i * 2654435761) % 4294967296) % @scores, '{}'
FROM n`;
const SCORES: Record<Metric, number> = { nps: 11, csat: 5, ces: 7, rating: 5 };

async function main(): Promise<void> {
  const startedAll = process.hrtime.bigint();
  const dir = mkdtempSync(join(tmpdir(), 'kadence-bench-rollup-'));
  const db = openDatabase(join(dir, 'kadence.db'));
  try {
    const services = createServices(sharedSqliteStore(db), { sessionDays: 30, publicUrl: 'http://localhost:3000' });
    const { importsRepo: imports, importsRepoDeps } = createImportServices(services.store, {});
    /** The done mark in its own transaction of the store, as the imports service sets it. */
    const finishDone = (id: number, rows: number) =>
      services.store.transaction((trx) =>
        createImportsRepo(trx, importsRepoDeps).finish(id, 'done', { ...counts, rows, imported: rows }),
      );
    const raw = createFeedbackRepo(services.store.db, services.store.dialect);
    const fill = db.prepare(FILL);
    const counts = { rows: 0, imported: 0, updated: 0, duplicates: 0, rejected: 0 };

    /** One team's rows as a running import (bulk SQL, no rollups yet); returns the import's id. */
    const load = async (teamId: number, metric: Metric, rows: number): Promise<number> => {
      const importId = await imports.start(teamId, 'cli', 'bench.csv', 'generic', null);
      db.transaction(() =>
        fill.run({
          rows,
          team: teamId,
          import: importId,
          first: FIRST,
          step: (LAST - FIRST) / rows,
          metric,
          scores: SCORES[metric],
        }),
      )();
      return importId;
    };
    /** Times what only the rollups add: their step of the done mark, run and rolled back. */
    const rollback = new Error('rolled back');
    const timedRolledBack = async (work: (rollups: Rollups) => Promise<void>): Promise<number> => {
      const started = process.hrtime.bigint();
      try {
        await services.store.transaction(async (trx) => {
          await work(createRollups(trx));
          throw rollback;
        });
      } catch (error) {
        if (error !== rollback) throw error;
      }
      return ms(started);
    };

    // The million-row team.
    db.pragma('synchronous = NORMAL');
    const big = await services.teams.create({ name: 'Stor', slug: 'stor', timezone: 'Europe/Copenhagen' });
    let started = process.hrtime.bigint();
    const bigImport = await load(big.id, 'nps', BIG);
    const bigLoadMs = ms(started);
    db.pragma('synchronous = FULL');
    const bigRollupMs = await timedRolledBack((rollups) => rollups.importDone(bigImport));
    started = process.hrtime.bigint();
    await finishDone(bigImport, BIG);
    const bigFinishMs = ms(started);
    const bigUndoMs = await timedRolledBack((rollups) => rollups.importUndone(bigImport));

    // 200 teams of 5,000 answers, each metric in a quarter of them.
    db.pragma('synchronous = NORMAL');
    const teams: { id: number; timezone: string; metric: Metric }[] = [];
    const smallImports: number[] = [];
    started = process.hrtime.bigint();
    for (let index = 0; index < TEAMS; index++) {
      const metric = METRICS[index % METRICS.length] as Metric;
      const team = await services.teams.create({
        name: `Team ${index + 1}`,
        slug: `team-${index + 1}`,
        timezone: 'Europe/Copenhagen',
      });
      teams.push({ id: team.id, timezone: team.timezone, metric });
      smallImports.push(await load(team.id, metric, ANSWERS));
    }
    const smallLoadMs = ms(started);
    db.pragma('synchronous = FULL');
    const smallRollupMs: number[] = [];
    for (const id of smallImports) smallRollupMs.push(await timedRolledBack((rollups) => rollups.importDone(id)));
    const smallFinishMs: number[] = [];
    for (const id of smallImports) {
      started = process.hrtime.bigint();
      await finishDone(id, ANSWERS);
      smallFinishMs.push(ms(started));
    }
    db.pragma('optimize');
    const totalRows = BIG + TEAMS * ANSWERS;
    console.log(
      `data: ${totalRows.toLocaleString('en')} rows (${TEAMS} teams × ${ANSWERS.toLocaleString('en')} + one team × ${BIG.toLocaleString('en')}), loaded in ${(ms(startedAll) / 1000).toFixed(1)} s (${(bigLoadMs / 1000).toFixed(1)} s + ${(smallLoadMs / 1000).toFixed(1)} s of SQL); ${new Date().toISOString().slice(0, 10)}`,
    );

    // The team page's chart: 24 months of NPS.
    const periods = createPeriods(big.timezone).months(24, NOW);
    const chartFromRows = () =>
      Promise.all(
        periods.map(async (period) => ({
          month: period.month,
          ...computeKpi(
            'nps',
            await raw.scoreCounts({ teamId: big.id, metric: 'nps', from: period.start, to: period.end }),
          ),
        })),
      );
    const chartFromRollups = () => services.feedback.monthly(big, 'nps', 24, undefined, NOW);
    const sameChart =
      JSON.stringify((await chartFromRows()).map(({ month, n, value, ci95 }) => [month, n, value, ci95])) ===
      JSON.stringify((await chartFromRollups()).map(({ month, n, value, ci95 }) => [month, n, value, ci95]));
    const chartRawMs = await median(5, chartFromRows);
    const chartRollupMs = await median(15, chartFromRollups);
    const sourceRawMs = await median(5, () =>
      Promise.all(
        periods.map((period) =>
          raw.scoreCounts({ teamId: big.id, metric: 'nps', source: 'app', from: period.start, to: period.end }),
        ),
      ),
    );
    const sourceRollupMs = await median(15, () => services.feedback.monthly(big, 'nps', 24, 'app', NOW));
    const small = teams[0] as (typeof teams)[number];
    const smallRawMs = await median(5, () =>
      Promise.all(
        periods.map((period) =>
          raw.scoreCounts({ teamId: small.id, metric: small.metric, from: period.start, to: period.end }),
        ),
      ),
    );
    const smallRollupMs2 = await median(15, () => services.feedback.monthly(small, small.metric, 24, undefined, NOW));

    // A unit over the 200 teams: every team's four metrics, 24 months, pooled per metric.
    const months = periods.map((period) => period.month);
    const teamIds = teams.map((team) => team.id);
    const unitFromRows = async () => {
      const cells: TeamMonthCounts[] = [];
      for (const team of teams)
        for (const metric of METRICS)
          for (const period of periods)
            cells.push({
              teamId: team.id,
              metric,
              month: period.month,
              counts: await raw.scoreCounts({ teamId: team.id, metric, from: period.start, to: period.end }),
            });
      return poolUnitKpis(cells, months, teamIds);
    };
    const first = months[0] ?? '';
    const last = months[months.length - 1] ?? '';
    const unitFromRollups = () => services.feedback.unitKpis(teamIds, first, last);
    const sameUnit = JSON.stringify(await unitFromRows()) === JSON.stringify(await unitFromRollups());
    const unitRawMs = await median(3, unitFromRows);
    const unitRollupMs = await median(9, unitFromRollups);
    const unitCountsMs = await median(9, () => services.feedback.unitCounts(teamIds, first, last));
    if (monthsBetween(first, last).length !== 24) throw new Error('the unit read is not 24 months');

    // A leader's unit holding the 200 teams, read through the app as the page reads it.
    const leader = await leaderReads(join(dir, 'kadence.db'), teams.length);
    const rollupCells = (db.prepare('SELECT count(*) AS n FROM feedback_rollups').get() as { n: number }).n;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const line = (label: string, rows: number, rollup: number, target?: number) =>
      console.log(
        `${label.padEnd(52)} rows ${fmt(rows).padStart(7)} ms   rollups ${fmt(rollup).padStart(6)} ms   ${(rows / rollup).toFixed(0).padStart(5)}×${target === undefined ? '' : `   (target ≤ ${target} ms: ${rollup <= target ? 'met' : 'not met'})`}`,
      );
    console.log(`rollup cells: ${rollupCells.toLocaleString('en')} for ${totalRows.toLocaleString('en')} rows`);
    console.log('reads (median; the rows column is FeedbackRepo.scoreCounts per month, the KPI reads before):');
    line(`team chart, 24 months NPS, ${BIG.toLocaleString('en')}-row team`, chartRawMs, chartRollupMs, TARGET_CHART_MS);
    line('  the same, one source', sourceRawMs, sourceRollupMs);
    line(`team chart, 24 months, ${ANSWERS.toLocaleString('en')}-row team`, smallRawMs, smallRollupMs2);
    line(`unit dashboard, ${TEAMS} teams × 4 metrics × 24 months, pooled`, unitRawMs, unitRollupMs, TARGET_UNIT_MS);
    console.log(`  unit counts alone (the rollup read, no pooling):     ${fmt(unitCountsMs)} ms`);
    console.log(
      `the unit dashboard a leader opens, ${TEAMS} teams (median of ${LEADER_RUNS}; target ≤ ${TARGET_UNIT_MS} ms each):`,
    );
    for (const [label, value] of leader.timings)
      console.log(
        `  ${label.padEnd(50)} ${fmt(value).padStart(7)} ms   ${value <= TARGET_UNIT_MS ? 'met' : 'not met'}`,
      );
    console.log(`  beside the raw rows of the unit's KPIs in this run: ${fmt(unitRawMs)} ms`);
    console.log(
      `identical n, value and 95 % interval: chart ${sameChart ? 'yes' : 'NO'}, unit ${sameUnit ? 'yes' : 'NO'}`,
    );
    console.log('maintenance (inside the import’s done transaction, SQL GROUP BY over its rows):');
    console.log(
      `  import of ${BIG.toLocaleString('en')} rows made done:  whole done mark ${fmt(bigFinishMs)} ms, of it the rollups ${fmt(bigRollupMs)} ms; undo's rollup step ${fmt(bigUndoMs)} ms`,
    );
    console.log(
      `  ${TEAMS} imports of ${ANSWERS.toLocaleString('en')} rows:  done marks ${fmt(sum(smallFinishMs))} ms in all (median ${fmt(middle(smallFinishMs))} ms), of it the rollups ${fmt(sum(smallRollupMs))} ms (median ${fmt(middle(smallRollupMs))} ms)`,
    );
    console.log(`whole bench: ${(ms(startedAll) / 1000).toFixed(1)} s`);
    if (!sameChart || !sameUnit) process.exitCode = 1;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const LEADER_RUNS = 9;

/** A browser-like session over app.inject: the CSRF token on writes, the session cookie kept. */
function injector(app: FastifyInstance) {
  const cookies: Record<string, string> = {};
  let csrf = '';
  const keep = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) {
      // The CSRF token is bound to the session: a new session needs a new token.
      if (cookie.name === 'kadence_session' && cookie.value !== cookies[cookie.name]) csrf = '';
      cookies[cookie.name] = cookie.value;
    }
    return response;
  };
  return async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    if (method !== 'GET' && !csrf) {
      const response = keep(await app.inject({ url: '/api/auth/csrf', cookies }));
      csrf = (response.json() as { token: string }).token;
    }
    const response = keep(
      await app.inject({
        method,
        url,
        cookies,
        headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
        ...(payload ? { payload } : {}),
      }),
    );
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response;
  };
}

/**
 * The app over the bench's database file: a unit holding the teams `team-1` … `team-N`, and the
 * medians of each dashboard section as the service computes it and of the customers route.
 */
async function leaderReads(file: string, teamCount: number): Promise<{ timings: [string, number][] }> {
  const uploads = mkdtempSync(join(tmpdir(), 'kadence-bench-rollup-uploads-'));
  const app = await buildApp(
    { ...loadConfig({}), databaseFile: file, uploadDir: uploads },
    { logger: false, clientDir: '/nonexistent' },
  );
  try {
    await app.ready();
    const request = injector(app);
    await request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: 'a-long-password' });
    const unitId = (
      (await request('POST', '/api/units', { name: 'Kundeservice', parentId: null })).json() as { id: number }
    ).id;
    for (let index = 1; index <= teamCount; index++) await request('PUT', `/api/units/${unitId}/teams/team-${index}`);
    const { unitDashboard, units, wowWall } = app.services;
    const unit = await units.resolve(String(unitId));
    const customersUrl = `/api/units/${unitId}/dashboard/customers`;
    const timings: [string, number][] = [
      ['rhythm and actions (unitDashboard.forUnit)', await median(LEADER_RUNS, () => unitDashboard.forUnit(unit, NOW))],
      [
        'customers, 12 months (unitDashboard.customers)',
        await median(LEADER_RUNS, () => unitDashboard.customers(unit, NOW)),
      ],
      ['culture (unitDashboard.culture)', await median(LEADER_RUNS, () => unitDashboard.culture(unit))],
      [
        'themes, this quarter (unitDashboard.themes)',
        await median(LEADER_RUNS, () => unitDashboard.themes(unit, undefined, NOW)),
      ],
      ['WOW wall, first page (wowWall.forUnit)', await median(LEADER_RUNS, () => wowWall.forUnit(unit))],
      [
        `GET ${customersUrl.replace(String(unitId), ':unit')}`,
        await median(LEADER_RUNS, () => request('GET', customersUrl)),
      ],
    ];
    return { timings };
  } finally {
    await app.close();
    rmSync(uploads, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:rollup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
