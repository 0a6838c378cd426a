import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand, MeetingEvent } from '../../shared/meeting/index.ts';
import type { ThemeTrends } from '../../shared/schemas/theme-trends.ts';
import { startKadence } from '../helpers/browser.ts';
import { boardFor, type Group, holdGrouped } from '../helpers/grouped-board.ts';
import { LiveClient, makeMember } from '../helpers/meeting.ts';

/**
 * Four monthly reviews held over real sockets, each grouping that month's feedback on its board; the
 * mentions per theme per month and their flags come from those boards.
 *   Jan–Mar: Levering 2 cards a month, Ventetid 3 cards a month.
 *   Apr: Levering 4 cards + 2 comments on an otherwise unthemed card = 6 mentions; Fragtpris 1 card; Ventetid none.
 * April against the three months before: Levering mean 2, 6 ≥ 4 and P(X ≥ 6 | 2) = 0.0166 → rising;
 * Fragtpris never before → new; Ventetid mean 3, 0 ≤ 1.5 and P(X ≤ 0 | 3) = e⁻³ = 0.0498 → falling.
 */
describe('themes month by month from boards held live', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lead: { id: number; cookie: string };
  const clients: LiveClient[] = [];

  async function hold(receivedAt: string, cards: number, groups: Group[]) {
    const { meetingId, ids } = await boardFor(kadence.app, 'support', receivedAt, cards);
    const client = new LiveClient(kadence.url, { cookie: lead.cookie, prefix: `lea-${receivedAt.slice(0, 7)}` });
    clients.push(client);
    expect(await client.connected()).toBe('connected');
    expect(await client.join(meetingId)).toMatchObject({ ok: true });
    const send = async (command: MeetingCommand): Promise<MeetingEvent> => {
      const ack = await client.send(meetingId, command);
      if (!ack.ok) throw new Error(`${command.type}: ${JSON.stringify(ack.error)}`);
      await client.until(ack.seq);
      const event = client.events.find((e) => e.seq === ack.seq);
      if (!event) throw new Error(`no event ${ack.seq}`);
      return event;
    };
    await holdGrouped(send, ids, groups);
  }

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lead = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    for (const month of ['01', '02', '03'])
      await hold(`2026-${month}-15T12:00:00.000Z`, 5, [
        { theme: 'Levering', cards: [0, 1] },
        { theme: 'Ventetid', cards: [2, 3, 4] },
      ]);
    await hold('2026-04-15T12:00:00.000Z', 7, [
      {
        theme: 'levering',
        cards: [0, 1, 2, 3],
        comments: [
          { on: 5, text: 'Pakken kom igen for sent' },
          { on: 5, text: 'Samme her' },
        ],
      },
      { theme: 'Fragtpris', cards: [4] },
    ]);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await kadence.stop();
  });

  it('counts mentions per theme per month and flags April', async () => {
    const team = await kadence.app.services.teams.bySlug('support');
    // In May nothing of May has been grouped yet: the months end with April.
    const trends = await kadence.app.services.themeTrends.monthly(team, 4, new Date('2026-05-10T12:00:00Z'));
    expect(trends.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const byName = new Map(trends.themes.map((theme) => [theme.name, theme.months]));
    expect(byName.get('Levering')?.map((month) => month.mentions)).toEqual([2, 2, 2, 6]);
    expect(byName.get('Ventetid')?.map((month) => month.mentions)).toEqual([3, 3, 3, 0]);
    expect(byName.get('Fragtpris')?.map((month) => month.mentions)).toEqual([0, 0, 0, 1]);
    // January is new for both (nothing before); then mean 2/3 for Levering: P(X ≥ 2 | 0.667) = 0.144 → no flag.
    expect(byName.get('Levering')?.map((month) => month.flag)).toEqual(['new', null, null, 'rising']);
    expect(byName.get('Ventetid')?.map((month) => month.flag)).toEqual(['new', null, null, 'falling']);
    expect(byName.get('Levering')?.[3]).toMatchObject({ usual: 2, p: 0.0166 });
    expect(trends.latest).toEqual({
      month: '2026-04',
      themes: [
        { name: 'Levering', mentions: 6, usual: 2, flag: 'rising' },
        { name: 'Fragtpris', mentions: 1, usual: 0, flag: 'new' },
        { name: 'Ventetid', mentions: 0, usual: 3, flag: 'falling' },
      ],
    });
  });

  it('answers members over HTTP', async () => {
    const response = await kadence.app.inject({
      url: '/api/teams/support/themes/monthly?months=2',
      headers: { cookie: lead.cookie },
    });
    expect(response.statusCode).toBe(200);
    const trends = response.json() as ThemeTrends;
    expect(trends.months).toEqual(['2026-03', '2026-04']);
    expect(trends.latest?.themes.map((theme) => theme.flag)).toEqual(['rising', 'new', 'falling']);
    const outsider = await kadence.app.inject({ url: '/api/teams/support/themes/monthly' });
    expect(outsider.statusCode).toBe(401);
  });
});
