import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail } from '../../shared/schemas/actions.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

describe('action fields that must be real: due dates and themes', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let ownTheme: number;
  let foreignTheme: number;

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients } = await actionsTeam(app));
    const theme = async (slug: string, name: string) =>
      (
        await app.services.store.db
          .insertInto('themes')
          .values({ team_id: (await app.services.teams.bySlug(slug)).id, name })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    ownTheme = await theme('support', 'Levering');
    foreignTheme = await theme('secret', 'Hemmelig');
  });
  afterAll(async () => app.close());

  it('refuses due dates that are not days in the calendar, on create and on update', async () => {
    for (const dueDate of ['2026-13-45', '2026-02-30', '2026-00-01']) {
      const made = await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Call back', dueDate });
      expect(made.statusCode).toBe(400);
      expect(made.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    const ok = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Call back',
      dueDate: '2028-02-29',
    });
    expect(ok.statusCode).toBe(201);
    const { id } = ok.json() as ActionDetail;
    const moved = await clients.lead.request('PATCH', `/api/teams/support/actions/${id}`, { dueDate: '2026-04-31' });
    expect(moved.statusCode).toBe(400);
    expect(
      ((await clients.lead.request('GET', `/api/teams/support/actions/${id}`)).json() as ActionDetail).dueDate,
    ).toBe('2028-02-29');
  });

  it('accepts only a theme of the action’s own team', async () => {
    const foreign = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Leak',
      themeId: foreignTheme,
    });
    expect(foreign.statusCode).toBe(400);
    const missing = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Nothing',
      themeId: 999_999,
    });
    expect(missing.statusCode).toBe(400);
    const made = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Faster parcels',
      themeId: ownTheme,
    });
    expect(made.statusCode).toBe(201);
    const { id } = made.json() as ActionDetail;
    const swapped = await clients.lead.request('PATCH', `/api/teams/support/actions/${id}`, { themeId: foreignTheme });
    expect(swapped.statusCode).toBe(400);
    expect(
      ((await clients.lead.request('GET', `/api/teams/support/actions/${id}`)).json() as ActionDetail).themeId,
    ).toBe(ownTheme);
  });
});
