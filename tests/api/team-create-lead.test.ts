import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';

describe('creating a team: the person who creates it leads it unless they create it for others', () => {
  let app: FastifyInstance;
  let admin: SessionClient;

  beforeAll(async () => {
    app = await makeTestApp();
    admin = new SessionClient(app);
    expect(
      (
        await admin.request('POST', '/api/setup', {
          email: 'admin@example.dk',
          name: 'Admin',
          password: 'a-long-password',
        })
      ).statusCode,
    ).toBeLessThan(300);
  });
  afterAll(async () => app.close());

  it('makes the creator its lead when asked, in the same step', async () => {
    expect(
      (await admin.request('POST', '/api/teams', { name: 'Kundeservice Øst', slug: 'kundeservice-oest', asLead: true }))
        .statusCode,
    ).toBe(201);
    const detail = (await admin.request('GET', '/api/teams/kundeservice-oest')).json() as {
      myRole: string | null;
      members: { email: string; role: string }[];
    };
    expect(detail.myRole).toBe('lead');
    expect(detail.members).toEqual([expect.objectContaining({ email: 'admin@example.dk', role: 'lead' })]);
  });

  it('leaves the admin outside a team created for others', async () => {
    expect(
      (await admin.request('POST', '/api/teams', { name: 'Lager', slug: 'lager', asLead: false })).statusCode,
    ).toBe(201);
    const detail = (await admin.request('GET', '/api/teams/lager')).json() as {
      myRole: string | null;
      members: unknown[];
    };
    expect(detail.myRole).toBeNull();
    expect(detail.members).toEqual([]);
  });
});
