import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/schemas/auth.ts';
import type { Culture } from '../../shared/schemas/units.ts';
import { previousQuarter } from '../../server/units/dashboard-culture.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { PASSWORD } from '../helpers/unit-org.ts';

/**
 * The culture section's change since the previous quarter, against figures worked out by hand:
 * a mean is Σ score·count / n to one decimal, and the change is the difference of the two means shown.
 */
describe('the unit’s culture: each pooled statement’s change since the previous quarter', () => {
  let app: FastifyInstance;
  let admin: SessionClient;
  let ADMIN: User;
  const people = new Map<string, User[]>();
  let added = 0;

  const makeTeam = async (slug: string, size: number) => {
    await admin.request('POST', '/api/teams', { name: slug, slug });
    const members: User[] = [];
    for (let index = 0; index < size; index += 1) {
      const email = `${slug}-${index}@example.dk`;
      members.push(await app.services.users.create({ email, name: `Member ${index}`, password: PASSWORD }));
      await app.services.teams.addMember(slug, email, 'member');
    }
    people.set(slug, members);
  };
  /** Opens a round for the teams, has every member answer `scores[slug]` to every statement, and closes it. */
  const round = async (quarter: string, scores: Record<string, number>) => {
    const teams = Object.keys(scores);
    const opened = (
      await admin.request('POST', '/api/pulse/rounds', { quarter, teams, endsOn: '2099-12-31' })
    ).json() as { id: number };
    for (const slug of teams) {
      const asked = (await app.services.pulse.rounds(ADMIN, slug)).find((entry) => entry.id === opened.id);
      for (const person of people.get(slug) ?? [])
        await app.services.pulse.answer(
          person,
          slug,
          opened.id,
          (asked?.statements ?? []).map((statement) => ({
            statementId: statement.statementId,
            score: scores[slug] ?? 3,
          })),
        );
    }
    for (const slug of teams) await admin.request('POST', `/api/teams/${slug}/pulse/rounds/${opened.id}/close`);
  };
  const culture = async (slugs: string[]) => {
    const unit = await app.services.units.create(ADMIN, { name: `Enhed ${slugs.join(' ')}` });
    for (const slug of slugs) await app.services.units.addTeam(ADMIN, unit.id, slug);
    const response = await admin.request('GET', `/api/units/${unit.id}/dashboard/culture`);
    expect(response.statusCode).toBe(200);
    return response.json() as Culture;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    const setup = await admin.request('POST', '/api/setup', {
      email: 'admin@example.dk',
      name: 'Admin',
      password: PASSWORD,
    });
    ADMIN = (setup.json() as { user: User }).user;
    await makeTeam('fem', 5);
    await makeTeam('seks', 6);
    await makeTeam('fire', 4);
    await makeTeam('ny', 5);
    // 2026-Q2: fem answers 2, seks answers 4; fire (4 people) answers too but never meets the threshold.
    await round('2026-Q2', { fem: 2, seks: 4, fire: 5 });
    // A statement first asked in Q3.
    const statement = await admin.request('POST', '/api/pulse/statements', {
      textEn: 'I can tell a customer’s story at our review',
      textDa: 'Jeg kan fortælle en kundes historie på vores møde',
    });
    expect(statement.statusCode).toBe(201);
    added = (statement.json() as { id: number }).id;
    // 2026-Q3: fem answers 3, seks 5; ny (new in Q3) answers 1.
    await round('2026-Q3', { fem: 3, seks: 5, ny: 1 });
  });
  afterAll(async () => app.close());

  it('tells the quarter before, across a year too', () => {
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
  });

  it('shows the change when both quarters’ pools meet the thresholds, computed by hand', async () => {
    const result = await culture(['fem', 'seks']);
    expect(result.quarter).toBe('2026-Q3');
    expect(result.previous).toEqual({ quarter: '2026-Q2', teams: 2, respondents: 11, enough: true });
    const compared = result.pooled.statements.filter((entry) => entry.statementId !== added);
    expect(compared.length).toBeGreaterThan(0);
    for (const statement of compared) {
      // Q3: 5 × 3 + 6 × 5 = 45 over 11 = 4.09 → 4.1. Q2: 5 × 2 + 6 × 4 = 34 over 11 = 3.09 → 3.1. Change +1.0.
      expect(statement).toMatchObject({
        distribution: [0, 0, 5, 0, 6],
        mean: 4.1,
        change: { previousMean: 3.1, delta: 1 },
        noChange: null,
      });
    }
    // The statement Q2 did not ask has no change, and says so.
    expect(result.pooled.statements.find((entry) => entry.statementId === added)).toMatchObject({
      mean: 4.1,
      change: null,
      noChange: 'not_asked_before',
    });
  });

  it('exports the previous quarter, its mean and the change beside each statement', async () => {
    const unit = await app.services.units.create(ADMIN, { name: 'Eksport' });
    for (const slug of ['fem', 'seks']) await app.services.units.addTeam(ADMIN, unit.id, slug);
    const csv = await admin.request('GET', `/api/units/${unit.id}/dashboard/export?table=culture&delimiter=semicolon`);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(header?.split(';').slice(-3)).toEqual(['previous_quarter', 'previous_mean', 'change']);
    const cells = rows.map((row) => row.split(';').slice(-3));
    expect(cells).toContainEqual(['2026-Q2', '3,1', '1']);
    expect(cells).toContainEqual(['2026-Q2', '', 'not_asked_before']);
  });

  it('measures a fall as a negative change, one decimal, from the means shown', async () => {
    // seks alone: Q3 all 5 → 5.0; Q2 all 4 → 4.0; change +1.0. fem alone: Q3 3.0, Q2 2.0.
    // ny + seks in Q3: (5 × 1 + 6 × 5) / 11 = 35 / 11 = 3.18 → 3.2; Q2 only seks: 4.0; change −0.8.
    const result = await culture(['ny', 'seks']);
    expect(result.previous).toEqual({ quarter: '2026-Q2', teams: 1, respondents: 6, enough: true });
    const statement = result.pooled.statements.find((entry) => entry.statementId !== added);
    expect(statement).toMatchObject({ mean: 3.2, change: { previousMean: 4, delta: -0.8 }, noChange: null });
  });

  it('says why there is no change: the previous pool missed the thresholds, or had no round at all', async () => {
    // ny + fire: Q3 pools ny (5 answers); Q2 had only fire's 4 answers, below the threshold of 5.
    const fewer = await culture(['ny', 'fire']);
    expect(fewer.pooled.enough).toBe(true);
    expect(fewer.previous).toEqual({ quarter: '2026-Q2', teams: 0, respondents: 4, enough: false });
    for (const statement of fewer.pooled.statements)
      expect(statement).toMatchObject({ mean: 1, change: null, noChange: 'previous_not_enough' });
    // ny alone had no round in Q2.
    const none = await culture(['ny']);
    expect(none.previous).toEqual({ quarter: '2026-Q2', teams: 0, respondents: 0, enough: false });
    for (const statement of none.pooled.statements)
      expect(statement).toMatchObject({ change: null, noChange: 'no_previous_round' });
  });

  it('shows no statements, and so no change, when this quarter’s pool misses the thresholds', async () => {
    // fire's Q2 round is its newest closed one: 4 answers, never pooled.
    const result = await culture(['fire']);
    expect(result.quarter).toBe('2026-Q2');
    expect(result.pooled).toMatchObject({ enough: false, statements: [] });
    expect(result.previous).toEqual({ quarter: '2026-Q1', teams: 0, respondents: 0, enough: false });
  });
});
