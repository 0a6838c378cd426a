import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KADENCE_VERSION } from '../../server/version.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { testStore } from '../helpers/test-store.ts';

type Actor = 'anonymous' | 'outsider' | 'member' | 'facilitator' | 'lead' | 'admin';
const PASSWORD = 'a-long-password';

describe('auth, teams and the authorisation matrix', () => {
  let app: FastifyInstance;
  const clients = {} as Record<Actor, SessionClient>;
  const ids = {} as Record<Actor, number>;

  beforeAll(async () => {
    app = await makeTestApp();
    clients.admin = new SessionClient(app);
    const setup = await clients.admin.request('POST', '/api/setup', {
      email: 'admin@example.dk',
      name: 'Admin',
      password: PASSWORD,
    });
    expect(setup.statusCode).toBe(201);
    ids.admin = (setup.json() as { user: { id: number } }).user.id;
    expect((await clients.admin.request('POST', '/api/teams', { name: 'Support', slug: 'support' })).statusCode).toBe(
      201,
    );
    expect(
      (await clients.admin.request('POST', '/api/teams', { name: 'Hemmeligt Hold', slug: 'secret' })).statusCode,
    ).toBe(201);
    for (const actor of ['outsider', 'member', 'facilitator', 'lead'] as const) {
      const user = await app.services.users.create({ email: `${actor}@example.dk`, name: actor, password: PASSWORD });
      ids[actor] = user.id;
      if (actor === 'outsider') await app.services.teams.addMember('secret', user.email, 'lead');
      else await app.services.teams.addMember('support', user.email, actor);
      clients[actor] = new SessionClient(app);
      expect(
        (await clients[actor].request('POST', '/api/auth/login', { email: user.email, password: PASSWORD })).statusCode,
      ).toBe(200);
    }
    clients.anonymous = new SessionClient(app);
  });
  afterAll(async () => app.close());

  it('answers health and serves the OpenAPI document', async () => {
    expect((await app.inject('/api/health')).json()).toEqual({
      status: 'ok',
      version: KADENCE_VERSION,
      store: testStore,
    });
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/teams/{team}', '/api/auth/login']));
  });

  it('refuses a second setup, writes without CSRF, and wrong passwords, each with the error shape', async () => {
    const again = await clients.anonymous.request('POST', '/api/setup', {
      email: 'x@example.dk',
      name: 'X',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'SETUP_DONE' } });
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lead@example.dk', password: PASSWORD },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: { code: 'CSRF' } });
    const wrong = await new SessionClient(app).request('POST', '/api/auth/login', {
      email: 'lead@example.dk',
      password: 'wrong-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const bad = await clients.admin.request('POST', '/api/teams', { name: 'X', slug: 'Not A Slug' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'VALIDATION', details: [expect.objectContaining({ path: '/slug' })] },
    });
    const zone = await clients.admin.request('POST', '/api/teams', { name: 'X', slug: 'x', timezone: 'Mars/Olympus' });
    expect(zone.json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/time zone/) } });
  });

  it('rate-limits sign-in attempts', async () => {
    const client = new SessionClient(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(
        (await client.request('POST', '/api/auth/login', { email: 'nobody@example.dk', password: 'x' })).statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  const matrix: {
    route: string;
    method: 'GET' | 'POST' | 'PUT' | 'PATCH';
    body?: object;
    expect: Record<Actor, number>;
  }[] = [
    {
      method: 'GET',
      route: '/api/teams/support',
      expect: { anonymous: 401, outsider: 404, member: 200, facilitator: 200, lead: 200, admin: 200 },
    },
    {
      method: 'PATCH',
      route: '/api/teams/support',
      body: { name: 'Support' },
      expect: { anonymous: 401, outsider: 404, member: 403, facilitator: 403, lead: 200, admin: 200 },
    },
    {
      method: 'GET',
      route: '/api/teams/support/invites',
      expect: { anonymous: 401, outsider: 404, member: 403, facilitator: 403, lead: 200, admin: 200 },
    },
    {
      method: 'POST',
      route: '/api/teams/support/invites',
      body: { role: 'member' },
      expect: { anonymous: 401, outsider: 404, member: 403, facilitator: 403, lead: 201, admin: 201 },
    },
    // member@example.dk is in the team already: leads and admins pass the role check and meet the duplicate rule.
    {
      method: 'POST',
      route: '/api/teams/support/members',
      body: { email: 'member@example.dk', role: 'member' },
      expect: { anonymous: 401, outsider: 404, member: 403, facilitator: 403, lead: 409, admin: 409 },
    },
    // The team's own praise as its unit's WOW wall shows it: every member reads it.
    {
      method: 'GET',
      route: '/api/teams/support/wow',
      expect: { anonymous: 401, outsider: 404, member: 200, facilitator: 200, lead: 200, admin: 200 },
    },
    {
      method: 'PUT',
      route: '/api/teams/support/members/MEMBER',
      body: { role: 'member' },
      expect: { anonymous: 401, outsider: 404, member: 403, facilitator: 403, lead: 200, admin: 200 },
    },
  ];
  for (const row of matrix) {
    it(`${row.method} ${row.route} answers each role as expected`, async () => {
      const actual = {} as Record<Actor, number>;
      for (const actor of Object.keys(row.expect) as Actor[]) {
        const response = await clients[actor].request(
          row.method,
          row.route.replace('MEMBER', String(ids.member)),
          row.body,
        );
        actual[actor] = response.statusCode;
        if (actor === 'outsider' || actor === 'anonymous') expect(response.body).not.toContain('Support');
      }
      expect(actual).toEqual(row.expect);
    });
  }

  it('lists only the own teams, with the role in each; an admin sees all', async () => {
    const teamsOf = async (actor: Actor) =>
      (
        (await clients[actor].request('GET', '/api/teams')).json() as {
          teams: { team: { slug: string }; role: string | null }[];
        }
      ).teams.map((entry) => `${entry.team.slug}:${entry.role}`);
    expect(await teamsOf('member')).toEqual(['support:member']);
    expect(await teamsOf('outsider')).toEqual(['secret:lead']);
    expect(await teamsOf('admin')).toEqual(['secret:null', 'support:null']);
    await app.services.teams.addMember('secret', 'member@example.dk', 'facilitator');
    expect(await teamsOf('member')).toEqual(['secret:facilitator', 'support:member']);
  });

  it('takes an invite once: preview, join with a new account, then refuse reuse and revoked links', async () => {
    const created = (
      await clients.lead.request('POST', '/api/teams/support/invites', { role: 'facilitator' })
    ).json() as { token: string; invite: { id: number } };
    const guest = new SessionClient(app);
    expect((await guest.request('GET', `/api/invites/${created.token}`)).json()).toMatchObject({
      teamName: 'Support',
      role: 'facilitator',
    });
    const joined = await guest.request('POST', `/api/invites/${created.token}/accept`, {
      name: 'Nina',
      email: 'nina@example.dk',
      password: PASSWORD,
    });
    expect(joined.json()).toEqual({ teamSlug: 'support' });
    expect(
      ((await guest.request('GET', '/api/auth/me')).json() as { teams: { slug: string; role: string }[] }).teams,
    ).toEqual([expect.objectContaining({ slug: 'support', role: 'facilitator' })]);
    const reused = await new SessionClient(app).request('POST', `/api/invites/${created.token}/accept`, {
      name: 'Eve',
      email: 'eve@example.dk',
      password: PASSWORD,
    });
    expect(reused.statusCode).toBe(410);
    expect(await app.services.users.byEmail('eve@example.dk')).toBeUndefined();

    const second = (await clients.lead.request('POST', '/api/teams/support/invites', { role: 'member' })).json() as {
      token: string;
      invite: { id: number };
    };
    expect((await clients.lead.request('DELETE', `/api/teams/support/invites/${second.invite.id}`)).statusCode).toBe(
      200,
    );
    expect((await guest.request('GET', `/api/invites/${second.token}`)).json()).toMatchObject({
      error: { code: 'INVITE_INVALID', message: expect.stringMatching(/revoked/) },
    });
  });

  it('signs out and changes passwords, ending other sessions', async () => {
    const other = new SessionClient(app);
    await other.request('POST', '/api/auth/login', { email: 'facilitator@example.dk', password: PASSWORD });
    const wrong = await clients.facilitator.request('POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'another-long-password',
    });
    expect(wrong.statusCode).toBe(401);
    const changed = await clients.facilitator.request('POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-password',
    });
    expect(changed.statusCode).toBe(200);
    expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await clients.facilitator.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await clients.facilitator.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await clients.facilitator.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
