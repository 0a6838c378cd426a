import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKadence } from '../helpers/browser.ts';
import { AGENDA, LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

/** Last month's actions are updated on the board, through the engine, so the change is in the event log. */
describe('the follow-up step through the live engine', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    kadence = await startKadence();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  it('lets the owner and the facilitator move actions in the follow-up step only, and logs every change', async () => {
    const { services } = kadence.app;
    await services.teams.create({ name: 'Support', slug: 'support' });
    const lead = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    const anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    const bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    const team = await services.teams.bySlug('support');
    const annasAction = await services.actions.repo.create({
      teamId: team.id,
      title: 'Ring tilbage samme dag',
      ownerId: anna.id,
      dueDate: null,
      createdBy: lead.id,
    });
    const leadsAction = await services.actions.repo.create({
      teamId: team.id,
      title: 'Ny FAQ om levering',
      ownerId: lead.id,
      dueDate: null,
      createdBy: lead.id,
    });
    const meetingId = await makeMeeting(
      kadence.app,
      'support',
      [{ comment: 'Hurtigt svar', score: 9 }],
      [{ key: 'followup', name: 'Follow-up', minutes: 1 }, ...AGENDA],
    );

    const [l, a, b] = [lead, anna, bo].map((person, index) => {
      const c = new LiveClient(kadence.url, { cookie: person.cookie, prefix: `p${index}` });
      clients.push(c);
      return c;
    }) as [LiveClient, LiveClient, LiveClient];
    for (const c of [l, a, b]) {
      expect(await c.connected()).toBe('connected');
      expect(await c.join(meetingId)).toMatchObject({ ok: true });
    }
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });

    // Bo neither owns nor facilitates; Anna owns hers; the facilitator may move any.
    expect(await b.send(meetingId, { type: 'action.status', actionId: annasAction, to: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const done = await a.send(meetingId, { type: 'action.status', actionId: annasAction, to: 'done' });
    expect(done).toMatchObject({ ok: true });
    expect(await a.send(meetingId, { type: 'action.status', actionId: leadsAction, to: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await l.send(meetingId, { type: 'action.status', actionId: leadsAction, to: 'dropped' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await l.send(meetingId, { type: 'action.status', actionId: leadsAction, to: 'in_progress' })).toMatchObject({
      ok: true,
    });

    await b.until(done.ok ? done.seq + 1 : 0);
    const logged = b.events
      .filter((event) => event.type === 'action.status')
      .map((event) =>
        event.type === 'action.status'
          ? [event.payload.title, event.payload.from, event.payload.to, event.actor.name]
          : [],
      );
    expect(logged).toEqual([
      ['Ring tilbage samme dag', 'open', 'done', 'Anna'],
      ['Ny FAQ om levering', 'open', 'in_progress', 'Lea'],
    ]);
    expect((await services.actions.repo.byId(annasAction))?.status).toBe('done');
    const stored = await services.store.db
      .selectFrom('meeting_events')
      .select('seq')
      .where('meeting_id', '=', meetingId)
      .where('type', '=', 'action.status')
      .execute();
    expect(stored).toHaveLength(2);

    // Outside the follow-up step the board refuses it.
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    expect(await a.send(meetingId, { type: 'action.status', actionId: annasAction, to: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
