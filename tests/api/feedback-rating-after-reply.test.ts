import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackPage } from '../../shared/schemas/feedback.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

describe('the inbox filter "rating changed after a reply"', () => {
  let app: FastifyInstance;
  const clients: Record<'member' | 'outsider', SessionClient> = {} as never;

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['member', 'outsider'] as const));
    const team = await app.services.teams.bySlug('support');
    const review = (id: string, receivedAt: string, score: number, extra: Record<string, string> = {}) => ({
      id,
      source: 'google-play',
      receivedAt,
      metric: 'rating',
      score,
      comment: `Anmeldelse ${id}`,
      ...extra,
    });
    const reply = { reply: 'Tak for din anmeldelse, vi kigger på det.', repliedAt: '2026-11-06T09:30:00Z' };
    // The first export: what the reviews said before anyone replied (rr-4 had its reply already).
    expect(
      await app.services.imports.ingestBatch(team, [
        review('rr-1', '2026-11-04T07:00:00Z', 2),
        review('rr-2', '2026-11-04T07:00:00Z', 5, reply),
        review('rr-3', '2026-11-04T07:00:00Z', 2),
        review('rr-4', '2026-11-04T07:00:00Z', 3, reply),
        review('rr-5', '2026-11-04T07:00:00Z', 2),
        review('rr-6', '2026-11-04T07:00:00Z', 1, reply),
      ]),
    ).toMatchObject({ imported: 6 });
    // The next export, scoped by last activity.
    expect(
      await app.services.imports.ingestBatch(team, [
        // Replied to on 6 November, re-rated on 2 December: counted.
        review('rr-1', '2026-12-02T08:10:00Z', 4, reply),
        // Replied to, then only the text changed: the rating did not.
        { ...review('rr-2', '2026-11-04T07:00:00Z', 5, reply), comment: 'Anmeldelse rr-2, rettet' },
        // Re-rated without any reply: not a rating after a reply.
        review('rr-3', '2026-11-20T08:00:00Z', 4),
        // The reply was there before the change (the tool kept the first submit date): counted.
        review('rr-4', '2026-11-04T07:00:00Z', 1, reply),
        // Re-rated on 5 November, replied to on 6 November: the rating came before the reply.
        review('rr-5', '2026-11-05T08:00:00Z', 5, reply),
        // Nothing changed at all.
        review('rr-6', '2026-11-04T07:00:00Z', 1, reply),
      ]),
    ).toMatchObject({ updated: 5, duplicates: 1 });
  });
  afterAll(async () => app.close());

  const ids = async (query: string) => {
    const response = await clients.member.request('GET', `/api/teams/support/feedback${query}`);
    expect(response.statusCode).toBe(200);
    return ((response.json() as FeedbackPage).items as { comment: string | null }[]).map((item) =>
      item.comment?.slice('Anmeldelse '.length),
    );
  };

  it('lists only items whose rating changed after a reply was posted, with the other filters', async () => {
    expect(await ids('?ratingAfterReply=true')).toEqual(['rr-1', 'rr-4']);
    expect(await ids('?ratingAfterReply=true&band=detractor&metric=rating')).toEqual(['rr-4']);
    expect(await ids('?ratingAfterReply=true&source=trustpilot')).toEqual([]);
    expect(await ids('?ratingAfterReply=false')).toHaveLength(6);
  });

  it('shows what the rating was before, and keeps the filter to the team', async () => {
    const response = await clients.member.request('GET', '/api/teams/support/feedback?ratingAfterReply=true');
    const items = (response.json() as FeedbackPage).items;
    expect(items.map((item) => [item.score, item.edited?.score, item.repliedAt])).toEqual([
      [4, 2, '2026-11-06T09:30:00.000Z'],
      [1, 3, '2026-11-06T09:30:00.000Z'],
    ]);
    expect(
      (await clients.outsider.request('GET', '/api/teams/support/feedback?ratingAfterReply=true')).statusCode,
    ).toBe(404);
    expect(
      (await clients.member.request('GET', '/api/teams/support/feedback?ratingAfterReply=sometimes')).statusCode,
    ).toBe(400);
  });

  it('forgets a change once the import that made it is undone', async () => {
    const team = await app.services.teams.bySlug('support');
    const later = await app.services.imports.ingestBatch(team, [
      {
        id: 'rr-3',
        source: 'google-play',
        receivedAt: '2026-12-10T08:00:00Z',
        metric: 'rating',
        score: 1,
        comment: 'Anmeldelse rr-3',
        reply: 'Beklager!',
        repliedAt: '2026-12-01T10:00:00Z',
      },
    ]);
    expect(later).toMatchObject({ updated: 1 });
    expect(await ids('?ratingAfterReply=true')).toEqual(['rr-3', 'rr-1', 'rr-4']);
    await app.services.imports.undo(team.id, later.importId);
    expect(await ids('?ratingAfterReply=true')).toEqual(['rr-1', 'rr-4']);
  });
});
