import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient, makeTestApp } from '../helpers/session-client.ts';
import { writeMark } from '../helpers/store-writes.ts';
import { teamWithRoles } from '../helpers/team-clients.ts';

/** A mark of every write so far, and the meetings as stored. */
const writes = (app: FastifyInstance) => writeMark(app.services.store);
const stored = (app: FastifyInstance) =>
  app.services.store.db.selectFrom('meetings').selectAll().orderBy('id').execute();

describe('reading the rhythm never writes; the cadence and the schedule do', () => {
  let app: FastifyInstance;
  const clients: Record<'lead' | 'member', SessionClient> = {} as never;

  beforeAll(async () => {
    app = await makeTestApp();
    Object.assign(clients, await teamWithRoles(app, ['lead', 'member'] as const));
    const set = await clients.lead.request('PUT', '/api/teams/support/cadence', {
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
      time: '10:00',
      durationMinutes: 60,
      from: '2026-01-01',
    });
    expect(set.statusCode).toBe(200);
  });
  afterAll(async () => app.close());

  it('creates the meetings when the cadence is set, before anyone reads them', async () => {
    const rows = await stored(app);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((row) => row.status === 'planned')).toBe(true);
  });

  it('leaves the database unchanged on every GET of the team’s meetings, health and reminders', async () => {
    const before = { changes: await writes(app), meetings: await stored(app) };
    const meetings = (await clients.member.request('GET', '/api/teams/support/meetings')).json() as {
      meetings: { id: number }[];
    };
    const first = meetings.meetings[0]?.id ?? 0;
    for (const url of [
      '/api/teams/support/meetings',
      '/api/teams/support/meetings/next',
      '/api/teams/support/cadence',
      '/api/teams/support/cadence/health',
      '/api/teams/support/reminders',
      `/api/teams/support/meetings/${first}/calendar.ics`,
    ]) {
      expect((await clients.member.request('GET', url)).statusCode, url).toBe(200);
    }
    expect((await clients.lead.request('GET', '/api/cadence/health')).statusCode).toBe(200);
    expect((await clients.lead.request('GET', `/api/teams/support/meetings/${first}/board`)).statusCode).toBe(200);
    expect(await writes(app)).toBe(before.changes);
    expect(await stored(app)).toEqual(before.meetings);
  });

  it('moves the horizon forward in the scheduled step, which writes nothing when there is nothing new', async () => {
    const team = await app.services.teams.bySlug('support');
    const latest = async () => (await stored(app)).at(-1)?.starts_at ?? '';
    const before = await latest();
    const later = new Date(new Date(before).getTime() + 40 * 86_400_000);
    await app.services.meetings.scheduleAll(later);
    expect((await latest()) > before).toBe(true);
    const upcoming = (await app.services.meetings.meetings(team)).filter((row) => row.starts_at > later.toISOString());
    expect(upcoming).toHaveLength(2);
    const settled = await writes(app);
    await app.services.meetings.scheduleAll(later);
    expect(await writes(app)).toBe(settled);
  });
});
