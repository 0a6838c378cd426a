import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metric } from '../../shared/fields.ts';
import type { ActionDetail, Effect } from '../../shared/schemas/actions.ts';
import { type ActionActor, actionsTeam } from '../helpers/actions-team.ts';
import { type SessionClient, makeTestApp } from '../helpers/session-client.ts';

/**
 * The effect view's test of the difference, through the API: an action decided on 1 March and done on
 * 20 March compares 1 Dec – 28 Feb (answers on 10 Jan) with 20 Mar – 20 Jun (answers on 10 Apr).
 * The hand computations are in tests/unit/stats/tests.test.ts; here the same samples go in as feedback.
 */
describe('the effect view tests the before/after difference', () => {
  let app: FastifyInstance;
  let clients: Record<ActionActor, SessionClient>;

  const answers = async (metric: Metric, at: string, scores: Record<number, number>) => {
    const team = await app.services.teams.bySlug('support');
    const rows = Object.entries(scores).flatMap(([score, count]) =>
      Array.from({ length: count }, (_, i) => ({
        team_id: team.id,
        source: 'survey',
        dedupe_key: `${metric}-${at}-${score}-${i}`,
        received_at: at,
        metric,
        score: Number(score),
        comment: 'x',
        original: '{}',
      })),
    );
    await app.services.store.db.insertInto('feedback').values(rows).execute();
  };
  const effectOf = async (metric: Metric, before: Record<number, number>, after: Record<number, number>) => {
    await answers(metric, '2026-01-10T10:00:00.000Z', before);
    await answers(metric, '2026-04-10T10:00:00.000Z', after);
    const action = (
      await clients.lead.request('POST', '/api/teams/support/actions', {
        title: `Work on ${metric}`,
        effectMetric: metric,
      })
    ).json() as ActionDetail;
    await app.services.store.db
      .updateTable('actions')
      .set({ created_at: '2026-03-01T09:00:00.000Z', done_at: '2026-03-20T09:00:00.000Z', status: 'done' })
      .where('id', '=', action.id)
      .execute();
    const response = await clients.member.request('GET', `/api/teams/support/actions/${action.id}/effect`);
    expect(response.statusCode).toBe(200);
    return (response.json() as Effect).comparison;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    ({ clients } = await actionsTeam(app));
  });
  afterAll(async () => app.close());

  it('NPS: −10 → +50 on 10 and 20 answers is likely a real improvement (z = 2.24, p = 0.025)', async () => {
    // σ² before = 0.2 + 0.3 − 0.01 = 0.49, after = 0.6 + 0.1 − 0.25 = 0.45; SE = √(0.49/10 + 0.45/20) = 26.74 points.
    const comparison = await effectOf('nps', { 10: 1, 9: 1, 8: 3, 7: 2, 3: 3 }, { 10: 6, 9: 6, 7: 6, 0: 2 });
    expect(comparison).toMatchObject({
      before: { n: 10, value: -10 },
      after: { n: 20, value: 50 },
      verdict: 'improved',
      test: {
        method: 'nps_z',
        nBefore: 10,
        nAfter: 20,
        alpha: 0.05,
        difference: 60,
        se: 26.74,
        statistic: 2.24,
        df: null,
        p: 0.0248,
      },
    });
  });

  it('CSAT: 80 % → 60 % of 50 each is likely a real decline (two-proportion z = −2.18, p = 0.029)', async () => {
    // Pooled 70/100: SE = √(0.7·0.3·(2/50)) = 9.17 points; z = −20/9.165 = −2.18.
    const comparison = await effectOf('csat', { 5: 25, 4: 15, 2: 10 }, { 5: 10, 4: 20, 3: 10, 1: 10 });
    expect(comparison).toMatchObject({
      verdict: 'worse',
      test: { method: 'two_proportion_z', difference: -20, se: 9.17, statistic: -2.18, p: 0.0291 },
    });
  });

  it("rating: 3 → 4.3 stars on six answers each is within the noise (Welch's t = 1.58, df 8, p = 0.15)", async () => {
    const comparison = await effectOf('rating', { 1: 2, 3: 2, 5: 2 }, { 3: 2, 5: 4 });
    expect(comparison).toMatchObject({
      verdict: 'within_noise',
      test: { method: 'welch_t', nBefore: 6, nAfter: 6, difference: 1.33, statistic: 1.58, df: 8, p: 0.1525 },
    });
  });

  it('CES with 4 answers before says there is not enough data, and gives the counts', async () => {
    const comparison = await effectOf('ces', { 6: 4 }, { 2: 10 });
    expect(comparison).toMatchObject({
      before: { n: 4, value: null },
      verdict: 'too_few',
      test: {
        method: 'welch_t',
        nBefore: 4,
        nAfter: 10,
        difference: null,
        se: null,
        statistic: null,
        df: null,
        p: null,
      },
    });
  });
});
