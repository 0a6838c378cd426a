import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../../shared/schemas/imports.ts';
import { createPeriods } from '../../../server/feedback/periods.ts';
import { createFeedbackRepo } from '../../../server/feedback/repo.ts';
import { createRollups } from '../../../server/feedback/rollups.ts';
import { sharedSqliteStore } from '../../../server/db/kysely/store.ts';
import { makeServices } from '../../helpers/services.ts';

type Ctx = Awaited<ReturnType<typeof makeServices>>;
interface Team {
  id: number;
  timezone: string;
}

const NOW = new Date('2027-02-10T12:00:00Z');
const MONTHS = 30;
// Instants on either side of a local midnight that starts a month: in Copenhagen (UTC+1 in winter,
// +2 in summer) and in New York (UTC−5/−4) they belong to another month than their UTC date.
const EDGES = [
  '2026-01-31T22:59:59.999Z',
  '2026-01-31T23:00:00.000Z',
  '2026-03-31T21:59:59.999Z',
  '2026-03-31T22:00:00.000Z',
  '2026-10-31T22:30:00.000Z',
  '2026-10-31T23:30:00.000Z',
  '2026-11-01T03:59:59.999Z',
  '2026-11-01T04:00:00.000Z',
  '2026-12-31T23:00:00.000Z',
];
const SOURCES = ['webshop', 'app', 'trustpilot'];
const scoreFor = (metric: string, n: number) =>
  metric === 'nps' ? n % 11 : metric === 'ces' ? (n % 7) + 1 : (n % 5) + 1;

/** A deterministic spread of answers over 14 months, four metrics, three sources and five customers. */
function answers(prefix: string, count: number, seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648);
  return Array.from({ length: count }, (_, index) => {
    const metric = METRICS[next() % METRICS.length] as string;
    const at =
      index < EDGES.length
        ? (EDGES[index] as string)
        : new Date(Date.UTC(2025, 11, 1) + (next() % (425 * 24)) * 3_600_000 + (next() % 3_600) * 1000).toISOString();
    return {
      id: `${prefix}${index}`,
      receivedAt: at,
      metric,
      score: scoreFor(metric, next()),
      source: SOURCES[next() % SOURCES.length] as string,
      customer: `customer${next() % 5}@example.dk`,
      comment: `svar ${prefix}${index}`,
    };
  });
}

function csvOf(rows: ReturnType<typeof answers>): string {
  return ['id,when,metric,score,channel,email,comment']
    .concat(
      rows.map((row) =>
        [row.id, row.receivedAt, row.metric, row.score, row.source, row.customer, row.comment].join(','),
      ),
    )
    .join('\n');
}

/**
 * The rollups must give exactly what the rows give: every month × metric × source cell (and every
 * month × metric over all sources) compared with the raw per-month query the KPIs used before
 * (FeedbackRepo.scoreCounts over the month's instants), and no cell outside the rows.
 */
async function expectRollupsEqualRows(ctx: Ctx, team: Team): Promise<number> {
  const store = sharedSqliteStore(ctx.db);
  const raw = createFeedbackRepo(store.db, store.dialect);
  const rollups = createRollups(store.db);
  const periods = createPeriods(team.timezone).months(MONTHS, NOW);
  const first = periods[0]?.month ?? '';
  const last = periods[periods.length - 1]?.month ?? '';
  let compared = 0;
  for (const metric of METRICS) {
    for (const source of [undefined, ...SOURCES]) {
      const fromRollups = await rollups.teamMonths(team.id, metric, first, last, source);
      for (const period of periods) {
        const rows = await raw.scoreCounts({ teamId: team.id, metric, source, from: period.start, to: period.end });
        const cell = fromRollups.get(period.month) ?? new Map<number, number>();
        expect([...cell].sort(), `${team.timezone} ${metric} ${source ?? 'all'} ${period.month}`).toEqual(
          [...rows].sort(),
        );
        if (source === undefined) compared += [...rows.values()].reduce((sum, n) => sum + n, 0);
      }
    }
  }
  const counted = (sql: string) => (ctx.db.prepare(sql).get(team.id) as { n: number | null }).n ?? 0;
  // Every visible answer fell in the compared months, and the rollups hold nothing beyond them.
  expect(counted('SELECT sum(answers) AS n FROM feedback_rollups WHERE team_id = ?')).toBe(
    counted('SELECT count(*) AS n FROM visible_feedback WHERE team_id = ? AND metric IS NOT NULL'),
  );
  expect(counted('SELECT count(*) AS n FROM feedback_rollups WHERE team_id = ? AND answers <= 0')).toBe(0);
  return compared;
}

describe('monthly rollups equal the raw computation', () => {
  let ctx: Ctx;
  let dir: string;
  let york: Team;
  const importCsv = (team: Team, name: string, rows: ReturnType<typeof answers>) => {
    const path = join(dir, name);
    writeFileSync(path, csvOf(rows));
    return ctx.services.imports.importFile({
      team,
      path,
      fileName: name,
      channel: 'file',
      userId: null,
      mapping: {
        externalId: 'id',
        receivedAt: 'when',
        metric: 'metric',
        score: 'score',
        source: 'channel',
        customer: 'email',
        comment: 'comment',
      },
    });
  };
  const both = () => Promise.all([ctx.team, york].map((team) => expectRollupsEqualRows(ctx, team)));

  beforeEach(async () => {
    ctx = await makeServices();
    dir = mkdtempSync(join(tmpdir(), 'kadence-rollups-'));
    york = await ctx.services.teams.create({ name: 'Webshop US', slug: 'webshop-us', timezone: 'America/New_York' });
  });
  afterEach(() => {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after file imports and webhook batches, in two zones, at the months’ edges', async () => {
    const first = await importCsv(ctx.team, 'first.csv', answers('a', 1500, 7));
    expect(first.imported).toBe(1500);
    await importCsv(york, 'york.csv', answers('y', 800, 11));
    await ctx.services.imports.ingestBatch(ctx.team, answers('w', 200, 13));
    const [copenhagen, newYork] = await both();
    expect(copenhagen).toBe(1700);
    expect(newYork).toBe(800);
  });

  it('after answers come back changed (another score, metric and month), and after both undos', async () => {
    const original = answers('a', 600, 3);
    const base = await importCsv(ctx.team, 'base.csv', original);
    await importCsv(york, 'york.csv', answers('y', 300, 5));
    // A third of the answers come back: new scores, some another metric, some an hour later (across a month's edge).
    const changed = original
      .filter((_, index) => index % 3 === 0)
      .map((row, index) => ({
        ...row,
        receivedAt: new Date(Date.parse(row.receivedAt) + (index % 2) * 3_600_000).toISOString(),
        metric: index % 4 === 0 ? 'csat' : row.metric,
        score: scoreFor(index % 4 === 0 ? 'csat' : row.metric, index + 1),
        comment: `${row.comment} (ændret)`,
      }));
    const update = await importCsv(ctx.team, 'update.csv', [...changed, ...answers('n', 50, 17)]);
    expect(update).toMatchObject({ imported: 50 });
    expect(update.updated).toBeGreaterThan(150);
    await both();

    // A webhook changes some of the same answers again, then the file import between is undone.
    const again = await ctx.services.imports.ingestBatch(
      ctx.team,
      changed.slice(0, 40).map((row) => ({ ...row, score: scoreFor(row.metric, 99), comment: `${row.comment}!` })),
    );
    expect(again.updated).toBeGreaterThan(0);
    await both();
    await ctx.services.imports.undo(ctx.team.id, update.importId);
    await both();
    await ctx.services.imports.undo(ctx.team.id, again.importId);
    await both();
    // Undoing the first import takes its rows out, whatever later imports changed in them.
    await ctx.services.imports.undo(ctx.team.id, base.importId);
    const [copenhagen] = await both();
    expect(copenhagen).toBe(0);
  });

  it('after an erasure, and after the team moves to another zone', async () => {
    await importCsv(ctx.team, 'base.csv', answers('a', 900, 23));
    await importCsv(york, 'york.csv', answers('y', 400, 29));
    const erased = await ctx.services.feedback.eraseCustomer(ctx.team, 'customer2@example.dk');
    expect(erased).toBeGreaterThan(100);
    await both();

    const admin = await ctx.services.users.create({
      email: 'admin@example.dk',
      name: 'Admin',
      password: 'a-long-password',
      isAdmin: true,
    });
    const moved = await ctx.services.teams.update('webshop-us', admin, {
      timezone: 'Asia/Kolkata',
    });
    york = { id: moved.id, timezone: moved.timezone };
    await both();
  });

  it('a team whose rollups were never built (from before the migration) gets them at start-up', async () => {
    await importCsv(ctx.team, 'base.csv', answers('a', 300, 31));
    ctx.db.prepare('DELETE FROM feedback_rollups').run();
    ctx.db.prepare('DELETE FROM feedback_rollup_zones').run();
    expect(await ctx.services.feedback.buildMissingRollups()).toBe(2);
    await both();
    expect(await ctx.services.feedback.buildMissingRollups()).toBe(0);
  });

  it('the month charts read the rollups and give what the rows give: n, value and 95 % interval', async () => {
    await importCsv(ctx.team, 'base.csv', answers('a', 1200, 37));
    const lastDay = (month: string) =>
      `${month}-${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()}`;
    // The range KPI still counts rows (FeedbackRepo.scoreCounts); over one whole month it must agree.
    const fromRows = async (metric: (typeof METRICS)[number], month: string, source?: string) => {
      const { n, value, ci95, topBoxPct, enough } = await ctx.services.feedback.kpi(ctx.team, metric, {
        from: `${month}-01`,
        to: lastDay(month),
        source,
      });
      return { n, value, ci95, topBoxPct, enough };
    };
    let answered = 0;
    for (const metric of METRICS) {
      for (const month of await ctx.services.feedback.monthly(ctx.team, metric, 24, undefined, NOW)) {
        const { n, value, ci95, topBoxPct, enough } = month;
        expect({ n, value, ci95, topBoxPct, enough }, `${metric} ${month.month}`).toEqual(
          await fromRows(metric, month.month),
        );
        answered += n;
      }
      const between = await ctx.services.feedback.monthlyBetween(ctx.team, metric, '2026-01-15', '2026-06-02', 'app');
      expect(between.map((month) => month.month)).toEqual([
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
      ]);
      for (const month of between) {
        const { n, value, ci95, topBoxPct, enough } = month;
        expect({ n, value, ci95, topBoxPct, enough }).toEqual(await fromRows(metric, month.month, 'app'));
      }
    }
    expect(answered).toBe(1200);
  });
});
