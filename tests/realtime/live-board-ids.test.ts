import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingState } from '../../shared/meeting/index.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

describe('commands are checked against the board itself', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let meetingId: number;
  let l: LiveClient;
  let a: LiveClient;
  let b: LiveClient;
  let anna: { id: number; cookie: string };
  let lea: { id: number; cookie: string };
  const clients: LiveClient[] = [];
  const joined = async (cookie: string, prefix: string) => {
    const c = new LiveClient(kadence.url, { cookie, prefix });
    clients.push(c);
    await c.connected();
    const ack = await c.join(meetingId);
    if (!ack.ok) throw new Error(ack.error.message);
    return c;
  };
  const state = async (): Promise<MeetingState> => {
    const look = await joined(lea.cookie, 'look');
    const ack = await look.join(meetingId);
    look.close();
    if (!ack.ok || !ack.state) throw new Error('no state');
    return ack.state;
  };

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    lea = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    const bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    meetingId = await makeMeeting(kadence.app, 'support', [{ comment: 'Slow replies', score: 4 }]);
    l = await joined(lea.cookie, 'lea');
    a = await joined(anna.cookie, 'anna');
    b = await joined(bo.cookie, 'bo');
    expect(await l.send(meetingId, { type: 'meeting.start' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  it('refuses prototype names as card, comment and participant ids, and logs none of them', async () => {
    const logged = async () =>
      (
        await kadence.app.services.store.db
          .selectFrom('meeting_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('meeting_id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await logged();
    for (const id of ['constructor', '__proto__', 'toString']) {
      expect(await a.send(meetingId, { type: 'card.react', cardId: id, reaction: 'wow', on: true })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await a.send(meetingId, { type: 'card.flag', cardId: id, on: true })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await l.send(meetingId, { type: 'comment.delete', commentId: id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await l.send(meetingId, { type: 'facilitator.handover', to: id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    const after = await logged();
    expect(after).toBe(before);
    expect((await state()).facilitator).toBe(`u:${lea.id}`);
  });

  it('keeps a private comment’s deletion private, live and in a catch-up', async () => {
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });
    const cardId = Object.keys((await state()).cards)[0] as string;
    const from = (await state()).seq;
    const added = await a.send(
      meetingId,
      { type: 'comment.add', cardId, text: 'PRIVATE-THOUGHT' },
      'private-note-0001',
    );
    expect(added).toMatchObject({ ok: true });
    const deleted = await a.send(meetingId, { type: 'comment.delete', commentId: 'private-note-0001' });
    if (!deleted.ok) throw new Error(deleted.error.message);
    await b.until(deleted.seq);
    await l.until(deleted.seq);
    for (const other of [b, l]) {
      expect(other.events.find((e) => e.seq === deleted.seq)?.type).toBe('hidden');
      expect(JSON.stringify(other.events)).not.toContain('private-note-0001');
    }
    expect(a.events.find((e) => e.seq === deleted.seq)).toMatchObject({
      type: 'comment.delete',
      payload: { commentId: 'private-note-0001' },
    });
    const late = await joined(lea.cookie, 'lea-late');
    const catchUp = await late.join(meetingId, from);
    expect(JSON.stringify(catchUp)).not.toContain('private-note-0001');
    expect(JSON.stringify(catchUp)).not.toContain('Anna');
  });

  it('refuses blank theme names and due dates that are not in the calendar', async () => {
    expect(await l.send(meetingId, { type: 'step.go', index: 2 })).toMatchObject({ ok: true });
    expect(await a.send(meetingId, { type: 'theme.create', name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      (
        await kadence.app.services.store.db
          .selectFrom('themes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => eb(eb.fn('trim', ['name']), '=', ''))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(0);
    expect(await l.send(meetingId, { type: 'step.go', index: 4 })).toMatchObject({ ok: true });
    const decide = {
      type: 'action.decide',
      title: 'Call back',
      ownerId: anna.id,
      themeId: null,
      commentIds: [],
      cardIds: [],
    } as const;
    expect(await l.send(meetingId, { ...decide, dueDate: '2026-13-45', commentIds: [], cardIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await l.send(meetingId, { ...decide, dueDate: '2026-02-30', commentIds: [], cardIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // Neither refused decision stored an action (a PostgreSQL date column could not even hold their dates).
    const decided = async () =>
      (
        await kadence.app.services.store.db
          .selectFrom('actions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('title', '=', decide.title)
          .executeTakeFirstOrThrow()
      ).n;
    expect(await decided()).toBe(0);
    expect(await l.send(meetingId, { ...decide, dueDate: '2026-02-28', commentIds: [], cardIds: [] })).toMatchObject({
      ok: true,
    });
    expect(await decided()).toBe(1);
  });
});
