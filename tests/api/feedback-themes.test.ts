import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveActions } from '../../server/live/actions.ts';
import { createLiveEngine } from '../../server/live/engine.ts';
import type { Actor } from '../../shared/meeting/index.ts';
import type { FeedbackPage } from '../../shared/schemas/feedback.ts';
import { boardFor, holdGrouped } from '../helpers/grouped-board.ts';
import { makeMember } from '../helpers/meeting.ts';
import { makeTestApp } from '../helpers/session-client.ts';

/**
 * Feedback items get their themes from the boards they were grouped on. Two meetings are held through
 * the live engine's command path (as the demo's reviews are); the inbox then shows each item's themes
 * and filters by one, its name in any case.
 */
describe('the inbox shows and filters by the themes boards grouped items into', () => {
  let app: FastifyInstance;
  let cookie: string;
  let january: number[];
  let february: number[];
  let other: number[];

  const inbox = async (query: string) => {
    const response = await app.inject({ url: `/api/teams/support/feedback?${query}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.json() as FeedbackPage;
  };

  beforeAll(async () => {
    app = await makeTestApp();
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    await app.services.teams.create({ name: 'Other', slug: 'other' });
    const lea = await makeMember(app, 'support', 'lea@example.dk', 'Lea', 'lead');
    await makeMember(app, 'other', 'olga@example.dk', 'Olga', 'lead');
    cookie = lea.cookie;
    const engine = createLiveEngine({ store: app.services.store, ...liveActions(app.services) });
    const actor: Actor = { key: `u:${lea.id}`, name: 'Lea', role: 'lead' };
    let op = 0;
    const sendTo = (meetingId: number) => async (command: Parameters<typeof engine.command>[3]) =>
      (await engine.command(meetingId, actor, `op-${++op}`, command)).event;

    const first = await boardFor(app, 'support', '2026-01-15T12:00:00.000Z', 5);
    january = first.ids;
    await holdGrouped(sendTo(first.meetingId), first.ids, [
      { theme: 'Levering', cards: [0, 1] },
      { theme: 'Ventetid', cards: [2] },
    ]);
    const second = await boardFor(app, 'support', '2026-02-15T12:00:00.000Z', 4);
    february = second.ids;
    await holdGrouped(sendTo(second.meetingId), second.ids, [
      // The same theme again, written in lower case: the team's one theme "Levering".
      { theme: 'levering', cards: [0], comments: [{ on: 3, text: 'Igen for sent' }] },
      { theme: 'Fragtpris', cards: [1, 3] },
    ]);
    // Another team's "Levering" stays its own.
    const elsewhere = await boardFor(app, 'other', '2026-02-15T12:00:00.000Z', 1);
    other = elsewhere.ids;
    const olga = await app.services.users.byEmail('olga@example.dk');
    await holdGrouped(
      async (command) =>
        (
          await engine.command(
            elsewhere.meetingId,
            { key: `u:${olga?.id}`, name: 'Olga', role: 'lead' },
            `o-${++op}`,
            command,
          )
        ).event,
      elsewhere.ids,
      [{ theme: 'Levering', cards: [0] }],
    );
  });
  afterAll(async () => app.close());

  it('filters by a theme: exactly the cards grouped under it and the items its comments were written on', async () => {
    const page = await inbox('theme=LEVERING');
    const expected = [january[0], january[1], february[0], february[3]];
    expect(page.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(
      expected.sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(page.items.map((item) => item.id)).not.toContain(other[0]);
    expect((await inbox('theme=ventetid')).items.map((item) => item.id)).toEqual([january[2]]);
  });

  it('shows each item its themes, and no theme where none was given', async () => {
    const page = await inbox('limit=200');
    const themesOf = new Map(page.items.map((item) => [item.id, item.themes]));
    expect(themesOf.get(february[3] ?? 0)).toEqual(['Fragtpris', 'Levering']);
    expect(themesOf.get(february[1] ?? 0)).toEqual(['Fragtpris']);
    expect(themesOf.get(january[3] ?? 0)).toEqual([]);
    expect(themesOf.get(february[2] ?? 0)).toEqual([]);
  });

  it('a theme nobody used gives an empty page; the theme filter combines with the others', async () => {
    expect(await inbox('theme=Pakning')).toEqual({ items: [], nextCursor: null });
    expect((await inbox('theme=Levering&from=2026-02-01')).items.map((item) => item.id).sort()).toEqual(
      [february[0], february[3]].sort(),
    );
    const paged = await inbox('theme=levering&limit=3');
    expect(paged.items).toHaveLength(3);
    expect(paged.nextCursor).not.toBeNull();
  });

  it('names the themes in the facets for the filter', async () => {
    const response = await app.inject({ url: '/api/teams/support/feedback/facets', headers: { cookie } });
    expect(response.json()).toMatchObject({ themes: ['Fragtpris', 'Levering', 'Ventetid'] });
  });
});
