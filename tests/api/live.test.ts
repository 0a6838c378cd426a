import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeTestApp } from '../helpers/session-client.ts';
import { createRollups } from '../../server/feedback/rollups.ts';
import { makeMeeting, makeMember } from '../helpers/meeting.ts';
import { summaryMarkdown } from '../../client/lib/live-summary.ts';
import { formatter } from '../../shared/format.ts';

describe('live meeting routes', () => {
  let app: FastifyInstance;
  let lead: { id: number; cookie: string };
  let member: { id: number; cookie: string };
  let stranger: { id: number; cookie: string };
  let meetingId: number;

  beforeAll(async () => {
    app = await makeTestApp();
    await app.services.teams.create({ name: 'Support', slug: 'support' });
    await app.services.teams.create({ name: 'Other', slug: 'other' });
    lead = await makeMember(app, 'support', 'lea@example.dk', 'Lea', 'lead');
    member = await makeMember(app, 'support', 'mo@example.dk', 'Mo', 'member');
    stranger = await makeMember(app, 'other', 'olga@example.dk', 'Olga', 'lead');
    meetingId = await makeMeeting(app, 'support', [{ comment: 'ok' }]);
  });
  afterAll(async () => {
    await app.close();
  });

  async function write(cookie: string, method: 'POST' | 'DELETE', url: string, payload?: object) {
    const csrf = await app.inject({ url: '/api/auth/csrf', headers: { cookie } });
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0] as string;
    return app.inject({
      method,
      url,
      headers: { cookie: `${cookie}; ${csrfCookie}`, 'x-csrf-token': (csrf.json() as { token: string }).token },
      ...(payload ? { payload } : {}),
    });
  }

  it('lets facilitators and leads make guest links, not members or other teams', async () => {
    const url = `/api/teams/support/meetings/${meetingId}/guest-links`;
    expect((await write(member.cookie, 'POST', url, { role: 'participant' })).statusCode).toBe(403);
    expect((await write(stranger.cookie, 'POST', url, { role: 'participant' })).statusCode).toBe(404);
    expect(
      (
        await write(stranger.cookie, 'POST', `/api/teams/other/meetings/${meetingId}/guest-links`, {
          role: 'participant',
        })
      ).statusCode,
    ).toBe(404);
    expect((await write(lead.cookie, 'POST', url, { role: 'host' })).statusCode).toBe(400);
    const made = await write(lead.cookie, 'POST', url, { role: 'participant' });
    expect(made.statusCode).toBe(201);
    const listed = await app.inject({ url, headers: { cookie: lead.cookie } });
    expect(listed.json()).toMatchObject({ links: [{ role: 'participant', revokedAt: null }] });
    // Only the hash is stored.
    const { token } = made.json() as { token: string };
    const links = await app.services.store.db.selectFrom('meeting_guest_links').selectAll().execute();
    expect(links.length).toBeGreaterThan(0);
    expect(JSON.stringify(links)).not.toContain(token);
    expect((await write('', 'POST', `/api/join/${token}`, { name: '   ' })).statusCode).toBe(400);
  });

  it('tells a guest whose review they joined, so the board’s frame can name the team', async () => {
    const made = await write(lead.cookie, 'POST', `/api/teams/support/meetings/${meetingId}/guest-links`, {
      role: 'participant',
    });
    const { token } = made.json() as { token: string };
    const joined = await write('', 'POST', `/api/join/${token}`, { name: 'Gitte' });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({
      meetingId,
      name: 'Gitte',
      teamName: 'Support',
      startsAt: '2026-01-13T09:00:00.000Z',
    });
  });

  it('gives the monthly KPIs up to a meeting’s month when asked, not only up to today', async () => {
    const team = await app.services.teams.bySlug('support');
    await app.services.store.db
      .insertInto('feedback')
      .values({
        team_id: team.id,
        source: 'survey',
        dedupe_key: 'kpi-until',
        received_at: '2026-01-05T10:00:00.000Z',
        metric: 'nps',
        score: 9,
        comment: 'x',
        original: '{}',
      })
      .execute();
    // Written past the services: the monthly rollups the KPI charts read are counted again.
    await createRollups(app.services.store.db).rebuild(team.id);
    const url = '/api/teams/support/kpis/monthly?metric=nps&since=2025-12-13&until=2026-01-13';
    const months = (await app.inject({ url, headers: { cookie: member.cookie } })).json() as {
      months: { month: string; n: number }[];
    };
    expect(months.months.map(({ month }) => month)).toEqual(['2025-12', '2026-01']);
    expect(months.months[1]?.n).toBeGreaterThan(0);
    expect(
      (
        await app.inject({
          url: '/api/teams/support/kpis/monthly?metric=nps&since=2025-12-13&until=13-01-2026',
          headers: { cookie: member.cookie },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await app.inject({
          url: '/api/teams/support/kpis/monthly?metric=nps&since=2026-02-01&until=2026-01-13',
          headers: { cookie: member.cookie },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("lists the team's themes from earlier meetings to members, without merged ones", async () => {
    const team = await app.services.teams.bySlug('support');
    const { db } = app.services.store;
    const insert = async (name: string) =>
      (
        await db
          .insertInto('themes')
          .values({ team_id: team.id, name, created_in: meetingId })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const kept = await insert('Waiting time');
    const merged = await insert('Queue');
    await db.updateTable('themes').set({ merged_into: kept }).where('id', '=', merged).execute();
    await insert('App crashes');
    const url = '/api/teams/support/themes';
    expect((await app.inject({ url, headers: { cookie: member.cookie } })).json()).toEqual({
      themes: ['App crashes', 'Waiting time'],
    });
    expect((await app.inject({ url, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('serves the summary to team members only', async () => {
    const url = `/api/teams/support/meetings/${meetingId}/summary`;
    expect((await app.inject({ url, headers: { cookie: member.cookie } })).json()).toEqual({
      status: 'planned',
      summary: null,
    });
    expect((await app.inject({ url, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url })).statusCode).toBe(401);
  });

  it('exports a summary as Markdown with structure characters neutralised', () => {
    const text = summaryMarkdown(
      {
        endedAt: Date.UTC(2026, 0, 13),
        attendance: [{ name: 'Lea', role: 'lead' }],
        cards: 3,
        averageScores: [{ metric: 'nps', average: 6.5, count: 3 }],
        themes: [{ id: 1, name: 'Wait | time', votes: 4, cards: 2, comments: 1 }],
        decisions: [
          {
            actionId: 1,
            title: '# Call *back*',
            ownerId: 1,
            ownerName: 'Lea',
            dueDate: '2026-02-01',
            themeId: 1,
            commentIds: [],
            cardIds: [],
            at: 1,
          },
        ],
      },
      (key, params) => `${key}${params ? JSON.stringify(params) : ''}`,
      { date: (iso) => iso.slice(0, 10), number: (value) => formatter('en').number(value) },
    );
    expect(text).toContain('2026-01-13');
    expect(text).toContain('Wait \\| time');
    expect(text).toContain('**\\# Call \\*back\\***');
    expect(text).toContain('- NPS: 6.5 (3)');
  });
});
