import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../shared/schemas/overview.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { writeMark } from '../helpers/store-writes.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

describe('GET /api/me/overview: what needs the signed-in person now', () => {
  let app: FastifyInstance;
  const clients: Record<'lead' | 'member' | 'outsider', SessionClient> = {} as never;
  const overview = async (who: SessionClient) => {
    const response = await who.request('GET', '/api/me/overview');
    expect(response.statusCode).toBe(200);
    return response.json() as Overview;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['lead', 'member', 'outsider'] as const));
    const from = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await clients.lead.request('PUT', '/api/teams/support/cadence', {
          rrule: 'FREQ=MONTHLY;BYDAY=2TU',
          time: '10:00',
          durationMinutes: 60,
          from,
        })
      ).statusCode,
    ).toBe(200);
    const memberId = (await app.services.users.byEmail('member@example.dk'))?.id ?? 0;
    const made = async (title: string, ownerId: number) =>
      (
        await clients.lead.request('POST', '/api/teams/support/actions', { title, ownerId, dueDate: '2030-01-31' })
      ).json() as { id: number };
    await made('Ring til fragtfirmaet', memberId);
    const done = await made('Svar på anmeldelser', memberId);
    expect(
      (await clients.member.request('POST', `/api/teams/support/actions/${done.id}/status`, { to: 'done' })).statusCode,
    ).toBe(200);
    await made('Lederens egen', (await app.services.users.byEmail('lead@example.dk'))?.id ?? 0);
    expect(
      (
        await clients.lead.request('POST', '/api/pulse/rounds', {
          quarter: '2026-Q4',
          teams: ['support'],
          endsOn: '2099-12-31',
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => app.close());

  it('lists a member’s next reviews with join links only, their open actions and the pulse round waiting for them', async () => {
    const seen = await overview(clients.member);
    expect(seen.nextReviews).toHaveLength(2);
    expect(
      seen.nextReviews.every(
        (review) => review.team.slug === 'support' && review.status === 'planned' && !review.mayPrepare,
      ),
    ).toBe(true);
    expect(seen.nextReviews[0]?.startsAt.localeCompare(seen.nextReviews[1]?.startsAt ?? '')).toBe(-1);
    expect((seen.nextReviews[0]?.startsAt ?? '') > new Date().toISOString()).toBe(true);
    expect(seen.openActions.map((action) => action.title)).toEqual(['Ring til fragtfirmaet']);
    expect(seen.pulseRounds).toEqual([
      expect.objectContaining({
        quarter: '2026-Q4',
        endsOn: '2099-12-31',
        team: expect.objectContaining({ slug: 'support' }),
      }),
    ]);
    expect(seen.rhythm).toEqual([]);
    expect(seen.teams).toEqual([{ slug: 'support', name: 'Support', role: 'member' }]);
  });

  it('gives a lead the prepare link and the rhythm of the teams they lead', async () => {
    const seen = await overview(clients.lead);
    expect(seen.nextReviews.every((review) => review.mayPrepare)).toBe(true);
    expect(seen.openActions.map((action) => action.title)).toEqual(['Lederens egen']);
    expect(seen.rhythm).toEqual([
      expect.objectContaining({
        team: expect.objectContaining({ slug: 'support' }),
        planned: expect.any(Number),
        held: 0,
        streak: 0,
      }),
    ]);
  });

  it('drops a pulse round once the person has answered it', async () => {
    const round = (await overview(clients.member)).pulseRounds[0];
    const statements = await app.services.store.db
      .selectFrom('pulse_round_statements')
      .select('statement_id')
      .where('round_id', '=', round?.roundId ?? 0)
      .execute();
    const answered = await clients.member.request('POST', `/api/teams/support/pulse/rounds/${round?.roundId}/answers`, {
      answers: statements.map((row) => ({ statementId: row.statement_id, score: 4 })),
    });
    expect(answered.statusCode).toBe(201);
    expect((await overview(clients.member)).pulseRounds).toEqual([]);
  });

  it('shows a non-member nothing of a team: no review, action, round or rhythm of it', async () => {
    const seen = await overview(clients.outsider);
    const text = JSON.stringify(seen);
    expect(text).not.toContain('support');
    expect(text).not.toContain('fragtfirmaet');
    expect(seen.nextReviews).toEqual([]);
    expect(seen.pulseRounds).toEqual([]);
    expect(seen.teams).toEqual([{ slug: 'other', name: 'Other', role: 'lead' }]);
  });

  it('refuses the signed-out and writes nothing when read', async () => {
    expect((await app.inject({ url: '/api/me/overview' })).statusCode).toBe(401);
    const before = await writeMark(app.services.store);
    await overview(clients.lead);
    await overview(clients.member);
    expect(await writeMark(app.services.store)).toBe(before);
  });
});
