import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../shared/redact.ts';
import { createServices } from '../../server/services.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** Erasing a customer while their card is on a live board: the server stops serving their words at once. */
describe('erasure reaches a meeting the server holds in memory', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  const clients: LiveClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });
  beforeAll(async () => {
    kadence = await startKadence();
  });

  it('serves the card with the marker to everyone who joins after the erasure, and the meeting goes on', async () => {
    const { services } = kadence.app;
    const { db } = services.store;
    const team = await services.teams.create({ name: 'Support', slug: 'support' });
    const lead = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    await services.imports.ingestBatch(team, [
      {
        id: 'k1',
        receivedAt: '2026-11-03T09:00:00Z',
        metric: 'nps',
        score: 2,
        comment: 'Kaptajnhummeren kom aldrig frem',
        customer: 'kunde-42',
      },
    ]);
    const meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Fin service', score: 9 }]);
    const { id: cardId } = await db
      .selectFrom('feedback')
      .select('id')
      .where('external_id', '=', 'k1')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_cards')
      .values({ meeting_id: meetingId, feedback_id: cardId, position: 1, picked_by: 'lead' })
      .execute();

    const l = new LiveClient(kadence.url, { cookie: lead.cookie, prefix: 'lea' });
    clients.push(l);
    expect(await l.connected()).toBe('connected');
    expect(await l.join(meetingId)).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });

    expect(await services.feedback.eraseCustomer(team, 'kunde-42')).toBe(1);

    const a = new LiveClient(kadence.url, { cookie: anna.cookie, prefix: 'anna' });
    clients.push(a);
    expect(await a.connected()).toBe('connected');
    const joined = await a.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('no state on join');
    expect(joined.state.cards[String(cardId)]).toMatchObject({ quote: MASK.erased, score: 2, position: 1 });
    expect(JSON.stringify(joined.state)).not.toContain('Kaptajnhummeren');
    expect(Object.keys(joined.state.cards)).toHaveLength(2);
    // The log goes on from the rewritten state.
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    expect(
      await a.send(meetingId, { type: 'comment.add', cardId: String(cardId), text: 'Vi ringer dem op' }),
    ).toMatchObject({ ok: true });
  });

  it('reaches the meeting when the erasure ran elsewhere (another process, the admin command line), untold', async () => {
    const { services } = kadence.app;
    const { db } = services.store;
    const team = await services.teams.create({ name: 'Salg', slug: 'salg' });
    const lead = await makeMember(kadence.app, 'salg', 'sara@example.dk', 'Sara', 'lead');
    const bo = await makeMember(kadence.app, 'salg', 'bo@example.dk', 'Bo', 'member');
    await services.imports.ingestBatch(team, [
      {
        id: 's1',
        receivedAt: '2026-11-03T09:00:00Z',
        metric: 'nps',
        score: 3,
        comment: 'Sælgeren lovede gratis fragt',
        customer: 'kunde-7',
      },
    ]);
    const meetingId = await makeMeeting(kadence.app, 'salg', []);
    const { id: cardId } = await db
      .selectFrom('feedback')
      .select('id')
      .where('external_id', '=', 's1')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meeting_cards')
      .values({ meeting_id: meetingId, feedback_id: cardId, position: 1, picked_by: 'lead' })
      .execute();
    const l = new LiveClient(kadence.url, { cookie: lead.cookie, prefix: 'sara' });
    clients.push(l);
    expect(await l.connected()).toBe('connected');
    expect(await l.join(meetingId)).toMatchObject({ ok: true });
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });

    // Services of their own on the same database: nothing in this server is told of the erasure.
    const elsewhere = createServices(services.store, { sessionDays: 30, publicUrl: kadence.url });
    expect(await elsewhere.feedback.eraseCustomer(team, 'kunde-7')).toBe(1);

    const b = new LiveClient(kadence.url, { cookie: bo.cookie, prefix: 'bo' });
    clients.push(b);
    expect(await b.connected()).toBe('connected');
    const joined = await b.join(meetingId);
    if (!joined.ok || !joined.state) throw new Error('no state on join');
    expect(joined.state.cards[String(cardId)]).toMatchObject({ quote: MASK.erased, score: 3 });
    expect(JSON.stringify(joined.state)).not.toContain('gratis fragt');
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
  });
});
