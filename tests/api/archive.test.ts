import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveRepo } from '../../server/live/repo.ts';
import type { MeetingSummary } from '../../shared/meeting/index.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';
import { makeTestApp } from '../helpers/session-client.ts';
import { writeMark } from '../helpers/store-writes.ts';

/** Ends a meeting the way the live engine stores it: status, end time and the kept summary. */
async function endWith(app: FastifyInstance, meetingId: number, summary: MeetingSummary) {
  await createLiveRepo(app.services.store.db, app.services.store.dialect).end(meetingId, JSON.stringify(summary));
}

describe('the meeting archive', () => {
  let app: FastifyInstance;
  let member: { id: number; cookie: string };
  let stranger: { id: number; cookie: string };
  let held: number;
  let planned: number;

  beforeAll(async () => {
    app = await makeTestApp();
    await app.services.teams.create({ name: 'Kundeservice', slug: 'support' });
    await app.services.teams.create({ name: 'Other', slug: 'other' });
    member = await makeMember(app, 'support', 'mo@example.dk', 'Mo', 'member');
    stranger = await makeMember(app, 'other', 'olga@example.dk', 'Olga', 'lead');
    held = await makeMeeting(app, 'support', [{ comment: 'Pakken kom sent' }]);
    planned = await makeMeeting(app, 'support', [{ comment: 'ok' }]);
    const live = createLiveRepo(app.services.store.db, app.services.store.dialect);
    // Mo joins three times (two tabs and a reconnect); Lea once: two people took part.
    for (let i = 0; i < 3; i++) await live.attend(held, { key: `u:${member.id}`, name: 'Mo', role: 'member' });
    await live.attend(held, { key: 'u:999', name: 'Lea', role: 'lead' });
    await endWith(app, held, {
      endedAt: Date.UTC(2026, 0, 13, 10),
      attendance: await live.attendance(held),
      cards: 1,
      averageScores: [],
      themes: [
        { id: 1, name: 'Fragtpris', votes: 1, cards: 0, comments: 0 },
        { id: 2, name: 'Levering', votes: 4, cards: 1, comments: 2 },
      ],
      decisions: [
        {
          actionId: 7,
          title: 'Ring til fragtfirmaet',
          ownerId: member.id,
          ownerName: 'Mo',
          dueDate: '2026-02-09',
          themeId: 2,
          commentIds: [],
          cardIds: [],
          at: 0,
        },
      ],
    });
  });
  afterAll(async () => app.close());

  it('keeps each person once in the summary’s attendance, however often they joined', async () => {
    expect(
      (await createLiveRepo(app.services.store.db, app.services.store.dialect).attendance(held))
        .map((person) => person.name)
        .sort(),
    ).toEqual(['Lea', 'Mo']);
  });

  it('lists held reviews only, with attendance counted per person, themes by votes and decisions', async () => {
    const response = await app.inject({
      url: '/api/teams/support/meetings/archive',
      headers: { cookie: member.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      team: { name: string; slug: string; timezone: string };
      meetings: { id: number }[];
    };
    expect(body.team).toEqual({ name: 'Kundeservice', slug: 'support', timezone: 'Europe/Copenhagen' });
    expect(body.meetings).toEqual([
      {
        id: held,
        startsAt: '2026-01-13T09:00:00.000Z',
        endedAt: '2026-01-13T10:00:00.000Z',
        attendance: 2,
        themes: ['Levering', 'Fragtpris'],
        decisions: [{ title: 'Ring til fragtfirmaet', ownerName: 'Mo', dueDate: '2026-02-09' }],
      },
    ]);
    expect(body.meetings.map((entry) => entry.id)).not.toContain(planned);
  });

  it('shows a non-member nothing of the team, and nobody signed out anything', async () => {
    const url = '/api/teams/support/meetings/archive';
    const refused = await app.inject({ url, headers: { cookie: stranger.cookie } });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Kundeservice');
    expect(refused.body).not.toContain('fragtfirmaet');
    expect((await app.inject({ url })).statusCode).toBe(401);
  });

  it('writes nothing when read', async () => {
    const before = await writeMark(app.services.store);
    await app.inject({ url: '/api/teams/support/meetings/archive', headers: { cookie: member.cookie } });
    expect(await writeMark(app.services.store)).toBe(before);
  });
});
