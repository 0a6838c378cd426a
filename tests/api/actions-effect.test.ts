import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail, Effect } from '../../shared/schemas/actions.ts';
import { createRollups } from '../../server/feedback/rollups.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

describe('effect of an action on its KPI and theme', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;
  let ids: Record<ActionActor, number>;
  const now = new Date('2026-06-15T12:00:00Z');

  const feedback = async (teamId: number, at: string, scores: number[]) => {
    const inserted = await app.services.store.db
      .insertInto('feedback')
      .values(
        scores.map((score, index) => ({
          team_id: teamId,
          source: 'survey',
          dedupe_key: `${at}-${index}-${Math.random()}`,
          received_at: at,
          metric: 'nps' as const,
          score,
          comment: 'x',
          original: '{}',
        })),
      )
      .returning('id')
      .execute();
    const ids = inserted.map((row) => row.id);
    // Rows written past the services: the monthly rollups the KPI charts read are counted again.
    await createRollups(app.services.store.db).rebuild(teamId);
    return ids;
  };
  const dated = (id: number, created: string, done: string | null) =>
    app.services.store.db
      .updateTable('actions')
      .set({ created_at: created, done_at: done, ...(done === null ? {} : { status: 'done' as const }) })
      .where('id', '=', id)
      .execute();

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients, ids } = await actionsTeam(app));
  });
  afterAll(async () => app.close());

  it('shows the KPI per month with markers and an improvement beyond the noise', async () => {
    const team = await app.services.teams.bySlug('support');
    await feedback(team.id, '2026-01-10T10:00:00.000Z', [...Array(30).fill(2), ...Array(5).fill(9)]);
    await feedback(team.id, '2026-04-10T10:00:00.000Z', [...Array(30).fill(10), ...Array(5).fill(3)]);
    const action = (
      await clients.lead.request('POST', '/api/teams/support/actions', {
        title: 'Call detractors',
        effectMetric: 'nps',
      })
    ).json() as ActionDetail;
    const sibling = (
      await clients.lead.request('POST', '/api/teams/support/actions', { title: 'Fix portal', effectMetric: 'nps' })
    ).json() as ActionDetail;
    await dated(action.id, '2026-03-01T09:00:00.000Z', '2026-03-20T09:00:00.000Z');
    await dated(sibling.id, '2026-02-01T09:00:00.000Z', null);

    const effect: Effect = await app.services.actions.effect(
      { id: ids.member, email: 'member@example.dk', name: 'member', isAdmin: false },
      action.id,
      now,
    );
    expect(effect.months.map((month) => month.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(effect.months[1]).toMatchObject({ n: 35, value: -71.4 });
    expect(effect.months[4]).toMatchObject({ n: 35, value: 71.4 });
    expect(effect.months[4]?.ci95).toHaveLength(2);
    expect(effect.months[2]).toMatchObject({ n: 0, value: null, ci95: null });
    expect(effect.markers).toEqual([
      expect.objectContaining({ kind: 'decided', actionId: sibling.id, month: '2026-02' }),
      expect.objectContaining({ kind: 'decided', actionId: action.id, month: '2026-03' }),
      expect.objectContaining({ kind: 'done', actionId: action.id, month: '2026-03' }),
    ]);
    expect(effect.comparison).toMatchObject({
      before: { from: '2025-12-01', to: '2026-02-28', n: 35 },
      after: { from: '2026-03-20', to: '2026-06-20', n: 35 },
      verdict: 'improved',
    });
  });

  it('says honestly when the change is within the noise, too thin, or not done yet', async () => {
    const team = await app.services.teams.bySlug('secret');
    await feedback(team.id, '2026-01-10T10:00:00.000Z', [10, 10, 10, 0, 0, 9, 6, 8]);
    await feedback(team.id, '2026-04-10T10:00:00.000Z', [10, 10, 10, 10, 0, 9, 6, 8]);
    const make = async (title: string) =>
      (
        (
          await clients.outsider.request('POST', '/api/teams/secret/actions', { title, effectMetric: 'nps' })
        ).json() as ActionDetail
      ).id;
    const noisy = await make('Noisy');
    await dated(noisy, '2026-03-01T09:00:00.000Z', '2026-03-20T09:00:00.000Z');
    const outsider = { id: ids.outsider, email: 'outsider@example.dk', name: 'outsider', isAdmin: false };
    expect((await app.services.actions.effect(outsider, noisy, now)).comparison?.verdict).toBe('within_noise');
    const thin = await make('Thin');
    await dated(thin, '2025-06-01T09:00:00.000Z', '2025-07-01T09:00:00.000Z');
    expect((await app.services.actions.effect(outsider, thin, now)).comparison?.verdict).toBe('too_few');
    const open = await make('Open');
    expect((await app.services.actions.effect(outsider, open, now)).comparison).toMatchObject({
      after: null,
      verdict: 'not_done',
    });
  });

  it('counts feedback mentioning a theme per month through the actions linked to it', async () => {
    const team = await app.services.teams.bySlug('support');
    const [first, second] = await feedback(team.id, new Date(Date.now() - 3_600_000).toISOString(), [5, 6]);
    // An action's theme must be one of the team's own (issue 14), so the theme is made in this team.
    const { id: themeId } = await app.services.store.db
      .insertInto('themes')
      .values({ team_id: team.id, name: 'Levering' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await clients.lead.request('POST', '/api/teams/support/actions', {
      title: 'Theme work',
      themeId,
      feedbackIds: [first, second],
    });
    const action = response.json() as ActionDetail;
    const effect = (
      await clients.lead.request('GET', `/api/teams/support/actions/${action.id}/effect`)
    ).json() as Effect;
    expect(effect).toMatchObject({ metric: null, themeId, comparison: null });
    expect(effect.months.at(-1)?.mentions).toBe(2);
    expect(effect.months.slice(0, -1).every((month) => month.mentions === 0)).toBe(true);
  });
});
