import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMeetingEvent, type MeetingState } from '../../shared/meeting/index.ts';
import { startKadence } from '../helpers/browser.ts';
import { LiveClient, makeMeeting, makeMember } from '../helpers/meeting.ts';

describe('live meeting over socket.io', () => {
  let kadence: Awaited<ReturnType<typeof startKadence>>;
  let lead: { id: number; cookie: string };
  let anna: { id: number; cookie: string };
  let bo: { id: number; cookie: string };
  let meetingId: number;
  const clients: LiveClient[] = [];
  const client = (options: { cookie?: string; guest?: string }, prefix: string) => {
    const c = new LiveClient(kadence.url, { ...options, prefix });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    kadence = await startKadence();
    await kadence.app.services.teams.create({ name: 'Support', slug: 'support' });
    await kadence.app.services.teams.create({ name: 'Other', slug: 'other' });
    lead = await makeMember(kadence.app, 'support', 'lea@example.dk', 'Lea', 'lead');
    anna = await makeMember(kadence.app, 'support', 'anna@example.dk', 'Anna', 'member');
    bo = await makeMember(kadence.app, 'support', 'bo@example.dk', 'Bo', 'member');
    await makeMember(kadence.app, 'other', 'olga@example.dk', 'Olga', 'lead');
    meetingId = await makeMeeting(kadence.app, 'support', [
      { comment: 'Ring mig på 12345678 eller skriv til kim@example.dk', score: 3 },
      { comment: 'Fantastisk hjælp i telefonen', score: 10 },
    ]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await kadence.stop();
  });

  it('refuses anonymous sockets and members of other teams', async () => {
    const anonymous = client({}, 'anon');
    expect(await anonymous.connected()).toBe('refused: UNAUTHENTICATED');
    const olgaCookie = `kadence_session=${(await kadence.app.services.auth.startSession(4)).token}`;
    const olga = client({ cookie: olgaCookie }, 'olga');
    expect(await olga.connected()).toBe('connected');
    expect(await olga.join(meetingId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('starts, acks, broadcasts, withholds private writing and checks roles and steps', async () => {
    const l = client({ cookie: lead.cookie }, 'lea');
    const a = client({ cookie: anna.cookie }, 'anna');
    const b = client({ cookie: bo.cookie }, 'bo');
    for (const c of [l, a, b]) expect(await c.connected()).toBe('connected');
    for (const c of [l, a, b]) expect(await c.join(meetingId)).toMatchObject({ ok: true });

    expect(await a.send(meetingId, { type: 'meeting.start' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const started = await l.send(meetingId, { type: 'meeting.start' });
    expect(started).toMatchObject({ ok: true, duplicate: false });
    await a.until(started.ok ? started.seq : 0);
    const snapshot = a.events.find((e) => e.type === 'snapshot');
    if (snapshot?.type !== 'snapshot') throw new Error('no snapshot after start');
    const quotes = Object.values(snapshot.payload.state.cards).map((c) => c.quote);
    expect(quotes.join(' ')).toContain('[phone]');
    expect(quotes.join(' ')).toContain('[e-mail]');
    expect(quotes.join(' ')).not.toContain('kim@example.dk');
    const cardId = Object.keys(snapshot.payload.state.cards)[0] as string;

    expect(await a.send(meetingId, { type: 'comment.add', cardId, text: 'Too early' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await a.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await l.send(meetingId, { type: 'step.go', index: 1 })).toMatchObject({ ok: true });

    const secret = await a.send(meetingId, { type: 'comment.add', cardId, text: 'ANNA-SECRET-THOUGHT' });
    if (!secret.ok) throw new Error(secret.error.message);
    await b.until(secret.seq);
    await l.until(secret.seq);
    for (const other of [b, l]) {
      expect(JSON.stringify(other.events)).not.toContain('ANNA-SECRET-THOUGHT');
      expect(other.events.find((e) => e.seq === secret.seq)?.type).toBe('hidden');
    }
    // Anna sees her own comment.
    expect(JSON.stringify(a.events)).toContain('ANNA-SECRET-THOUGHT');
    // A late joiner's snapshot withholds it too.
    const late = client({ cookie: bo.cookie }, 'bo2');
    await late.connected();
    const joined = await late.join(meetingId);
    expect(JSON.stringify(joined)).not.toContain('ANNA-SECRET-THOUGHT');

    const reveal = await l.send(meetingId, { type: 'comments.reveal' });
    if (!reveal.ok) throw new Error(reveal.error.message);
    await b.until(reveal.seq);
    expect(JSON.stringify(b.events.find((e) => e.seq === reveal.seq))).toContain('ANNA-SECRET-THOUGHT');

    // Hidden authors: hidden in every payload others receive.
    await l.send(meetingId, { type: 'authors.show', shown: false });
    const anon = await b.send(
      meetingId,
      { type: 'comment.add', cardId, text: 'an anonymous note' },
      'x7f3a9c2e1d4b6a8f',
    );
    if (!anon.ok) throw new Error(anon.error.message);
    await a.until(anon.seq);
    const seen = a.events.find((e) => e.seq === anon.seq);
    expect(seen?.type).toBe('comment.add');
    expect(JSON.stringify(seen)).not.toContain('"Bo"');
    expect(JSON.stringify(seen)).not.toContain(`u:${bo.id}`);
  });

  it('does not apply a retried opId twice', async () => {
    const a = client({ cookie: anna.cookie }, 'anna-retry');
    await a.connected();
    await a.join(meetingId);
    const hand = { type: 'hand.set', raised: true } as const;
    const first = await a.send(meetingId, hand, 'retry-op-0001');
    const again = await a.send(meetingId, hand, 'retry-op-0001');
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true, seq: first.ok ? first.seq : -1 });
    const count = await kadence.app.services.store.db
      .selectFrom('meeting_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('op_id', '=', 'retry-op-0001')
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('rate-limits a flooding socket and rejects oversize or malformed payloads', async () => {
    const a = client({ cookie: anna.cookie }, 'anna-flood');
    await a.connected();
    await a.join(meetingId);
    const results = await Promise.all(
      Array.from({ length: 90 }, (_, i) => a.send(meetingId, { type: 'ready.set', ready: i % 2 === 0 })),
    );
    expect(results.some((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true);
    const bad = (await a.socket.emitWithAck('live:command', {
      opId: 'bad-op-0001',
      meetingId,
      command: { type: 'comment.add', cardId: '1', text: 'x'.repeat(5000) },
    })) as { ok: boolean; error?: { code: string } };
    expect(bad).toMatchObject({ ok: false });
  });

  it('catches a reconnecting client up from its last seq, converging with the server', async () => {
    const b = client({ cookie: bo.cookie }, 'bo-reconnect');
    await b.connected();
    const first = await b.join(meetingId);
    if (!first.ok || !first.state) throw new Error('join failed');
    let state: MeetingState = first.state;
    b.close();
    const l = client({ cookie: lead.cookie }, 'lea-2');
    await l.connected();
    await l.join(meetingId);
    await l.send(meetingId, { type: 'timer.start' });
    await l.send(meetingId, { type: 'timer.extend', seconds: 60 });
    const again = client({ cookie: bo.cookie }, 'bo-back');
    await again.connected();
    const resumed = await again.join(meetingId, state.seq);
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(resumed.events?.length).toBeGreaterThan(0);
    for (const event of resumed.events ?? []) state = applyMeetingEvent(state, event);
    expect(state.seq).toBe(resumed.seq);
    const fresh = await again.join(meetingId);
    if (!fresh.ok || !fresh.state) throw new Error('no snapshot');
    // The second join adds one presence event; apart from that the replayed state equals the snapshot.
    expect({ ...state, participants: {}, seq: 0 }).toEqual({ ...fresh.state, participants: {}, seq: 0 });
  });

  it('lets a guest join through a revocable link, as participant or observer', async () => {
    const link = await kadence.app.inject({
      method: 'POST',
      url: `/api/teams/support/meetings/${meetingId}/guest-links`,
      headers: await csrfHeaders(lead.cookie),
      payload: { role: 'observer' },
    });
    expect(link.statusCode).toBe(201);
    const { token, id } = link.json() as { token: string; id: number };
    const joinHeaders = await csrfHeaders('');
    const joined = await kadence.app.inject({
      method: 'POST',
      url: `/api/join/${token}`,
      headers: joinHeaders,
      payload: { name: 'Gitte' },
    });
    expect(joined.statusCode).toBe(200);
    const { secret } = joined.json() as { secret: string };
    const g = client({ guest: secret }, 'guest');
    expect(await g.connected()).toBe('connected');
    const ack = await g.join(meetingId);
    expect(ack).toMatchObject({ ok: true, you: { name: 'Gitte', role: 'observer' } });
    expect(await g.send(meetingId, { type: 'card.flag', cardId: '1', on: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await g.send(meetingId, { type: 'hand.set', raised: true })).toMatchObject({ ok: true });

    const watcher = client({ cookie: lead.cookie }, 'lea-watch');
    await watcher.connected();
    await watcher.join(meetingId);
    const gone = new Promise<string>((resolve) => g.socket.once('disconnect', (reason) => resolve(reason)));
    const revoked = await kadence.app.inject({
      method: 'DELETE',
      url: `/api/teams/support/meetings/${meetingId}/guest-links/${id}`,
      headers: await csrfHeaders(lead.cookie),
    });
    expect(revoked.statusCode).toBe(200);
    // The guest who is already in the meeting is let go at once, and the others see them leave.
    expect(await gone).toBe('io server disconnect');
    for (
      let i = 0;
      i < 100 && !watcher.events.some((e) => e.type === 'presence.leave' && e.actor.name === 'Gitte');
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    expect(watcher.events.find((e) => e.type === 'presence.leave')?.actor).toMatchObject({
      name: 'Gitte',
      role: 'observer',
    });
    const after = client({ guest: secret }, 'guest-2');
    expect(await after.connected()).toBe('refused: UNAUTHENTICATED');
    const rejoin = await kadence.app.inject({
      method: 'POST',
      url: `/api/join/${token}`,
      headers: joinHeaders,
      payload: { name: 'Gitte' },
    });
    expect(rejoin.statusCode).toBe(410);
  });

  /** Cookie and CSRF header for a write through app.inject. */
  async function csrfHeaders(session: string): Promise<Record<string, string>> {
    const csrf = await kadence.app.inject({ url: '/api/auth/csrf', headers: session ? { cookie: session } : {} });
    const csrfCookie = String(csrf.headers['set-cookie']).split(';')[0] as string;
    return {
      cookie: [session, csrfCookie].filter(Boolean).join('; '),
      'x-csrf-token': (csrf.json() as { token: string }).token,
    };
  }
});
