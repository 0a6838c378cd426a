import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenRoundResponse, Round, RoundResult } from '../../shared/schemas/pulse.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

const PASSWORD = 'a-long-password';

/**
 * Anonymity against the person who runs the round: who may answer is fixed when it opens, and the
 * threshold needs that many answers from those people, so a lead's own extra accounts reveal nothing.
 */
describe('pulse anonymity against the lead', () => {
  let app: FastifyInstance;
  let admin: SessionClient;

  const login = async (email: string) => {
    const client = new SessionClient(app);
    expect((await client.request('POST', '/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  };
  const roundsOf = async (client: SessionClient, slug: string) =>
    ((await client.request('GET', `/api/teams/${slug}/pulse/rounds`)).json() as { rounds: Round[] }).rounds;
  const answerAll = async (client: SessionClient, slug: string, roundId: number, score: number, comment?: string) => {
    const round = (await roundsOf(client, slug)).find((entry) => entry.id === roundId);
    const answers = (round?.statements ?? []).map((statement, index) => ({
      statementId: statement.statementId,
      score,
      ...(comment && index === 0 ? { comment } : {}),
    }));
    return client.request('POST', `/api/teams/${slug}/pulse/rounds/${roundId}/answers`, { answers });
  };
  /** A team with a lead and `members` members, each signed in. */
  const makeTeam = async (slug: string, members: number) => {
    await admin.request('POST', '/api/teams', { name: slug, slug });
    await app.services.users.create({ email: `lead@${slug}.dk`, name: 'Lead', password: PASSWORD });
    await app.services.teams.addMember(slug, `lead@${slug}.dk`, 'lead');
    const people: SessionClient[] = [];
    for (let index = 0; index < members; index++) {
      await app.services.users.create({ email: `m${index}@${slug}.dk`, name: `Member ${index}`, password: PASSWORD });
      await app.services.teams.addMember(slug, `m${index}@${slug}.dk`, 'member');
      people.push(await login(`m${index}@${slug}.dk`));
    }
    return { lead: await login(`lead@${slug}.dk`), members: people };
  };

  // A fresh workspace per test, so the sign-ins of one stay clear of the login rate limit in the next.
  beforeEach(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    await admin.request('POST', '/api/setup', { email: 'admin@example.dk', name: 'Admin', password: PASSWORD });
  });
  afterEach(async () => app.close());

  it('gives the lead nothing from a round filled with their own invite accounts', async () => {
    const { lead, members } = await makeTeam('lille', 1);
    const real = members[0] as SessionClient;
    const opened = await lead.request('POST', '/api/pulse/rounds', {
      quarter: '2026-Q4',
      teams: ['lille'],
      endsOn: '2099-12-31',
    });
    expect(opened.statusCode).toBe(201);
    const { id, warnings } = opened.json() as OpenRoundResponse;
    // Two people can never make five: the lead is told so at once.
    expect(warnings).toEqual([
      { code: 'PULSE_RESULTS_NEVER_SHOWN', team: 'lille', teamName: 'lille', eligible: 2, threshold: 5 },
    ]);

    expect((await answerAll(real, 'lille', id, 1, 'Min leder lytter aldrig til os')).statusCode).toBe(201);
    // The lead invites four accounts of their own into the team and answers through each.
    for (let index = 0; index < 4; index++) {
      const invite = (await lead.request('POST', '/api/teams/lille/invites', { role: 'member' })).json() as {
        token: string;
      };
      const puppet = new SessionClient(app);
      const accepted = await puppet.request('POST', `/api/invites/${invite.token}/accept`, {
        name: `Puppet ${index}`,
        email: `puppet${index}@lille.dk`,
        password: PASSWORD,
      });
      expect(accepted.statusCode).toBeLessThan(300);
      expect((await roundsOf(puppet, 'lille'))[0]).toMatchObject({ id, mayAnswer: false, members: 2 });
      const refused = await answerAll(puppet, 'lille', id, 5);
      expect(refused.statusCode).toBe(403);
      expect((refused.json() as { error: { code: string } }).error.code).toBe('PULSE_NOT_ELIGIBLE');
    }
    expect((await answerAll(lead, 'lille', id, 5)).statusCode).toBe(201);
    expect((await lead.request('POST', `/api/teams/lille/pulse/rounds/${id}/close`)).statusCode).toBe(200);

    const response = await lead.request('GET', '/api/teams/lille/pulse/results');
    expect((response.json() as { results: RoundResult[] }).results).toEqual([
      {
        roundId: id,
        quarter: '2026-Q4',
        respondents: 2,
        threshold: 5,
        eligible: 2,
        commentThreshold: 5,
        open: false,
        enough: false,
        statements: [],
        comments: [],
      },
    ]);
    expect(response.body).not.toContain('lytter aldrig');
    expect((await roundsOf(lead, 'lille'))[0]).toMatchObject({ respondents: 2, members: 2 });
  });

  it('counts only participation from the people fixed when the round opened', async () => {
    const { lead, members } = await makeTeam('fem', 4);
    const { id, warnings } = (
      await lead.request('POST', '/api/pulse/rounds', { quarter: '2026-Q4', teams: ['fem'], endsOn: '2099-12-31' })
    ).json() as OpenRoundResponse;
    expect(warnings).toEqual([]);
    for (const member of [lead, ...members.slice(0, 3)])
      expect((await answerAll(member, 'fem', id, 3)).statusCode).toBe(201);
    // A participation row of someone outside the fixed set (as if written past the rules) does not make five.
    const team = (await app.services.teams.bySlug('fem')).id;
    const outsider = await app.services.users.create({
      email: 'outsider@fem.dk',
      name: 'Outsider',
      password: PASSWORD,
    });
    await app.services.store.db
      .insertInto('pulse_participation')
      .values({ round_id: id, user_id: outsider.id, team_id: team })
      .execute();
    await lead.request('POST', `/api/teams/fem/pulse/rounds/${id}/close`);
    const [result] = ((await lead.request('GET', '/api/teams/fem/pulse/results')).json() as { results: RoundResult[] })
      .results;
    expect(result).toMatchObject({ respondents: 4, eligible: 5, enough: false, statements: [], comments: [] });
  });

  it('keeps comments back below their own threshold, which the admin can raise but never set below the number one', async () => {
    const { lead, members } = await makeTeam('seks', 5);
    expect((await admin.request('PUT', '/api/pulse/comment-threshold', { commentThreshold: 7 })).statusCode).toBe(200);
    expect((await lead.request('PUT', '/api/pulse/comment-threshold', { commentThreshold: 9 })).statusCode).toBe(403);
    expect((await admin.request('GET', '/api/pulse/thresholds')).json()).toEqual({ threshold: 5, commentThreshold: 7 });

    const opened = (
      await lead.request('POST', '/api/pulse/rounds', { quarter: '2027-Q1', teams: ['seks'], endsOn: '2099-12-31' })
    ).json() as OpenRoundResponse;
    expect(opened.warnings).toEqual([
      { code: 'PULSE_COMMENTS_NEVER_SHOWN', team: 'seks', teamName: 'seks', eligible: 6, threshold: 7 },
    ]);
    for (const member of [lead, ...members])
      expect((await answerAll(member, 'seks', opened.id, 4, 'Vi mangler tid')).statusCode).toBe(201);
    await lead.request('POST', `/api/teams/seks/pulse/rounds/${opened.id}/close`);
    const response = await lead.request('GET', '/api/teams/seks/pulse/results');
    const [result] = (response.json() as { results: RoundResult[] }).results;
    expect(result).toMatchObject({ respondents: 6, eligible: 6, enough: true, commentThreshold: 7, comments: [] });
    expect(result?.statements[0]?.distribution).toEqual([0, 0, 0, 6, 0]);
    expect(response.body).not.toContain('Vi mangler tid');

    // Raising the number threshold lifts the comment threshold with it; a comment threshold below it is refused.
    expect((await admin.request('PUT', '/api/pulse/threshold', { threshold: 8 })).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/pulse/thresholds')).json()).toEqual({ threshold: 8, commentThreshold: 8 });
    const refused = await admin.request('PUT', '/api/pulse/comment-threshold', { commentThreshold: 7 });
    expect(refused.statusCode).toBe(400);
    expect((await admin.request('PUT', '/api/pulse/threshold', { threshold: 5 })).statusCode).toBe(200);
    expect((await admin.request('PUT', '/api/pulse/comment-threshold', { commentThreshold: 5 })).statusCode).toBe(200);
    const [shown] = ((await lead.request('GET', '/api/teams/seks/pulse/results')).json() as { results: RoundResult[] })
      .results;
    expect(shown?.comments).toEqual(
      Array.from({ length: 6 }, () => ({ statementId: shown?.statements[0]?.statementId, text: 'Vi mangler tid' })),
    );
  });
});
