import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

const ADMIN = { id: 0, email: '', name: 'admin', isAdmin: true };

describe('a unit lead has no role in a team’s live meeting', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let meetingId: number;
  const sockets: LiveClient[] = [];
  let director: { id: number; cookie: string };

  beforeAll(async () => {
    kadence = await startKadence();
    const { services } = kadence.app;
    await services.teams.create({ name: 'Support', slug: 'support' });
    await services.teams.create({ name: 'Ledelse', slug: 'ledelse' });
    const lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    // The director is a member of another team only, and leads the unit holding Support.
    director = await makeMember(kadence.app, 'ledelse', 'direktor@example.dk', 'Direktør', 'member');
    const unit = await services.units.create(ADMIN, { name: 'Service' });
    await services.units.addTeam(ADMIN, unit.id, 'support');
    await services.units.addLead(ADMIN, unit.id, 'direktor@example.dk');
    meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Lang ventetid', score: 4 }]);
    const lead = new LiveClient(kadence.url, { cookie: lea.cookie, prefix: 'lea' });
    sockets.push(lead);
    expect(await lead.connected()).toBe('connected');
    expect(await lead.join(meetingId)).toMatchObject({ ok: true });
    expect(await lead.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await kadence.stop();
  });

  it('refuses the unit lead’s join as a participant with 403, and any command', async () => {
    const client = new LiveClient(kadence.url, { cookie: director.cookie, prefix: 'direktor' });
    sockets.push(client);
    expect(await client.connected()).toBe('connected');
    expect(await client.join(meetingId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const refused = await client.send(meetingId, { type: 'step.go', index: 1 });
    expect(refused.ok).toBe(false);
  });
});
