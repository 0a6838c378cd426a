import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round, RoundResult } from '../../shared/schemas/pulse.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

const PASSWORD = 'a-long-password';

describe('the culture pulse', () => {
  let app: FastifyInstance;
  let admin: SessionClient;
  let lead: SessionClient;
  let outsider: SessionClient;
  const members: { client: SessionClient; email: string }[] = [];

  const login = async (email: string) => {
    const client = new SessionClient(app);
    expect((await client.request('POST', '/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const answerAll = async (client: SessionClient, roundId: number, score: number, comment?: string) => {
    const round = (
      (await client.request('GET', '/api/teams/support/pulse/rounds')).json() as { rounds: Round[] }
    ).rounds.find((entry) => entry.id === roundId);
    const answers = (round?.statements ?? []).map((statement, index) => ({
      statementId: statement.statementId,
      score,
      ...(comment && index === 0 ? { comment } : {}),
    }));
    return client.request('POST', `/api/teams/support/pulse/rounds/${roundId}/answers`, { answers });
  };

  beforeAll(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
    await admin.request('POST', '/api/teams', { name: 'Support', slug: 'support' });
    await admin.request('POST', '/api/teams', { name: 'Other', slug: 'other' });
    await app.services.users.create({ email: 'lead@example.dk', name: 'Lead', password: PASSWORD });
    await app.services.teams.addMember('support', 'lead@example.dk', 'lead');
    await app.services.users.create({ email: 'outsider@example.dk', name: 'Outsider', password: PASSWORD });
    await app.services.teams.addMember('other', 'outsider@example.dk', 'lead');
    for (let index = 0; index < 6; index++) {
      const email = `m${index}@example.dk`;
      await app.services.users.create({ email, name: `Member ${index}`, password: PASSWORD });
      await app.services.teams.addMember('support', email, 'member');
      members.push({ client: await login(email), email });
    }
    lead = await login('lead@example.dk');
    outsider = await login('outsider@example.dk');
  });
  afterAll(async () => app.close());

  it('offers the default statements in Danish and English', async () => {
    const { statements } = (await members[0]!.client.request('GET', '/api/teams/support/pulse/statements')).json() as {
      statements: { textEn: string; textDa: string; scope: string }[];
    };
    expect(statements).toHaveLength(7);
    expect(statements[0]).toEqual(
      expect.objectContaining({
        scope: 'workspace',
        textEn: 'Top management leads the way on customer experience in word and action.',
        textDa: 'Topledelsen går forrest for kundeoplevelsen i ord og handling.',
      }),
    );
  });

  it('lets only leads open rounds for their own teams', async () => {
    const body = { quarter: '2026-Q3', teams: ['support'], endsOn: '2099-12-31' };
    expect((await members[0]!.client.request('POST', '/api/pulse/rounds', body)).statusCode).toBe(403);
    expect((await outsider.request('POST', '/api/pulse/rounds', body)).statusCode).toBe(404);
    expect((await lead.request('POST', '/api/pulse/rounds', { ...body, quarter: '2026-13' })).statusCode).toBe(400);
    expect((await lead.request('POST', '/api/pulse/rounds', body)).statusCode).toBe(201);
    expect((await lead.request('POST', '/api/pulse/rounds', body)).statusCode).toBe(409);
  });

  it('hides results below five respondents, refuses a second answer, and shows results at five', async () => {
    const round = ((await lead.request('GET', '/api/teams/support/pulse/rounds')).json() as { rounds: Round[] })
      .rounds[0]!;
    for (let index = 0; index < 4; index++)
      expect(
        (
          await answerAll(
            members[index]!.client,
            round.id,
            2 + (index % 2),
            index === 0 ? 'Vi mangler tid til kunderne' : undefined,
          )
        ).statusCode,
      ).toBe(201);
    expect((await answerAll(members[0]!.client, round.id, 5)).statusCode).toBe(409);
    const [double1, double2] = await Promise.all([
      answerAll(members[4]!.client, round.id, 4),
      answerAll(members[4]!.client, round.id, 4),
    ]);
    expect([double1.statusCode, double2.statusCode].sort()).toEqual([201, 409]);
    // Two requests at once from the fifth person: exactly one counts.
    // While the round is open nothing but the count leaves, so one more answer cannot be read off a change.
    const whileOpen = await lead.request('GET', '/api/teams/support/pulse/results');
    expect((whileOpen.json() as { results: RoundResult[] }).results[0]).toEqual({
      roundId: round.id,
      quarter: '2026-Q3',
      respondents: 5,
      threshold: 5,
      eligible: 7,
      commentThreshold: 5,
      open: true,
      enough: false,
      statements: [],
      comments: [],
    });
    expect(whileOpen.body).not.toContain('Vi mangler tid');
    expect(
      (await members[0]!.client.request('POST', `/api/teams/support/pulse/rounds/${round.id}/close`)).statusCode,
    ).toBe(403);
    expect((await lead.request('POST', `/api/teams/support/pulse/rounds/${round.id}/close`)).statusCode).toBe(200);
    expect((await answerAll(members[5]!.client, round.id, 5)).statusCode).toBe(400);
    const results = (
      (await lead.request('GET', '/api/teams/support/pulse/results')).json() as { results: RoundResult[] }
    ).results;
    expect(results[0]).toMatchObject({ quarter: '2026-Q3', respondents: 5, enough: true });
    expect(results[0]?.statements[0]?.distribution).toEqual([0, 2, 2, 1, 0]);
    expect(results[0]?.statements[0]?.mean).toBe(2.8);
    expect(results[0]?.comments).toEqual([
      { statementId: results[0]?.statements[0]?.statementId, text: 'Vi mangler tid til kunderne' },
    ]);
    const rounds = ((await lead.request('GET', '/api/teams/support/pulse/rounds')).json() as { rounds: Round[] })
      .rounds;
    expect(rounds[0]).toMatchObject({ open: false, respondents: 5, members: 7, answered: false });
  });

  it('shows the change from the last quarter and keeps old statement texts', async () => {
    const opened = (
      await lead.request('POST', '/api/pulse/rounds', { quarter: '2026-Q4', teams: ['support'], endsOn: '2099-12-31' })
    ).json() as { id: number };
    for (let index = 0; index < 5; index++) await answerAll(members[index]!.client, opened.id, 4);
    await lead.request('POST', `/api/teams/support/pulse/rounds/${opened.id}/close`);
    const results = (
      (await members[5]!.client.request('GET', '/api/teams/support/pulse/results')).json() as { results: RoundResult[] }
    ).results;
    expect(results.map((result) => result.quarter)).toEqual(['2026-Q4', '2026-Q3']);
    expect(results[0]?.statements[0]).toMatchObject({ mean: 4, change: 1.2 });
  });

  it('with four answers shows nothing but the count, in every response', async () => {
    const opened = (
      await lead.request('POST', '/api/pulse/rounds', { quarter: '2027-Q1', teams: ['support'], endsOn: '2099-12-31' })
    ).json() as { id: number };
    for (let index = 0; index < 4; index++) await answerAll(members[index]!.client, opened.id, 1, 'Hemmelig kommentar');
    await lead.request('POST', `/api/teams/support/pulse/rounds/${opened.id}/close`);
    const response = await lead.request('GET', '/api/teams/support/pulse/results');
    const newest = (response.json() as { results: RoundResult[] }).results[0];
    expect(newest).toEqual({
      roundId: opened.id,
      quarter: '2027-Q1',
      respondents: 4,
      threshold: 5,
      eligible: 7,
      commentThreshold: 5,
      open: false,
      enough: false,
      statements: [],
      comments: [],
    });
    expect(response.body).not.toContain('Hemmelig kommentar');
    expect((await admin.request('PUT', '/api/pulse/threshold', { threshold: 4 })).statusCode).toBe(400);
    expect((await lead.request('PUT', '/api/pulse/threshold', { threshold: 6 })).statusCode).toBe(403);
  });

  it('stores answers with nothing that ties them to a person', async () => {
    const tables = await app.services.store.db.introspection.getTables();
    const columns = (table: string) =>
      tables.find((found) => found.name === table)?.columns.map((column) => column.name);
    expect(columns('pulse_answers')).toEqual(['id', 'round_id', 'team_id', 'statement_id', 'score', 'comment']);
    expect(columns('pulse_participation')).toEqual(['round_id', 'user_id', 'team_id']);
    // Answer keys are random, so their storage order is not the order people answered in.
    const ids = (await app.services.store.db.selectFrom('pulse_answers').select('id').execute()).map((row) => row.id);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    for (const path of ['/api/teams/support/pulse/results', '/api/teams/support/pulse/rounds']) {
      const body = (await lead.request('GET', path)).body;
      for (const member of members) expect(body).not.toContain(member.email);
      expect(body).not.toMatch(/"user(Id|_id)"/);
    }
    expect((await outsider.request('GET', '/api/teams/support/pulse/results')).statusCode).toBe(404);
  });

  it('lets leads add team statements and admins edit workspace ones; retired statements keep old results', async () => {
    const added = await lead.request('POST', '/api/teams/support/pulse/statements', {
      textEn: 'We celebrate WOW moments with customers.',
      textDa: 'Vi fejrer WOW-øjeblikke med kunderne.',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await members[0]!.client.request('POST', '/api/teams/support/pulse/statements', {
          textEn: 'Nope nope',
          textDa: 'Nej nej',
        })
      ).statusCode,
    ).toBe(403);
    const first = (
      (await lead.request('GET', '/api/teams/support/pulse/statements')).json() as { statements: { id: number }[] }
    ).statements[0]!;
    expect((await lead.request('PATCH', `/api/pulse/statements/${first.id}`, { retired: true })).statusCode).toBe(403);
    expect(
      (
        await admin.request('PATCH', `/api/pulse/statements/${first.id}`, {
          textEn: 'Top management leads the way, in word and deed.',
        })
      ).statusCode,
    ).toBe(200);
    const results = (
      (await lead.request('GET', '/api/teams/support/pulse/results')).json() as { results: RoundResult[] }
    ).results;
    expect(results[1]?.statements[0]?.textEn).toBe(
      'Top management leads the way on customer experience in word and action.',
    );
  });
});
