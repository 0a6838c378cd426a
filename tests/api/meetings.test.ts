import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeCards } from '../../server/meetings/proposal.ts';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

describe('cadence, calendar and board preparation over HTTP', () => {
  let app: FastifyInstance;
  const clients: Record<'lead' | 'facilitator' | 'member' | 'outsider', SessionClient> = {} as never;

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['lead', 'facilitator', 'member', 'outsider'] as const));
  });
  afterAll(async () => app.close());

  it('lets only a lead set the cadence, and refuses nonsense with a clear error', async () => {
    const body = { rrule: 'FREQ=MONTHLY;BYDAY=2TU', time: '10:00', durationMinutes: 60, from: '2026-01-01' };
    expect((await clients.member.request('PUT', '/api/teams/support/cadence', body)).statusCode).toBe(403);
    expect((await clients.outsider.request('PUT', '/api/teams/support/cadence', body)).statusCode).toBe(404);
    const bad = await clients.lead.request('PUT', '/api/teams/support/cadence', { ...body, time: '25:61' });
    expect(bad.json()).toMatchObject({
      error: { code: 'VALIDATION', message: '"25:61" is not a time; use HH:MM between 00:00 and 23:59' },
    });
    expect(
      (await clients.lead.request('PUT', '/api/teams/support/cadence', { ...body, rrule: 'FREQ=YEARLY' })).statusCode,
    ).toBe(400);
    expect((await clients.lead.request('PUT', '/api/teams/support/cadence', body)).json()).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
      timezone: 'Europe/Copenhagen',
    });
    const read = (await clients.member.request('GET', '/api/teams/support/cadence')).json() as {
      cadence: { rrule: string };
      template: { minutes: number }[];
    };
    expect(read.cadence.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(read.template.reduce((sum, step) => sum + step.minutes, 0)).toBe(60);
    const steps = read.template.map((step, index) =>
      index === 0 ? { ...step, name: 'Velkommen og KPI’er', minutes: 10 } : step,
    );
    expect((await clients.member.request('PUT', '/api/teams/support/agenda-template', { steps })).statusCode).toBe(403);
    expect((await clients.lead.request('PUT', '/api/teams/support/agenda-template', { steps })).statusCode).toBe(200);
    const upcoming = (
      (await clients.member.request('GET', '/api/teams/support/meetings')).json() as {
        meetings: { status: string; startsAt: string; agenda: { name: string }[] }[];
      }
    ).meetings.filter((meeting) => meeting.startsAt > new Date().toISOString());
    expect(upcoming.every((meeting) => meeting.agenda[0]?.name === 'Velkommen og KPI’er')).toBe(true);
    await clients.lead.request('PUT', '/api/teams/support/agenda-template', { steps: read.template });
  });

  it('serves the feed only with a live token; a new token revokes the old one', async () => {
    expect((await clients.member.request('POST', '/api/teams/support/calendar-token')).statusCode).toBe(403);
    const { url } = (await clients.lead.request('POST', '/api/teams/support/calendar-token')).json() as { url: string };
    const feed = await app.inject(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU');
    expect((await app.inject(url.replace('support', 'other'))).statusCode).toBe(404);
    const second = (await clients.lead.request('POST', '/api/teams/support/calendar-token')).json() as { url: string };
    expect((await app.inject(url)).statusCode).toBe(404);
    expect((await app.inject(second.url)).statusCode).toBe(200);
    await clients.lead.request('DELETE', '/api/teams/support/calendar-token');
    expect((await app.inject(second.url)).statusCode).toBe(404);
  });

  it('prepares the next board with a deterministic proposal; members cannot', async () => {
    const { meetings } = (await clients.member.request('GET', '/api/teams/support/meetings')).json() as {
      meetings: { id: number; status: string; startsAt: string; windowStart: string | null }[];
    };
    const next = meetings.find(
      (meeting) => meeting.status === 'planned' && meeting.startsAt > new Date().toISOString(),
    )!;
    const team = await app.services.teams.bySlug('support');
    const base = new Date(next.windowStart ?? '2026-11-01T00:00:00Z').getTime();
    await app.services.imports.ingestBatch(
      team,
      Array.from({ length: 60 }, (_, index) => ({
        id: `w${index}`,
        receivedAt: new Date(base + (index + 1) * 3_600_000).toISOString(),
        metric: 'nps' as const,
        score: index % 11,
        comment: `svar ${index}`,
        source: index % 3 === 0 ? 'trustpilot' : 'webshop',
      })),
    );
    expect((await clients.member.request('POST', `/api/teams/support/meetings/${next.id}/propose`)).statusCode).toBe(
      403,
    );
    const first = (
      await clients.facilitator.request('POST', `/api/teams/support/meetings/${next.id}/propose`)
    ).json() as { cards: number[] };
    const again = (
      await clients.facilitator.request('POST', `/api/teams/support/meetings/${next.id}/propose`)
    ).json() as { cards: number[] };
    expect(first.cards).toHaveLength(30);
    expect(again.cards).toEqual(first.cards);
    const board = (await clients.facilitator.request('GET', `/api/teams/support/meetings/${next.id}/board`)).json() as {
      arrived: number;
      cards: unknown[];
      meeting: { preparedAt: string | null };
    };
    expect(board).toMatchObject({ arrived: 60 });
    expect(board.cards).toHaveLength(30);
    expect(board.meeting.preparedAt).not.toBeNull();
    const health = (await clients.member.request('GET', '/api/teams/support/cadence/health')).json() as {
      planned: number;
      held: number;
      streak: number;
    };
    expect(health.held).toBe(0);
    expect(health.streak).toBe(0);
    expect(health.planned).toBeGreaterThan(5);
  });

  it('gives the live board its frame: team, date, cards on the board and the next review', async () => {
    const { meetings } = (await clients.member.request('GET', '/api/teams/support/meetings')).json() as {
      meetings: { id: number; status: string; startsAt: string }[];
    };
    const planned = meetings.filter(
      (meeting) => meeting.status === 'planned' && meeting.startsAt > new Date().toISOString(),
    );
    const [next, after] = planned as [(typeof planned)[number], (typeof planned)[number]];
    const frame = (await clients.member.request('GET', `/api/teams/support/meetings/${next.id}/frame`)).json() as {
      teamName: string;
      startsAt: string;
      cards: number;
      nextStartsAt: string | null;
    };
    expect(frame).toMatchObject({ startsAt: next.startsAt, cards: 30, nextStartsAt: after.startsAt });
    expect(frame.teamName.length).toBeGreaterThan(0);
    const empty = (await clients.member.request('GET', `/api/teams/support/meetings/${after.id}/frame`)).json() as {
      cards: number;
    };
    expect(empty.cards).toBe(0);
    expect((await clients.outsider.request('GET', `/api/teams/support/meetings/${next.id}/frame`)).statusCode).toBe(
      404,
    );
  });

  it('shows a lead every team they lead side by side, and nothing of others', async () => {
    const led = (await clients.lead.request('GET', '/api/cadence/health')).json() as {
      teams: { slug: string; planned: number; next: string | null }[];
    };
    expect(led.teams.map((team) => team.slug)).toEqual(['support']);
    expect(led.teams[0]?.next).not.toBeNull();
    expect(((await clients.member.request('GET', '/api/cadence/health')).json() as { teams: unknown[] }).teams).toEqual(
      [],
    );
    expect(
      (
        (await clients.outsider.request('GET', '/api/cadence/health')).json() as { teams: { slug: string }[] }
      ).teams.map((team) => team.slug),
    ).toEqual(['other']);
  });

  it('samples every stratum and always includes flagged items', () => {
    const items = [
      ...Array.from({ length: 50 }, (_, index) => ({
        id: index + 1,
        source: 'webshop',
        metric: 'nps' as const,
        score: 10,
        flagged: 0,
      })),
      ...Array.from({ length: 5 }, (_, index) => ({
        id: 100 + index,
        source: 'trustpilot',
        metric: 'nps' as const,
        score: 2,
        flagged: 0,
      })),
      { id: 200, source: 'app-store', metric: 'rating' as const, score: 3, flagged: 1 },
    ];
    const chosen = proposeCards(items, 20, 'seed');
    expect(chosen).toHaveLength(20);
    expect(chosen[0]).toBe(200);
    expect(chosen.filter((id) => id >= 100 && id < 105).length).toBeGreaterThanOrEqual(1);
    expect(proposeCards(items, 20, 'seed')).toEqual(chosen);
    expect(proposeCards(items, 20, 'other seed')).not.toEqual(chosen);
  });
});
