// Store: SQLite only (writes its fixtures through the SQLite handle; not converted to the store yet)
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/schemas/auth.ts';
import type { Culture, Customers } from '../../shared/schemas/units.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { PASSWORD, type Org, buildOrg } from '../helpers/unit-org.ts';

/** The day the figures are read on: December 2026, November's answers in. */
const NOW = new Date('2026-12-02T12:00:00Z');

describe('the unit dashboard’s customers section: each team’s KPIs and the unit’s pooled figure', () => {
  let app: FastifyInstance;
  let org: Org;

  const answers = (metric: string, month: string, scores: number[]) =>
    scores.map((score, index) => ({
      id: `${metric}-${month}-${index}`,
      receivedAt: `${month}-1${index % 9}T10:00:00Z`,
      metric,
      score,
      source: 'app',
    }));
  const done = (slug: string, title: string, metric: string | null, doneAt: string) =>
    app.db
      .prepare(
        `INSERT INTO actions (team_id, title, status, effect_metric, created_at, done_at)
         SELECT t.id, ?, 'done', ?, '2026-01-05T10:00:00.000Z', ? FROM teams t WHERE t.slug = ?`,
      )
      .run(title, metric, doneAt, slug);

  beforeAll(async () => {
    app = await makeTestApp();
    org = await buildOrg(app);
    const team = (slug: string) => app.services.teams.bySlug(slug);
    // Kundeservice alone shows November (6 answers); Webshop alone is under the minimum (4).
    await app.services.imports.ingestBatch(
      await team('kundeservice'),
      answers('nps', '2026-11', [10, 10, 10, 9, 3, 7]),
    );
    await app.services.imports.ingestBatch(await team('webshop'), answers('nps', '2026-11', [10, 10, 2, 2]));
    await app.services.imports.ingestBatch(await team('levering'), answers('csat', '2026-11', [5, 4, 4, 3, 2, 5]));
    // Salg is in the sibling unit: never in the Department's figures.
    await app.services.imports.ingestBatch(await team('salg'), answers('nps', '2026-11', [0, 0, 0, 0, 0, 0]));
    done('kundeservice', 'Ring de utilfredse op', 'nps', '2026-11-20T10:00:00.000Z');
    done('kundeservice', 'Uden mål', null, '2026-11-21T10:00:00.000Z');
    done('levering', 'Gammel sag', 'csat', '2025-06-01T10:00:00.000Z');
    // The first minutes of October in Copenhagen: an October marker, not September.
    done('webshop', 'Ny returside', 'nps', '2026-09-30T22:30:00.000Z');
  });
  afterAll(async () => app.close());

  const customers = async () =>
    app.services.unitDashboard.customers(await app.services.units.resolve('Department'), NOW);
  const month = <T extends { month: string }>(rows: T[], key: string) => rows.find((row) => row.month === key);

  it('reads the last twelve months, this one included, with metrics side by side and never mixed', async () => {
    const result = await customers();
    expect(result.months).toHaveLength(12);
    expect([result.months[0], result.months.at(-1)]).toEqual(['2026-01', '2026-12']);
    expect(result.minimum).toBe(5);
    expect(result.metrics.map((block) => [block.metric, block.teams.map((series) => series.team.slug)])).toEqual([
      ['nps', ['kundeservice', 'webshop']],
      ['csat', ['levering']],
    ]);
    for (const block of result.metrics) expect(block.unit).toHaveLength(12);
  });

  it('pools the answers of the teams with the metric, with n, the teams counted and the 95 % interval', async () => {
    const nps = (await customers()).metrics.find((block) => block.metric === 'nps');
    // 10 answers: 6 promoters, 3 detractors → NPS 30; SE = √((0.6 + 0.3 − 0.09) / 10).
    expect(month(nps?.unit ?? [], '2026-11')).toMatchObject({
      n: 10,
      teams: 2,
      value: 30,
      ci95: [-25.8, 85.8],
      enough: true,
      actionsDone: 1,
    });
    expect(month(nps?.unit ?? [], '2026-10')).toMatchObject({ n: 0, value: null, enough: false, actionsDone: 1 });
    const webshop = nps?.teams.find((series) => series.team.slug === 'webshop');
    expect(month(webshop?.months ?? [], '2026-11')).toMatchObject({ n: 4, value: null, ci95: null, enough: false });
  });

  it('gives each team the same figure and interval as the team’s own KPI read', async () => {
    const nps = (await customers()).metrics.find((block) => block.metric === 'nps');
    const series = nps?.teams.find((entry) => entry.team.slug === 'kundeservice');
    const own = (
      await org.clients.departmentLead.request(
        'GET',
        `/api/units/${org.units.department}/teams/kundeservice/kpis?metric=nps&from=2026-11-01&to=2026-11-30`,
      )
    ).json() as { n: number; value: number; ci95: [number, number] };
    const november = month(series?.months ?? [], '2026-11');
    expect(own.n).toBe(6);
    expect({ n: november?.n, value: november?.value, ci95: november?.ci95 }).toEqual({
      n: own.n,
      value: own.value,
      ci95: own.ci95,
    });
  });

  it('marks the months where actions aimed at the metric were completed, in the team’s own month', async () => {
    const result = await customers();
    expect(result.completed.map((action) => [action.title, action.team.slug, action.metric, action.month])).toEqual([
      ['Ny returside', 'webshop', 'nps', '2026-10'],
      ['Ring de utilfredse op', 'kundeservice', 'nps', '2026-11'],
    ]);
    const nps = result.metrics.find((block) => block.metric === 'nps');
    const kundeservice = nps?.teams.find((series) => series.team.slug === 'kundeservice');
    expect(month(kundeservice?.months ?? [], '2026-11')?.actionsDone).toBe(1);
    expect(month(kundeservice?.months ?? [], '2026-10')?.actionsDone).toBe(0);
    const csat = result.metrics.find((block) => block.metric === 'csat');
    expect(csat?.unit.every((entry) => entry.actionsDone === 0)).toBe(true);
  });

  it('serves the section and its CSV to the department’s lead, escaped as the other tables, and writes nothing', async () => {
    const before = (app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const lead = org.clients.departmentLead;
    const response = await lead.request('GET', `/api/units/${org.units.department}/dashboard/customers`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Customers;
    expect(body.metrics.map((block) => block.metric)).toEqual(['nps', 'csat']);
    const csv = await lead.request(
      'GET',
      `/api/units/${org.units.department}/dashboard/export?table=customers&delimiter=semicolon`,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('scope;team;metric;month;n;value;ci95_low;ci95_high;teams;actions_done');
    // A negative figure is neutralised like any cell starting with −, as in every export (shared/csv.ts).
    expect(lines).toContain("unit;Department;nps;2026-11;10;30;'-25,8;85,8;2;1");
    expect(lines).toContain('team;Webshop;nps;2026-11;4;;;;;0');
    expect((app.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(before);
  });
});

describe('the unit dashboard’s culture section: no rollup undercuts the anonymity threshold', () => {
  let app: FastifyInstance;
  let admin: SessionClient;
  const ADMIN = { id: 0, email: '', name: 'admin', isAdmin: true };
  const people = new Map<string, User[]>();

  /** A team of `size` members; each answers every statement with `score`. */
  const makeTeam = async (slug: string, size: number) => {
    await admin.request('POST', '/api/teams', { name: slug, slug });
    const members: User[] = [];
    for (let index = 0; index < size; index++) {
      const email = `m${index}@${slug}.dk`;
      members.push(await app.services.users.create({ email, name: `Member ${index}`, password: PASSWORD }));
      await app.services.teams.addMember(slug, email, 'member');
    }
    people.set(slug, members);
  };
  const answerAll = async (slug: string, roundId: number, score: number) => {
    const round = (await app.services.pulse.rounds(ADMIN, slug)).find((entry) => entry.id === roundId);
    for (const person of people.get(slug) ?? [])
      await app.services.pulse.answer(
        person,
        slug,
        roundId,
        (round?.statements ?? []).map((statement) => ({ statementId: statement.statementId, score })),
      );
  };
  const unitOf = async (name: string, slugs: string[]) => {
    const unit = await app.services.units.create(ADMIN, { name });
    for (const slug of slugs) await app.services.units.addTeam(ADMIN, unit.id, slug);
    return unit.id;
  };
  const culture = async (id: number) =>
    (await admin.request('GET', `/api/units/${id}/dashboard/culture`)).json() as Culture;

  beforeAll(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await makeTeam('fire', 4);
    await makeTeam('fem', 5);
    await makeTeam('seks', 6);
    const opened = (
      await admin.request('POST', '/api/pulse/rounds', {
        quarter: '2026-Q3',
        teams: ['fire', 'fem', 'seks'],
        endsOn: '2099-12-31',
      })
    ).json() as { id: number };
    // Each team answers differently, so a pooled distribution shows whose answers are in it.
    await answerAll('fire', opened.id, 1);
    await answerAll('fem', opened.id, 3);
    await answerAll('seks', opened.id, 5);
    for (const slug of ['fire', 'fem', 'seks'])
      await admin.request('POST', `/api/teams/${slug}/pulse/rounds/${opened.id}/close`);
  });
  afterAll(async () => app.close());

  it('pools only the teams of 5 and 6: the team of 4 is left out and counted, never pooled', async () => {
    const result = await culture(await unitOf('Alle', ['fire', 'fem', 'seks']));
    expect(result.quarter).toBe('2026-Q3');
    expect(result.threshold).toBe(5);
    expect(result.teams.map((row) => [row.team.slug, row.respondents, row.eligible, row.included])).toEqual([
      ['fem', 5, 5, true],
      ['fire', 4, 4, false],
      ['seks', 6, 6, true],
    ]);
    expect(result.pooled).toMatchObject({ teams: 2, respondents: 11, eligible: 11, enough: true });
    expect(result.pooled.statements.length).toBeGreaterThan(0);
    for (const statement of result.pooled.statements) {
      // Not one of the team of 4's answers (all 1s) is in the pool.
      expect(statement.distribution).toEqual([0, 0, 5, 0, 6]);
      expect(statement).toMatchObject({ n: 11, teams: 2, mean: 4.1 });
    }
  });

  it('agrees with each team’s own result: the team of 4 shows nothing there either', async () => {
    const own = await app.services.pulse.results(ADMIN, 'fire');
    expect(own[0]).toMatchObject({ respondents: 4, enough: false, statements: [] });
    expect((await app.services.pulse.results(ADMIN, 'fem'))[0]?.enough).toBe(true);
  });

  it('shows a unit of 4 and 5 only the team of 5, and a unit of the team of 4 alone nothing but the count', async () => {
    const pair = await culture(await unitOf('Fire og fem', ['fire', 'fem']));
    expect(pair.pooled).toMatchObject({ teams: 1, respondents: 5, enough: true });
    for (const statement of pair.pooled.statements) expect(statement.distribution).toEqual([0, 0, 5, 0, 0]);
    const alone = await culture(await unitOf('Kun fire', ['fire']));
    expect(alone.pooled).toEqual({ teams: 0, respondents: 0, eligible: 0, enough: false, statements: [] });
    expect(alone.teams).toEqual([expect.objectContaining({ respondents: 4, included: false, hasRound: true })]);
    const csv = await admin.request(
      'GET',
      `/api/units/${await unitOf('Kun fire igen', ['fire'])}/dashboard/export?table=culture`,
    );
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean),
    ).toHaveLength(1);
  });

  it('leaves a team whose round of the quarter is still open out of the rollup', async () => {
    const opened = (
      await admin.request('POST', '/api/pulse/rounds', { quarter: '2026-Q3', teams: ['seks'], endsOn: '2099-12-31' })
    ).json() as { id: number };
    await answerAll('seks', opened.id, 2);
    const result = await culture(await unitOf('Åben', ['fem', 'seks']));
    expect(result.teams.find((row) => row.team.slug === 'seks')).toMatchObject({ open: true, included: false });
    expect(result.pooled).toMatchObject({ teams: 1, respondents: 5 });
    await admin.request('POST', `/api/teams/seks/pulse/rounds/${opened.id}/close`);
  });
});
